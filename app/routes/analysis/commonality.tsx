import { useId } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData } from 'react-router'
import type { CalendarEntry, CommonalityAnalysis, FormatDimension } from '#forms/commonality.ts'
import { BarChart } from '../../components/bar-chart.tsx'
import { MatrixPicture } from './matrix-picture.tsx'
import { BurdenSection, ConsistencySection } from './submitted-analysis.tsx'
import type { Route } from './+types/commonality.ts'
import { COMMONALITY_FORMATS } from '#exports/commonality/tables.ts'
import {
	CommonalityPageSchema,
	commonalityParties,
	loadCommonality,
} from '../../domain/commonality.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle } from '../../utils/page-title.ts'

/**
 * `/analysis/commonality`: the commonality analysis of reporting content, format and timing
 * across the conventions' forms (`forms/commonality.ts`), for analysts and the secretariat.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const query = parseQuery(request, CommonalityPageSchema)
	const parties = await commonalityParties(db, language)
	const party = parties.find((candidate) => candidate.code === query.party)
	const analysis = await loadCommonality(db, language, party?.code)
	return { analysis, parties, party: party ?? null, unknownParty: Boolean(query.party && !party) }
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('exports:commonality.title')])

type Loaded = Awaited<ReturnType<typeof loader>>
type Content = CommonalityAnalysis['content']

const anchor = (conceptId: string, formId: string) =>
	`q-${conceptId}-${formId}`.replace(/[^\w-]/g, '-')

function Matrix({ content }: { content: Content }) {
	const { t } = useTranslation('exports')
	return (
		<>
			<MatrixPicture content={content} />
			<ScrollRegion labelledBy="matrix-caption">
				<table className="table">
					<caption id="matrix-caption">{t('commonality.matrixCaption')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('commonality.concept')}</th>
							<th scope="col">{t('commonality.reuse')}</th>
							{content.forms.map((form) => (
								<th key={form.formId} scope="col">
									{form.title}{' '}
									<span className="muted">
										v{form.version}
										{form.status === 'draft' ? ` (${t('commonality.draft')})` : ''}
									</span>
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{content.rows.map((row) => (
							<tr key={row.concept.id}>
								<th scope="row">
									<code>{row.concept.id}</code>
									<br />
									<span className="muted">{row.concept.description}</span>
								</th>
								<td>{t(`commonality.reuseKinds.${row.concept.reuse}`)}</td>
								{content.forms.map((form) => {
									const items = row.cells[form.formId]
									return (
										<td key={form.formId}>
											{items ? (
												<a href={`#${anchor(row.concept.id, form.formId)}`}>
													{t('commonality.questions', { count: items.length })}
												</a>
											) : (
												<>
													<span aria-hidden="true">–</span>
													<span className="visually-hidden">{t('commonality.notAsked')}</span>
												</>
											)}
										</td>
									)
								})}
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			<QuestionTexts content={content} />
		</>
	)
}

/** The questions behind each cell of the matrix, with their texts: the cells link here. */
function QuestionTexts({ content }: { content: Content }) {
	const { t } = useTranslation('exports')
	const titleOf = new Map(content.forms.map((form) => [form.formId, form.title]))
	return (
		<section aria-labelledby="texts-title" className="stack">
			<h3 id="texts-title">{t('commonality.textsTitle')}</h3>
			{content.rows
				.filter((row) => Object.keys(row.cells).length > 0)
				.map((row) => (
					<details key={row.concept.id} open={Object.keys(row.cells).length > 1}>
						<summary>
							<code>{row.concept.id}</code> {row.concept.description}
						</summary>
						{Object.entries(row.cells).map(([formId, items]) => (
							<div key={formId} id={anchor(row.concept.id, formId)}>
								<h4>{titleOf.get(formId)}</h4>
								<ul>
									{items.map((item) => (
										<li key={item.itemId}>
											{item.text} <span className="muted">({item.itemId})</span>
										</li>
									))}
								</ul>
							</div>
						))}
					</details>
				))}
		</section>
	)
}

