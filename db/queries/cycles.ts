import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import { isUuid } from '../uuid.ts'
import type { Convention, LocalizedNames } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type ReportingCycle = {
	id: string
	code: string
	convention: Convention
	formId: string
	formVersion: number
	/** The variant of the form the cycle asks (`FormDefinition.variants`); null when none. */
	formVariant: string | null
	title: Partial<LocalizedNames>
	periodStart: string
	periodEnd: string
	opensOn: string
	deadline: string
}

/** A cycle to write; `formVariant` may be left out for forms without variants. */
export type CycleInput = Omit<ReportingCycle, 'id' | 'formVariant'> & {
	formVariant?: string | null
}

const columns = [
	'id',
	'code',
	'convention',
	'form_id',
	'form_version',
	'form_variant',
	'title',
	'period_start',
	'period_end',
	'opens_on',
	'deadline',
] as const

/** A `reporting_cycle` row as selected by `columns`. */
export type CycleRow = {
	id: string
	code: string
	convention: Convention
	form_id: string
	form_version: number
	form_variant: string | null
	title: Partial<LocalizedNames>
	period_start: string
	period_end: string
	opens_on: string
	deadline: string
}

export function toCycle(row: CycleRow): ReportingCycle {
	return {
		id: row.id,
		code: row.code,
		convention: row.convention,
		formId: row.form_id,
		formVersion: row.form_version,
		formVariant: row.form_variant,
		title: row.title,
		periodStart: row.period_start,
		periodEnd: row.period_end,
		opensOn: row.opens_on,
		deadline: row.deadline,
	}
}

export async function listCycles(db: DbHandle, filter: { openOn?: string } = {}) {
	const rows = await db
		.selectFrom('reporting_cycle')
		.$if(Boolean(filter.openOn), (qb) => qb.where('opens_on', '<=', filter.openOn!))
		.select(columns)
		.orderBy('deadline', 'desc')
		.orderBy('code')
		.execute()
	return rows.map(toCycle)
}

export async function findCycle(db: DbHandle, id: string) {
	if (!isUuid(id)) return undefined
	const row = await db
		.selectFrom('reporting_cycle')
		.where('id', '=', id)
		.select(columns)
		.executeTakeFirst()
	return row ? toCycle(row) : undefined
}

export async function findCycleByCode(db: DbHandle, code: string) {
	const row = await db
		.selectFrom('reporting_cycle')
		.where('code', '=', code)
		.select(columns)
		.executeTakeFirst()
	return row ? toCycle(row) : undefined
}

/** The most recent earlier cycle of the same form, if any (used to prefill a new report). */
export async function findPreviousCycle(db: DbHandle, cycle: ReportingCycle) {
	const row = await db
		.selectFrom('reporting_cycle')
		.where('form_id', '=', cycle.formId)
		.where('period_end', '<', cycle.periodStart)
		.select(columns)
		.orderBy('period_end', 'desc')
		.executeTakeFirst()
	return row ? toCycle(row) : undefined
}

function values(input: CycleInput) {
	return {
		code: input.code,
		convention: input.convention,
		form_id: input.formId,
		form_version: input.formVersion,
		form_variant: input.formVariant ?? null,
		title: jsonb(input.title),
		period_start: input.periodStart,
		period_end: input.periodEnd,
		opens_on: input.opensOn,
		deadline: input.deadline,
	}
}

export async function insertCycle(db: DbHandle, input: CycleInput) {
	const { id } = await db
		.insertInto('reporting_cycle')
		.values(values(input))
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

export async function upsertCycleByCode(db: DbHandle, input: CycleInput) {
	await db
		.insertInto('reporting_cycle')
		.values(values(input))
		.onConflict((oc) => oc.column('code').doNothing())
		.execute()
}

export async function updateCycle(db: DbHandle, id: string, input: CycleInput) {
	await db
		.updateTable('reporting_cycle')
		.set({ ...values(input), updated_at: sql`now()` })
		.where('id', '=', id)
		.execute()
}

export { isUuid } from '../uuid.ts'
