import { sql } from 'kysely'
import {
	PARTY_STATUS_RELEASE,
	partyConventionStatus,
	RELEASE_CONVENTIONS,
} from '#forms/codelists/party-status.ts'
import { upsertCycleByCode, type CycleInput } from '../queries/cycles.ts'
import type { DbHandle } from '../queries/handle.ts'
import { applyPartyStatusRelease, upsertParties } from '../queries/parties.ts'
import { PARTIES } from '../seed-data/parties.ts'

/**
 * Reporting cycles known at release: the four-year Article 15 cycles (SC-1/22) with the deadlines
 * of SC-9/16 (5th) and SC-12/19 (6th), and the three-yearly DDT questionnaire (Annex B Part II
 * para 4), whose 2024–2026 dates are reconstructed from the previous cycle (2021–2023, due June
 * 2024); the DDT opening date is set early so the demo can show the questionnaire.
 */
export const REFERENCE_CYCLES: CycleInput[] = [
	{
		code: 'sc-art15-5',
		convention: 'stockholm',
		formId: 'stockholm-art15',
		formVersion: 5,
		title: {
			en: 'Stockholm Convention Article 15 national report, 5th cycle',
			fr: 'Rapport national au titre de l’article 15 de la Convention de Stockholm, 5e cycle',
		},
		periodStart: '2018-01-01',
		periodEnd: '2021-12-31',
		opensOn: '2021-09-01',
		deadline: '2022-08-31',
	},
	{
		code: 'sc-art15-6',
		convention: 'stockholm',
		formId: 'stockholm-art15',
		formVersion: 6,
		title: {
			en: 'Stockholm Convention Article 15 national report, 6th cycle',
			fr: 'Rapport national au titre de l’article 15 de la Convention de Stockholm, 6e cycle',
		},
		periodStart: '2022-01-01',
		periodEnd: '2025-12-31',
		opensOn: '2025-09-01',
		deadline: '2026-08-31',
	},
	{
		code: 'sc-ddt-2024-2026',
		convention: 'stockholm',
		formId: 'ddt',
		formVersion: 1,
		title: {
			en: 'DDT questionnaire, 2024–2026',
			fr: 'Questionnaire sur le DDT, 2024-2026',
		},
		periodStart: '2024-01-01',
		periodEnd: '2026-12-31',
		opensOn: '2026-10-01',
		deadline: '2027-06-30',
	},
]

/**
 * The Parties and their status under each convention (the Party-status release). Idempotent and
 * safe on a live database: names follow the code list, status rows an administrator entered stay.
 */
export async function seedParties(db: DbHandle) {
	await upsertParties(db, PARTIES)
	await applyPartyStatusRelease(
		db,
		PARTY_STATUS_RELEASE.version,
		PARTIES.flatMap((party) =>
			RELEASE_CONVENTIONS.map((convention) => partyConventionStatus(party.code, convention)),
		),
	)
}

/** Parties, their convention status and the reporting cycles. Idempotent. */
export async function seedReferenceData(db: DbHandle) {
	await seedParties(db)
	for (const cycle of REFERENCE_CYCLES) await upsertCycleByCode(db, cycle)
}

/** Whether the reference data (countries) is there; accounts are not reference data. */
export async function isSeeded(db: DbHandle) {
	const row = await db
		.selectFrom('party')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n) > 0
}
