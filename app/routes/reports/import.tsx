import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData, useLoaderData, useNavigation, redirect } from 'react-router'
import { z } from 'zod'
import { findParty } from '#db/queries/parties.ts'
import { EXCEL_IMPORT_MAX_BYTES } from '#exports/excel/limits.ts'
import type { ImportProblem } from '#exports/excel/import.ts'
import type { Route } from './+types/import.ts'
import { requireReport } from './report-access.server.ts'
import { FormError } from '../../components/forms.tsx'
import { applyImport, findImportPreview, previewImport } from '../../domain/excel-import.server.ts'
import type { PreviewRow } from '../../domain/excel-import.server.ts'
import { safeFileName } from '../../domain/attachments.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { canEditCountry } from '../../utils/permissions.ts'
import { positiveIntText, uuidText } from '../../utils/input.ts'
import { failure, parseQuery, readFormData } from '../../utils/request.server.ts'
import { data } from 'react-router'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const MAX_MB = EXCEL_IMPORT_MAX_BYTES / 1024 / 1024

async function requireImporter(
	context: Route.LoaderArgs['context'],
	request: Request,
	reportId: string,
) {
	const access = await requireReport(context, request, reportId)
	if (!canEditCountry(access.user, access.report.partyCode)) {
		throw data({ message: 'errors.forbidden' }, { status: 403 })
	}
	return access
}

const QuerySchema = z.object({
	preview: uuidText.optional(),
	applied: positiveIntText.optional(),
})

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const access = await requireImporter(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const query = parseQuery(request, QuerySchema)
	const previewId = query.preview
	const preview = previewId
		? await findImportPreview(db, access.report.id, previewId, access.user.id)
		: undefined
	const party = await findParty(db, access.report.partyCode)
	return {
		report: {
			id: access.report.id,
			status: access.report.status,
			partyName: party?.names[language] || party?.names.en || access.report.partyCode,
			cycleTitle: access.cycle.title[language] ?? access.cycle.title.en ?? access.cycle.code,
		},
		editable: access.canEdit,
		preview: preview ?? null,
		applied: query.applied ?? null,
	}
}

const ApplySchema = z.object({ intent: z.literal('apply'), importId: z.string().uuid() })

export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireImporter(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const read = await readFormData(request, EXCEL_IMPORT_MAX_BYTES + 64 * 1024)
	if (!read.ok) {
		if (read.response.init?.status !== 413) return read.response
		return failure(413, {
			formError: 'exports:import.fileErrors.tooLarge',
			formErrorParams: { size: MAX_MB },
		})
	}
	const intent = read.formData.get('intent')
	const base = `/reports/${access.report.id}/import`
	if (intent === 'apply') {
		const parsed = ApplySchema.safeParse({ intent, importId: read.formData.get('importId') })
		if (!parsed.success) return failure(400, { formError: 'errors.malformed' })
		const outcome = await applyImport(db, {
			context: access,
			userId: access.user.id,
			importId: parsed.data.importId,
		})
		if (!outcome.ok) {
			return failure(outcome.reason === 'not_found' ? 404 : 409, {
				formError: `exports:import.applyErrors.${outcome.reason}`,
			})
		}
		return redirect(`${base}?applied=${outcome.revision}`)
	}
	const file = read.formData.get('file')
	if (!(file instanceof File) || file.size === 0) {
		return failure(400, { formError: 'exports:import.fileErrors.empty' })
	}
	if (file.size > EXCEL_IMPORT_MAX_BYTES) {
		return failure(413, {
			formError: 'exports:import.fileErrors.tooLarge',
			formErrorParams: { size: MAX_MB },
		})
	}
	const t = serverTranslator(language, 'exports')
	const outcome = await previewImport(db, {
		context: access,
		userId: access.user.id,
		lang: language,
		file: { name: safeFileName(file.name), bytes: new Uint8Array(await file.arrayBuffer()) },
		rowsLabel: (count) => t('import.rows', { count }),
	})
	if (!outcome.ok) {
		return failure(400, {
			formError: `exports:import.fileErrors.${outcome.error}`,
			formErrorParams: { size: MAX_MB, ...outcome.params },
		})
	}
	return redirect(`${base}?preview=${outcome.importId}`)
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		t('exports:import.title'),
		loaderData?.report.partyName,
		loaderData?.report.cycleTitle,
	])

export default function ImportPage() {
	const { t } = useTranslation('exports')
	const { report, editable, preview, applied } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const base = `/reports/${report.id}`
	return (
		<section aria-labelledby="import-title" className="stack">
			<p>
				<Link to={`${base}/sections`}>{t('import.back', { name: report.partyName })}</Link>
			</p>
			<h1 id="import-title">{t('import.title')}</h1>
			<p className="muted">{report.cycleTitle}</p>
			{applied ? (
				<p role="status" className="alert alert--success">
					{t('import.applied', { revision: applied })}{' '}
					<Link to={`${base}/history`}>{t('import.seeHistory')}</Link>
				</p>
			) : null}
			<FormError failure={actionData} />
			{!editable ? (
				<p className="alert alert--warning">{t('import.notEditable')}</p>
			) : (
				<>
					<p>{t('import.intro')}</p>
					<ul className="export-links">
						<li>
							<a href={`${base}/template?mode=prefilled`} download>
								{t('import.templatePrefilled')}
							</a>
						</li>
						<li>
							<a href={`${base}/template?mode=blank`} download>
								{t('import.templateBlank')}
							</a>
						</li>
					</ul>
					<Form method="post" encType="multipart/form-data" className="stack card">
						<input type="hidden" name="intent" value="check" />
						<div className="field">
							<label htmlFor="import-file">{t('import.file', { size: MAX_MB })}</label>
							<input
								id="import-file"
								name="file"
								type="file"
								required
								accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
							/>
						</div>
						<div className="button-row">
							<button type="submit" className="button" disabled={busy}>
								{t('import.check')}
							</button>
						</div>
					</Form>
				</>
			)}
			{preview ? (
				<Preview reportId={report.id} preview={preview} editable={editable} busy={busy} />
			) : null}
		</section>
	)
}

