import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import type {
	Convention,
	ConventionStatus,
	Instrument,
	LocalizedNames,
	RegionalGroup,
} from '../types.ts'
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

/** Inserts the parties, or updates the ones already there (reference data). */
export async function upsertParties(db: DbHandle, parties: readonly Party[]) {
	await db
		.insertInto('party')
		.values(
			parties.map((party) => ({
				code: party.code,
				alpha2: party.alpha2,
				m49: party.m49,
				kind: party.kind,
				regional_group: party.regionalGroup,
				names: jsonb(party.names),
			})),
		)
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

export type ConventionStatusRow = {
	partyCode: string
	convention: Convention
	status: ConventionStatus
	signedOn: string | null
	consentedOn: string | null
	instrument: Instrument | null
	inForceOn: string | null
	/** The release the row comes from; null when an administrator entered it. */
	release: string | null
	note: string | null
	updatedAt: Date
}

export async function listConventionStatus(
	db: DbHandle,
	partyCode?: string,
): Promise<ConventionStatusRow[]> {
	const rows = await db
		.selectFrom('party_convention_status')
		.$if(Boolean(partyCode), (qb) => qb.where('party_code', '=', partyCode!))
		.selectAll()
		.orderBy('party_code')
		.orderBy('convention')
		.execute()
	return rows.map((row) => ({
		partyCode: row.party_code,
		convention: row.convention,
		status: row.status,
		signedOn: row.signed_on,
		consentedOn: row.consented_on,
		instrument: row.instrument,
		inForceOn: row.in_force_on,
		release: row.release,
		note: row.note,
		updatedAt: new Date(row.updated_at),
	}))
}

/**
 * Writes a Party-status release: one row per Party and convention (`non_party` where the release
 * records nothing). Rows an administrator entered (`release` null) are kept; every other row
 * takes the release's values. Idempotent.
 */
export async function applyPartyStatusRelease(
	db: DbHandle,
	release: string,
	rows: readonly Omit<ConventionStatusRow, 'release' | 'updatedAt'>[],
) {
	for (let start = 0; start < rows.length; start += 500) {
		await db
			.insertInto('party_convention_status')
			.values(
				rows.slice(start, start + 500).map((row) => ({
					party_code: row.partyCode,
					convention: row.convention,
					status: row.status,
					signed_on: row.signedOn,
					consented_on: row.consentedOn,
					instrument: row.instrument,
					in_force_on: row.inForceOn,
					note: row.note,
					release,
				})),
			)
			.onConflict((oc) =>
				oc
					.columns(['party_code', 'convention'])
					.doUpdateSet((eb) => ({
						status: eb.ref('excluded.status'),
						signed_on: eb.ref('excluded.signed_on'),
						consented_on: eb.ref('excluded.consented_on'),
						instrument: eb.ref('excluded.instrument'),
						in_force_on: eb.ref('excluded.in_force_on'),
						note: eb.ref('excluded.note'),
						release: eb.ref('excluded.release'),
						updated_at: sql`now()`,
						updated_by: null,
					}))
					.where('party_convention_status.release', 'is not', null)
					.where('party_convention_status.release', '<>', release),
			)
			.execute()
	}
}

/** An administrator's entry: kept over later releases. */
export async function setConventionStatus(
	db: DbHandle,
	entry: {
		partyCode: string
		convention: Convention
		status: ConventionStatus
		consentedOn: string | null
		note?: string | null
		updatedBy: string | null
	},
) {
	const values = {
		status: entry.status,
		consented_on: entry.consentedOn,
		instrument: null,
		in_force_on: null,
		release: null,
		note: entry.note ?? null,
		updated_by: entry.updatedBy,
	}
	await db
		.insertInto('party_convention_status')
		.values({ party_code: entry.partyCode, convention: entry.convention, ...values })
		// The date of signature, if any, stays: an administrator records consent, not signature.
		.onConflict((oc) =>
			oc.columns(['party_code', 'convention']).doUpdateSet({ ...values, updated_at: sql`now()` }),
		)
		.execute()
}
