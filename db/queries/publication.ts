import { sql } from 'kysely'
import { toCycle, type ReportingCycle } from './cycles.ts'
import type { DbHandle } from './handle.ts'

/** The secretariat's decision to publish a cycle from a date (see the migration). */
export type CyclePublication = {
	cycleId: string
	/** First day (UTC, `YYYY-MM-DD`) the cycle is public. */
	publishedFrom: string
	decidedBy: string | null
	decidedByName: string | null
	decidedAt: Date
}

export async function findCyclePublication(
	db: DbHandle,
	cycleId: string,
): Promise<CyclePublication | undefined> {
	const row = await db
		.selectFrom('cycle_publication as p')
		.leftJoin('app_user as u', 'u.id', 'p.decided_by')
		.where('p.cycle_id', '=', cycleId)
		.select([
			'p.cycle_id as cycleId',
			'p.published_from as publishedFrom',
			'p.decided_by as decidedBy',
			'u.name as decidedByName',
			'p.decided_at as decidedAt',
		])
		.executeTakeFirst()
	return row ? { ...row, decidedAt: new Date(row.decidedAt) } : undefined
}

/** Every cycle's publication decision (public already, or from a day ahead). */
export async function listCyclePublications(
	db: DbHandle,
): Promise<{ cycleId: string; publishedFrom: string }[]> {
	return db
		.selectFrom('cycle_publication')
		.select(['cycle_id as cycleId', 'published_from as publishedFrom'])
		.execute()
}

/** Publishes the cycle from `publishedFrom`, or moves the date of its publication. */
export async function setCyclePublication(
	db: DbHandle,
	input: { cycleId: string; publishedFrom: string; decidedBy: string },
) {
	await db
		.insertInto('cycle_publication')
		.values({
			cycle_id: input.cycleId,
			published_from: input.publishedFrom,
			decided_by: input.decidedBy,
		})
		.onConflict((oc) =>
			oc.column('cycle_id').doUpdateSet({
				published_from: input.publishedFrom,
				decided_by: input.decidedBy,
				decided_at: sql`now()`,
			}),
		)
		.execute()
}

/** Withdraws the cycle's publication; whether there was one to withdraw. */
export async function removeCyclePublication(db: DbHandle, cycleId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('cycle_publication')
		.where('cycle_id', '=', cycleId)
		.executeTakeFirst()
	return Number(result.numDeletedRows) > 0
}

export type PublishedCycle = Pick<
	ReportingCycle,
	| 'id'
	| 'code'
	| 'convention'
	| 'formId'
	| 'formVersion'
	| 'formVariant'
	| 'title'
	| 'periodStart'
	| 'periodEnd'
	| 'opensOn'
	| 'deadline'
> & { publishedFrom: string }

/** The cycles public on `today` (published from that day or earlier), latest deadline first. */
export async function listPublishedCycles(db: DbHandle, today: string): Promise<PublishedCycle[]> {
	const rows = await db
		.selectFrom('reporting_cycle as c')
		.innerJoin('cycle_publication as p', 'p.cycle_id', 'c.id')
		.where('p.published_from', '<=', today)
		.select([
			'c.id',
			'c.code',
			'c.convention',
			'c.form_id',
			'c.form_version',
			'c.form_variant',
			'c.title',
			'c.period_start',
			'c.period_end',
			'c.opens_on',
			'c.deadline',
			'p.published_from',
		])
		.orderBy('c.deadline', 'desc')
		.orderBy('c.code')
		.execute()
	return rows.map((row) => ({ ...toCycle(row), publishedFrom: row.published_from }))
}