function Shares({ content }: { content: Content }) {
	const { t } = useTranslation('exports')
	const format = useFormat()
	const titleOf = new Map(content.forms.map((form) => [form.formId, form.title]))
	return (
		<>
			<ScrollRegion labelledBy="shares-caption">
				<table className="table">
					<caption id="shares-caption">{t('commonality.sharesCaption')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('commonality.form')}</th>
							<th scope="col">{t('commonality.formQuestions')}</th>
							<th scope="col">{t('commonality.sharedQuestions')}</th>
							<th scope="col">{t('commonality.share')}</th>
						</tr>
					</thead>
					<tbody>
						{content.shares.map((share) => (
							<tr key={share.formId}>
								<th scope="row">{titleOf.get(share.formId)}</th>
								<td className="numeric">{format.number(share.questions)}</td>
								<td className="numeric">{format.number(share.shared)}</td>
								<td className="numeric">{format.percent(share.share)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			<BarChart
				chart={{
					categories: content.shares.map((share) => ({
						key: share.formId,
						label: titleOf.get(share.formId) ?? share.formId,
					})),
					series: [
						{
							key: 'share',
							label: t('commonality.share'),
							values: content.shares.map((share) => Math.round(share.share * 1000) / 10),
						},
					],
				}}
				heading={t('commonality.sharesChart')}
				formatNumber={(value) => format.percent(value / 100)}
				labels={{
					dataTable: t('commonality.sharesChartData'),
					unit: null,
					category: t('commonality.form'),
					summary: t('commonality.sharesChartSummary', {
						forms: content.shares
							.map(
								(share) =>
									`${titleOf.get(share.formId) ?? share.formId}: ${format.percent(share.share)}`,
							)
							.join('; '),
					}),
				}}
			/>
			<p>
				{content.widelyShared.length > 0
					? t('commonality.widelyShared', { concepts: content.widelyShared.join(', ') })
					: t('commonality.noneWidelyShared')}
			</p>
		</>
	)
}

export default function CommonalityPage() {
	const { t } = useTranslation('exports')
	const { analysis, parties, party, unknownParty } = useLoaderData<typeof loader>()
	const params = party ? `&party=${party.code}` : ''
	const names = {
		parties: new Map(parties.map((option) => [option.code, option.name])),
		forms: new Map(analysis.content.forms.map((form) => [form.formId, form.title])),
	}
	return (
		<section aria-labelledby="commonality-title" className="stack">
			<p>
				<Link to="/analysis">{t('commonality.back')}</Link>
			</p>
			<h1 id="commonality-title">{t('commonality.title')}</h1>
			<p>{t('commonality.intro')}</p>
			<Form method="get" className="button-row">
				<label htmlFor="commonality-party">{t('commonality.party')}</label>
				<select id="commonality-party" name="party" defaultValue={party?.code ?? ''}>
					<option value="">{t('commonality.allParties')}</option>
					{parties.map((option) => (
						<option key={option.code} value={option.code}>
							{option.name}
						</option>
					))}
				</select>
				<button type="submit" className="button button--secondary">
					{t('commonality.show')}
				</button>
			</Form>
			{unknownParty ? (
				<p role="alert" className="alert alert--error">
					{t('commonality.unknownParty')}
				</p>
			) : null}
			<section aria-labelledby="commonality-downloads" className="stack">
				<h2 id="commonality-downloads">{t('commonality.downloads')}</h2>
				<ul className="export-links">
					{COMMONALITY_FORMATS.map((format) => (
						<li key={format}>
							<a href={`/analysis/commonality/export?format=${format}${params}`}>
								{t(`commonality.download.${format}`)}
							</a>
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="content-title" className="stack">
				<h2 id="content-title">{t('commonality.contentTitle')}</h2>
				<Shares content={analysis.content} />
				<Matrix content={analysis.content} />
			</section>
			<FormatSection analysis={analysis} />
			<TimingSection timing={analysis.timing} party={party} />
			<ConsistencySection analysis={analysis} names={names} />
			<BurdenSection analysis={analysis} names={names} />
		</section>
	)
}

type FormatRow = CommonalityAnalysis['format'][number]

/** A cell of the format table; where the forms differ, it says so in words, not by colour alone. */
function FormatValue({
	row,
	dimension,
	value,
}: {
	row: FormatRow
	dimension: FormatDimension
	value: string
}) {
	const { t } = useTranslation('exports')
	const differs = row.differences.includes(dimension)
	return (
		<td className={differs ? 'cell--differs' : undefined}>
			{value || '–'}
			{differs ? <strong className="badge"> {t('commonality.differs')}</strong> : null}
		</td>
	)
}

function FormatSection({ analysis }: { analysis: CommonalityAnalysis }) {
	const { t } = useTranslation('exports')
	const titleOf = new Map(analysis.content.forms.map((form) => [form.formId, form.title]))
	const join = (values: readonly string[]) => values.join(', ')
	return (
		<section aria-labelledby="format-title" className="stack">
			<h2 id="format-title">{t('commonality.formatTitle')}</h2>
			<p>{t('commonality.formatIntro')}</p>
			<ScrollRegion labelledBy="format-caption">
				<table className="table">
					<caption id="format-caption">{t('commonality.formatCaption')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('commonality.concept')}</th>
							<th scope="col">{t('commonality.form')}</th>
							<th scope="col">{t('commonality.dimensions.questionType')}</th>
							<th scope="col">{t('commonality.dimensions.unit')}</th>
							<th scope="col">{t('commonality.dimensions.classification')}</th>
							<th scope="col">{t('commonality.dimensions.partner')}</th>
							<th scope="col">{t('commonality.dimensions.period')}</th>
						</tr>
					</thead>
					<tbody>
						{analysis.format.flatMap((row) =>
							row.cells.map((cell) => (
								<tr key={`${row.conceptId}-${cell.formId}`}>
									<th scope="row">
										<code>{row.conceptId}</code>
									</th>
									<td>{titleOf.get(cell.formId)}</td>
									<FormatValue
										row={row}
										dimension="questionType"
										value={join(cell.questionTypes)}
									/>
									<FormatValue row={row} dimension="unit" value={join(cell.units)} />
									<FormatValue row={row} dimension="classification" value={join(cell.codeLists)} />
									<FormatValue
										row={row}
										dimension="partner"
										value={join(cell.partners.map((p) => t(`commonality.partners.${p}`)))}
									/>
									<FormatValue
										row={row}
										dimension="period"
										value={t(`commonality.periods.${cell.period.kind}`, {
											count: cell.period.years,
										})}
									/>
								</tr>
							)),
						)}
					</tbody>
				</table>
			</ScrollRegion>
			<UnitConversions format={analysis.format} />
		</section>
	)
}

function UnitConversions({ format }: { format: CommonalityAnalysis['format'] }) {
	const { t } = useTranslation('exports')
	const rows = format.filter((row) => row.units.length > 0)
	if (rows.length === 0) return null
	return (
		<ul>
			{rows.flatMap((row) =>
				row.units.map((unit) => (
					<li key={`${row.conceptId}-${unit.from}-${unit.to}`}>
						<code>{row.conceptId}</code>:{' '}
						{unit.factor === undefined
							? t('commonality.noConversion', { from: unit.from, to: unit.to })
							: t('commonality.conversion', { from: unit.from, to: unit.to, factor: unit.factor })}
					</li>
				)),
			)}
		</ul>
	)
}

function CalendarTable({
	entries,
	caption,
}: {
	entries: readonly CalendarEntry[]
	caption: string
}) {
	const { t } = useTranslation('exports')
	const format = useFormat()
	const captionId = useId()
	return (
		<ScrollRegion labelledBy={captionId}>
			<table className="table">
				<caption id={captionId}>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t('commonality.deadline')}</th>
						<th scope="col">{t('commonality.form')}</th>
						<th scope="col">{t('commonality.period')}</th>
						<th scope="col">{t('commonality.source')}</th>
					</tr>
				</thead>
				<tbody>
					{entries.map((entry) => (
						<tr key={`${entry.formId}-${entry.deadline}`}>
							<th scope="row">
								<time dateTime={entry.deadline}>{format.date(entry.deadline)}</time>
							</th>
							<td>
								{entry.formId} <span className="muted">({entry.convention})</span>
							</td>
							<td>
								<bdi>{format.date(entry.periodStart)}</bdi> –{' '}
								<bdi>{format.date(entry.periodEnd)}</bdi>
							</td>
							<td>{t(`commonality.sources.${entry.source}`, { code: entry.code ?? '' })}</td>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	)
}

type Timing = CommonalityAnalysis['timing']

function Clashes({
	clashes,
}: {
	clashes: Pick<Timing['clashes'], 'busyYears' | 'closeDeadlines'>
}) {
	const { t } = useTranslation('exports')
	return (
		<>
			<h3>{t('commonality.busyYears')}</h3>
			<ul>
				{clashes.busyYears.map((year) => (
					<li key={year.year}>
						{t('commonality.busyYear', {
							year: year.year,
							forms: year.entries.map((e) => `${e.formId} (${e.deadline})`).join(', '),
						})}
					</li>
				))}
			</ul>
			<h3>{t('commonality.closeDeadlines')}</h3>
			{clashes.closeDeadlines.length === 0 ? (
				<p>{t('commonality.noCloseDeadlines')}</p>
			) : (
				<ul>
					{clashes.closeDeadlines.map((pair) => (
						<li key={`${pair.first.formId}-${pair.first.deadline}-${pair.second.formId}`}>
							{t('commonality.closePair', {
								first: `${pair.first.formId} (${pair.first.deadline})`,
								second: `${pair.second.formId} (${pair.second.deadline})`,
								count: pair.days,
							})}
						</li>
					))}
				</ul>
			)}
		</>
	)
}

function TimingSection({ timing, party }: { timing: Timing; party: Loaded['party'] }) {
	const { t } = useTranslation('exports')
	const years = { from: timing.years.from, to: timing.years.to }
	return (
		<section aria-labelledby="timing-title" className="stack">
			<h2 id="timing-title">{t('commonality.timingTitle', years)}</h2>
			<p>{t('commonality.timingIntro')}</p>
			{party && timing.party ? (
				<>
					<CalendarTable
						entries={timing.party.entries}
						caption={t('commonality.partyCalendar', { party: party.name, ...years })}
					/>
					<Clashes clashes={timing.party} />
				</>
			) : (
				<>
					<CalendarTable
						entries={timing.calendar}
						caption={t('commonality.calendarCaption', years)}
					/>
					<Clashes clashes={timing.clashes} />
				</>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
