import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData, useSearchParams } from 'react-router'
import { z } from 'zod'
import { listCycles } from '#db/queries/cycles.ts'
import { listReviewQueue } from '#db/queries/review-queue.ts'
import { REGIONAL_GROUPS } from '#db/types.ts'
import type { Route } from './+types/queue.ts'
import { REPORT_STATES } from '../../domain/workflow.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDateTime } from '#forms/locale-format.ts'
import { todayIso } from '../../utils/dates.ts'
import { ENTER_ON_BEHALF_ROLES, hasRole } from '../../utils/permissions.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const QuerySchema = z.object({
	cycle: z.string().uuid().optional().catch(undefined),
	status: z.enum(REPORT_STATES).optional().catch(undefined),
	region: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
	country: z
		.string()
		.regex(/^[A-Za-z]{3}$/)
		.transform((v) => v.toUpperCase())
		.optional()
		.catch(undefined),
	late: z.literal('1').optional().catch(undefined),
	sort: z.enum(['submitted', 'country', 'status', 'threads']).optional().catch(undefined),
	dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'reviewer', 'admin')
	const query = parseQuery(request, QuerySchema)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const today = todayIso()
	const cycles = (await listCycles(db)).filter((c) => c.opensOn <= today)
	const cycle =
		cycles.find((c) => c.id === query.cycle) ??
		cycles.find((c) => c.code === 'sc-art15-6') ??
		cycles[0]
	const rows = cycle
		? await listReviewQueue(
				db,
				{
					cycleId: cycle.id,
					status: query.status,
					region: query.region,
					partyCode: query.country,
					late: query.late === '1',
					sort: query.sort,
					direction: query.dir,
				},
				cycle.deadline,
			)
		: []
	return {
		query,
		cycles: cycles.map((c) => ({ id: c.id, title: c.title[language] ?? c.title.en ?? c.code })),
		cycle: cycle ? { id: cycle.id, deadline: cycle.deadline } : null,
		mayEnterOnBehalf: hasRole(user, ...ENTER_ON_BEHALF_ROLES),
		rows: rows.map((r) => ({
			...r,
			name: r.names[language] || r.names.en,
			firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
			lastSubmittedAt: r.lastSubmittedAt?.toISOString() ?? null,
		})),
	}
}

type Loaded = Awaited<ReturnType<typeof loader>>

function QueueFilters({ query, cycles, cycle }: Pick<Loaded, 'query' | 'cycles' | 'cycle'>) {
	const { t } = useTranslation('review')
	return (
		<Form method="get" className="filters" role="search" aria-label={t('queue.filters')}>
			<div className="field">
				<label htmlFor="cycle">{t('queue.cycle')}</label>
				<select id="cycle" name="cycle" defaultValue={cycle?.id}>
					{cycles.map((c) => (
						<option key={c.id} value={c.id}>
							{c.title}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="status">{t('queue.status')}</label>
				<select id="status" name="status" defaultValue={query.status ?? ''}>
					<option value="">{t('queue.any')}</option>
					{REPORT_STATES.filter((s) => s !== 'draft').map((s) => (
						<option key={s} value={s}>
							{t(`editor:status.${s}`)}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="region">{t('queue.region')}</label>
				<select id="region" name="region" defaultValue={query.region ?? ''}>
					<option value="">{t('queue.any')}</option>
					{REGIONAL_GROUPS.map((g) => (
						<option key={g} value={g}>
							{t(`common:regions.${g}`)}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor="country">{t('queue.country')}</label>
				<input
					id="country"
					name="country"
					size={4}
					maxLength={3}
					defaultValue={query.country ?? ''}
				/>
			</div>
			<label className="checkbox">
				<input type="checkbox" name="late" value="1" defaultChecked={query.late === '1'} />
				{t('queue.lateOnly')}
			</label>
			<button type="submit" className="button button--secondary">
				{t('common:actions.filter')}
			</button>
		</Form>
	)
}

/** A column header that sorts the queue by it (again: in the other direction). */
function SortableHeader({
	query,
	sort,
	label,
}: {
	query: Loaded['query']
	sort: string
	label: string
}) {
	const [params] = useSearchParams()
	const current = (query.sort ?? 'submitted') === sort
	const next = new URLSearchParams(params)
	next.set('sort', sort)
	next.set('dir', current && query.dir !== 'desc' ? 'desc' : 'asc')
	const state = current ? (query.dir === 'desc' ? 'descending' : 'ascending') : 'none'
	return (
		<th scope="col" aria-sort={state}>
			<Link to={`?${next}`}>{label}</Link>
		</th>
	)
}

function QueueRow({ row }: { row: Loaded['rows'][number] }) {
	const { t, i18n } = useTranslation('review')
	return (
		<tr>
			<th scope="row">
				<Link to={`/reports/${row.reportId}/review`}>{row.name}</Link>
			</th>
			<td>{row.regionalGroup ? t(`common:regions.${row.regionalGroup}`) : '—'}</td>
			<td>{row.lastSubmittedAt ? formatDateTime(row.lastSubmittedAt, i18n.language) : '—'}</td>
			<td>
				<span className={row.late ? 'badge badge--late' : 'badge badge--ok'}>
					{row.late ? t('queue.late') : t('queue.onTime')}
				</span>
			</td>
			<td>
				<span className={`status status--${row.status}`}>{t(`editor:status.${row.status}`)}</span>
				{row.reopenRequested ? (
					<span className="badge badge--soon">{t('queue.reopenRequested')}</span>
				) : null}
			</td>
			<td>{row.openThreads}</td>
		</tr>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('review:queue.title')])

export default function ReviewQueue() {
	const { t } = useTranslation('review')
	const { query, cycles, cycle, rows, mayEnterOnBehalf } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="queue-title" className="stack">
			<div className="page-heading">
				<h1 id="queue-title">{t('queue.title')}</h1>
				<div className="button-row">
					{cycle ? (
						<Link to={`/review/cycles/${cycle.id}/dashboard`} className="button button--secondary">
							{t('queue.dashboard')}
						</Link>
					) : null}
					{mayEnterOnBehalf ? (
						<Link to="/review/enter" className="button button--secondary">
							{t('queue.enterOnBehalf')}
						</Link>
					) : null}
				</div>
			</div>
			<QueueFilters query={query} cycles={cycles} cycle={cycle} />
			<p role="status">{t('queue.count', { count: rows.length })}</p>
			<ScrollRegion labelledBy="queue-caption">
				<table className="table">
					<caption className="visually-hidden" id="queue-caption">
						{t('queue.title')}
					</caption>
					<thead>
						<tr>
							<SortableHeader query={query} sort="country" label={t('queue.countryColumn')} />
							<th scope="col">{t('queue.region')}</th>
							<SortableHeader query={query} sort="submitted" label={t('queue.submitted')} />
							<th scope="col">{t('queue.timeliness')}</th>
							<SortableHeader query={query} sort="status" label={t('queue.status')} />
							<SortableHeader query={query} sort="threads" label={t('queue.threads')} />
						</tr>
					</thead>
					<tbody>
						{rows.map((row) => (
							<QueueRow key={row.reportId} row={row} />
						))}
					</tbody>
				</table>
			</ScrollRegion>
			{rows.length === 0 ? <p>{t('queue.empty')}</p> : null}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
