import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import { upsertCycleByCode, type CycleInput } from '../queries/cycles.ts'
import type { DbHandle } from '../queries/handle.ts'
import { DEMO_CONVENTION_STATUS, PARTIES } from '../seed-data/parties.ts'

/**
 * Reporting cycles known at release. Periods and the DDT cycle's dates follow forms-content.md;
 * the DDT opening date is set early so the demo can show the questionnaire.
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

/** Parties, demo convention status and reporting cycles. Idempotent. */
export async function seedReferenceData(db: DbHandle) {
	await db
		.insertInto('party')
		.values(
			PARTIES.map((p) => ({
				code: p.code,
				alpha2: p.alpha2,
				m49: p.m49,
				kind: p.kind,
				regional_group: p.regionalGroup,
				names: jsonb(p.names),
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

	// Demo status never overwrites what an admin has entered.
	await db
		.insertInto('party_convention_status')
		.values(
			DEMO_CONVENTION_STATUS.map((s) => ({
				party_code: s.partyCode,
				convention: s.convention,
				status: s.status,
				is_demo: true,
				note: 'Demo data, not official: maintain from the depositary records.',
			})),
		)
		.onConflict((oc) => oc.columns(['party_code', 'convention']).doNothing())
		.execute()

	for (const cycle of REFERENCE_CYCLES) await upsertCycleByCode(db, cycle)
}

export async function isSeeded(db: DbHandle) {
	const row = await db
		.selectFrom('app_user')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n) > 0
}
