import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { setAcknowledgements } from '#db/queries/reports.ts'
import { percentOf } from '#forms/engine/index.ts'
import { dimensionValueLabel } from '#forms/reuse/fact-labels.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/validation.ts'
import { requireReport } from './report-access.server.ts'
import { FormError } from '../../components/forms.tsx'
import { groupIssues } from '../../domain/issue-groups.ts'
import { differencesFromSubmissions } from '../../domain/report-once.server.ts'
import { checkForSubmission } from '../../domain/workflow.server.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useSentence } from '../../components/sentence.tsx'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

const ExplanationSchema = z.object({
	// Each warning once: a key sent twice is one acknowledgement, not two rows of one key.
	issueKey: z
		.union([
			z
				.string()
				.min(1)
				.max(500)
				.transform((key) => [key]),
			z.array(z.string().min(1).max(500)).min(1).max(5_000),
		])
		.transform((keys) => [...new Set(keys)]),
	explanation: z.string().trim().max(4000),
})

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const report = await requireReport(context, request, params.reportId)
	const language = context.get(languageContext) as Language
	const db = context.get(dbContext)
	const check = await checkForSubmission(db, report)
	const differences = await differencesFromSubmissions(db, report, check.answers)
	const text = formText(report.definition, language)
	const t = serverTranslator(language)
	const groups = groupIssues(
		report.definition,
		check.answers,
		check.evaluation,
		[...check.errors, ...check.warnings],
		text,
		(n) => t('editor:validation.row', { n }),
	)
	const base = `/reports/${report.report.id}/sections`
	const { overall } = check.evaluation
	const label = (itemId: string, labelOf: (id: string) => string) =>
		itemId.split('.').length > 1
			? `${labelOf(itemId.split('.')[0]!)} › ${labelOf(itemId)}`
			: labelOf(itemId)
	return {
		editable: report.canEdit,
		differences: differences.map((d) => {
			const other = getFormDefinition(d.there.source.formId, d.there.source.formVersion)
			const otherText = other ? formText(other, language) : undefined
			return {
				key: `${d.conceptId}|${JSON.stringify(d.dims)}|${d.there.source.submissionId}`,
				// The chemical by its name, the partner by its name, in the reader's language.
				about: Object.keys(d.dims)
					.sort()
					.map((name) => dimensionValueLabel(name, d.dims[name]!, language))
					.join(' · '),
				unit: text.unit(d.unit),
				here: { amount: d.here.amount, item: label(d.here.itemId, text.label) },
				there: {
					amount: d.there.amount,
					item: otherText ? label(d.there.itemId, otherText.label) : d.there.itemId,
					form: otherText?.title() ?? d.there.source.formId,
					cycle:
						d.there.source.cycleTitle[language] ??
						d.there.source.cycleTitle.en ??
						d.there.source.cycleCode,
				},
			}
		}),
		progress: {
			percent: percentOf(overall),
			missing: overall.missing,
			errors: overall.errors,
			warnings: overall.warnings,
		},
		groups: groups.map((group) => ({
			...group,
			section: text.section(group.sectionId),
			question: text.label(group.questionId),
			target: group.target ? text.label(`${group.questionId}.${group.target}`) : undefined,
			locations: group.locations.map((location) => ({
				...location,
				href: `${base}/${group.sectionId}?check=1#${location.anchor}`,
			})),
			explanation:
				group.kind === 'warning'
					? (group.locations.map((l) => check.explanations[l.key]).find(Boolean) ?? '')
					: '',
			explained:
				group.kind === 'warning'
					? group.locations.filter((l) => check.explanations[l.key]).length
					: 0,
		})),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report, canEdit } = await requireReport(context, request, params.reportId)
	if (!canEdit) return failure(403, { formError: 'editor:validation.notEditable' })
	const parsed = await parseForm(request, ExplanationSchema)
	if (!parsed.ok) return parsed.response
	const { issueKey: keys, explanation } = parsed.data
	await setAcknowledgements(context.get(dbContext), report.id, keys, explanation || null, user.id)
	return { done: explanation ? 'editor:validation.explained' : 'editor:validation.cleared' }
}

type Group = Awaited<ReturnType<typeof loader>>['groups'][number]

