import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import type { Convention, ConventionStatus, LocalizedNames, RegionalGroup } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type Party = {
	code: string
	alpha2: string
	m49: string | null
	kind: string
	regionalGroup: RegionalGroup | null
	names: LocalizedNames
}

export async function listParties(
	db: DbHandle,
	filter: { regionalGroup?: RegionalGroup; query?: string } = {},
): Promise<Party[]> {
	const rows = await db
		.selectFrom('party')
		.$if(Boolean(filter.regionalGroup), (qb) =>
			qb.where('regional_group', '=', filter.regionalGroup!),
		)
		.$if(Boolean(filter.query), (qb) =>
			qb.where((eb) =>
				eb.or([
					eb('code', '=', filter.query!.toUpperCase()),
					eb(sql`names::text`, 'ilike', `%${filter.query!}%`),
				]),
			),
		)
		.select(['code', 'alpha2', 'm49', 'kind', 'regional_group', 'names'])
		.orderBy(sql`names->>'en'`)
		.execute()
	return rows.map(toParty)
}

export async function findParty(db: DbHandle, code: string): Promise<Party | undefined> {
	const row = await db
		.selectFrom('party')
		.where('code', '=', code.toUpperCase())
		.select(['code', 'alpha2', 'm49', 'kind', 'regional_group', 'names'])
		.executeTakeFirst()
	return row ? toParty(row) : undefined
}

function toParty(row: {
	code: string
	alpha2: string
	m49: string | null
	kind: string
	regional_group: RegionalGroup | null
	names: LocalizedNames
}): Party {
	return {
		code: row.code,
		alpha2: row.alpha2,
		m49: row.m49,
		kind: row.kind,
		regionalGroup: row.regional_group,
		names: row.names,
	}
}

export async function upsertParty(db: DbHandle, party: Party) {
	await db
		.insertInto('party')
		.values({
			code: party.code,
			alpha2: party.alpha2,
			m49: party.m49,
			kind: party.kind,
			regional_group: party.regionalGroup,
			names: jsonb(party.names),
		})
		.onConflict((oc) =>
			oc.column('code').doUpdateSet((eb) => ({
				alpha2: eb.ref('excluded.alpha2'),
				m49: eb.ref('excluded.m49'),
				kind: eb.ref('excluded.kind'),
				regional_group: eb.ref('excluded.regional_group'),
				names: eb.ref('excluded.names'),
			})),
		)
		.execute()
}

export async function listConventionStatus(db: DbHandle, partyCode?: string) {
	return db
		.selectFrom('party_convention_status')
		.$if(Boolean(partyCode), (qb) => qb.where('party_code', '=', partyCode!))
		.select(['party_code', 'convention', 'status', 'is_demo', 'note', 'updated_at'])
		.orderBy('party_code')
		.orderBy('convention')
		.execute()
}

export async function setConventionStatus(
	db: DbHandle,
	entry: {
		partyCode: string
		convention: Convention
		status: ConventionStatus
		isDemo: boolean
		note?: string | null
		updatedBy: string | null
	},
) {
	await db
		.insertInto('party_convention_status')
		.values({
			party_code: entry.partyCode,
			convention: entry.convention,
			status: entry.status,
			is_demo: entry.isDemo,
			note: entry.note ?? null,
			updated_by: entry.updatedBy,
		})
		.onConflict((oc) =>
			oc.columns(['party_code', 'convention']).doUpdateSet({
				status: entry.status,
				is_demo: entry.isDemo,
				note: entry.note ?? null,
				updated_by: entry.updatedBy,
				updated_at: sql`now()`,
			}),
		)
		.execute()
}