type PreviewData = NonNullable<Awaited<ReturnType<typeof loader>>['preview']>

function Preview({
	reportId,
	preview,
	editable,
	busy,
}: {
	reportId: string
	preview: PreviewData
	editable: boolean
	busy: boolean
}) {
	const { t } = useTranslation('exports')
	const { counts, sections, otherProblems, fileName, mode } = preview.preview
	// Questions the file leaves as they are, without any problem or check, are only counted.
	const shown = sections
		.map((section) => ({
			...section,
			rows: section.rows.filter(
				(row) => row.change !== 'unchanged' || row.problems.length > 0 || row.issues.length > 0,
			),
		}))
		.filter((section) => section.rows.length > 0)
	return (
		<section aria-labelledby="preview-title" className="stack">
			<h2 id="preview-title">{t('import.previewTitle', { file: fileName })}</h2>
			<p>
				{t('import.summary', counts)}{' '}
				{mode === 'blank' ? t('import.blankMode') : t('import.prefilledMode')}
			</p>
			{counts.problems > 0 ? (
				<p role="alert" className="alert alert--error">
					{t('import.problemsSummary', { count: counts.problems })}
				</p>
			) : null}
			{otherProblems.length > 0 ? (
				<>
					<h3>{t('import.otherProblems')}</h3>
					<ProblemList problems={otherProblems} />
				</>
			) : null}
			{shown.map((section) => (
				<ScrollRegion key={section.sectionId} labelledBy={`preview-${section.sectionId}`}>
					<table className="table import-preview">
						<caption id={`preview-${section.sectionId}`}>{section.title}</caption>
						<thead>
							<tr>
								<th scope="col">{t('import.columns.question')}</th>
								<th scope="col">{t('import.columns.change')}</th>
								<th scope="col">{t('import.columns.current')}</th>
								<th scope="col">{t('import.columns.incoming')}</th>
								<th scope="col">{t('import.columns.notes')}</th>
							</tr>
						</thead>
						<tbody>
							{section.rows.map((row) => (
								<PreviewLine key={row.questionId} row={row} />
							))}
						</tbody>
					</table>
				</ScrollRegion>
			))}
			{preview.appliedAt ? (
				<p className="alert alert--success">
					{t('import.alreadyApplied', { revision: preview.appliedRevision })}
				</p>
			) : preview.expired ? (
				<p className="alert alert--warning">{t('import.applyErrors.expired')}</p>
			) : !preview.canApply ? (
				<p className="alert alert--warning">
					{counts.problems > 0 ? t('import.fixProblems') : t('import.nothingToApply')}
				</p>
			) : editable ? (
				<Form method="post" action={`/reports/${reportId}/import`} className="button-row">
					<input type="hidden" name="intent" value="apply" />
					<input type="hidden" name="importId" value={preview.id} />
					<button type="submit" className="button" disabled={busy}>
						{t('import.apply', { count: preview.changeCount })}
					</button>
				</Form>
			) : null}
		</section>
	)
}

function PreviewLine({ row }: { row: PreviewRow }) {
	const { t } = useTranslation('exports')
	return (
		<tr className={row.problems.length > 0 ? 'import-preview__problem' : undefined}>
			<th scope="row">
				{row.label}
				<span className="muted import-preview__ref"> ({row.questionId})</span>
			</th>
			<td>
				<span className={`badge import-change import-change--${row.change}`}>
					{t(`import.change.${row.change}`)}
				</span>
			</td>
			<td>{row.current || '—'}</td>
			<td>
				{row.incoming || '—'}
				{row.details.length > 0 ? (
					<ul className="import-preview__details">
						{row.details.map((line) => (
							<li key={line}>{line}</li>
						))}
						{row.moreDetails > 0 ? (
							<li>{t('import.moreDetails', { count: row.moreDetails })}</li>
						) : null}
					</ul>
				) : null}
			</td>
			<td>
				<ProblemList problems={row.problems} />
				{row.issues.length > 0 ? (
					<ul className="import-preview__issues">
						{row.issues.map((issue, index) => (
							<li key={index} className={`issue issue--${issue.severity}`}>
								<span className="visually-hidden">{t(`import.severity.${issue.severity}`)}: </span>
								{issue.message}
							</li>
						))}
					</ul>
				) : null}
			</td>
		</tr>
	)
}

function ProblemList({ problems }: { problems: ImportProblem[] }) {
	const { t } = useTranslation('exports')
	if (problems.length === 0) return null
	return (
		<ul className="field-errors">
			{problems.map((problem, index) => (
				<li key={index}>
					{t(`import.problems.${problem.code}`, { value: '', ...problem.params })}{' '}
					<span className="muted">({t('import.cell', { cell: problem.cell })})</span>
				</li>
			))}
		</ul>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