/** One group: where it is, what is wrong, and each cell or field it concerns as a link. */
function IssueGroupItem({ group, editable }: { group: Group; editable: boolean }) {
	const { t } = useTranslation('editor')
	const first = group.locations[0]!
	const listed = group.locations.length > 1 || first.label !== ''
	return (
		<li className={`issue issue--${group.severity}`} data-issue-group={group.id}>
			<Link to={first.href}>
				{group.section} › {group.question}
				{group.target ? ` › ${group.target}` : ''}
			</Link>
			<p>
				{group.kind === 'missing' && listed
					? t('validation.missingAnswers', { count: group.locations.length })
					: group.message}
			</p>
			{listed ? (
				<details open={group.locations.length <= 5}>
					<summary>{t('validation.showLocations', { count: group.locations.length })}</summary>
					<ul className="issue-locations">
						{group.locations.map((location) => (
							<li key={location.key}>
								<Link to={location.href}>{location.label || group.question}</Link>
								{location.detail ? <span className="field-help"> — {location.detail}</span> : null}
							</li>
						))}
					</ul>
				</details>
			) : null}
			{group.kind !== 'warning' ? null : editable ? (
				<Form method="post" className="stack">
					{group.locations.map((location) => (
						<input key={location.key} type="hidden" name="issueKey" value={location.key} />
					))}
					<div className="field">
						<label htmlFor={`explain-${group.id}`}>
							{group.locations.length > 1
								? t('validation.explanationForAll', { count: group.locations.length })
								: t('validation.explanation')}
						</label>
						<textarea
							id={`explain-${group.id}`}
							name="explanation"
							rows={2}
							defaultValue={group.explanation}
							maxLength={4000}
						/>
					</div>
					<button type="submit" className="button button--secondary">
						{t('validation.saveExplanation')}
					</button>
				</Form>
			) : group.explanation ? (
				<p className="explanation">
					<strong>{t('validation.explanation')}:</strong> {group.explanation}
				</p>
			) : null}
		</li>
	)
}

function GroupList({
	groups,
	editable,
	empty,
}: {
	groups: Group[]
	editable: boolean
	empty: string
}) {
	if (groups.length === 0) return <p>{empty}</p>
	return (
		<ul className="issue-panel">
			{groups.map((group) => (
				<IssueGroupItem key={group.id} group={group} editable={editable} />
			))}
		</ul>
	)
}

/** Quantities this report gives differently from the country's submissions to other forms. */
function Differences({
	differences,
}: {
	differences: Awaited<ReturnType<typeof loader>>['differences']
}) {
	const sentence = useSentence('editor')
	const { t } = useTranslation('editor')
	const format = useFormat()
	const quantity = (amount: number, unit: string) =>
		`${format.number(amount, { maximumFractionDigits: 3 })} ${unit}`
	return (
		<>
			<h3>{t('validation.differences', { count: differences.length })}</h3>
			<p className="field-help">{t('validation.differencesHelp')}</p>
			{differences.length === 0 ? (
				<p>{t('validation.noDifferences')}</p>
			) : (
				<ul className="issue-panel">
					{differences.map((d) => (
						<li key={d.key} className="issue issue--warning" data-difference>
							<p>
								<strong>{d.here.item}</strong> (<bdi>{d.about}</bdi>)
							</p>
							<p>
								{sentence('validation.differenceValues', {
									here: quantity(d.here.amount, d.unit),
									there: quantity(d.there.amount, d.unit),
									form: d.there.form,
									cycle: d.there.cycle,
									item: d.there.item,
								})}
							</p>
						</li>
					))}
				</ul>
			)}
		</>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('editor:validation.title'), ...reportTitleParts(matches)])

export default function ValidationPage() {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const data = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { progress } = data
	const ofKind = (kind: Group['kind']) => data.groups.filter((group) => group.kind === kind)
	const warnings = ofKind('warning')
	const warningCount = warnings.reduce((sum, group) => sum + group.locations.length, 0)
	return (
		<section aria-labelledby="validation-title" className="stack">
			<h2 id="validation-title">{t('validation.title')}</h2>
			<p data-progress-summary>
				{t('progress.summary', {
					percent: format.percent(progress.percent / 100),
					missing: t('progress.missing', { count: progress.missing }),
					errors: t('progress.errors', { count: progress.errors }),
					warnings: t('progress.warnings', { count: progress.warnings }),
				})}
			</p>
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done.replace('editor:', ''))}
				</p>
			) : null}
			<FormError failure={result && 'fieldErrors' in result ? result : undefined} />
			<h3>{t('validation.missing', { count: progress.missing })}</h3>
			<GroupList
				groups={ofKind('missing')}
				editable={data.editable}
				empty={t('validation.noMissing')}
			/>
			<h3>{t('validation.errors', { count: progress.errors })}</h3>
			<GroupList
				groups={ofKind('error')}
				editable={data.editable}
				empty={t('validation.noErrors')}
			/>
			<h3>{t('validation.warnings', { count: warningCount })}</h3>
			<p className="field-help">{t('validation.warningsHelp')}</p>
			<GroupList groups={warnings} editable={data.editable} empty={t('validation.noWarnings')} />
			<Differences differences={data.differences} />
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
