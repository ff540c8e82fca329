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
 * 2024); the DDT opening date is set early so the demo can show the questionnaire. Then the Basel,
 * Rotterdam and Minamata cycles, on draft form versions until the secretariats publish them.
 * Titles: English and French reviewed; Spanish, Russian, Chinese and Arabic are drafts awaiting a
 * translator's review (an administrator can correct any title on the cycle's page).
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
			es: 'Informe nacional en virtud del artículo 15 del Convenio de Estocolmo, quinto ciclo',
			ru: 'Национальный доклад согласно статье 15 Стокгольмской конвенции, пятый цикл',
			zh: '《斯德哥尔摩公约》第15条国家报告，第五轮',
			ar: 'التقرير الوطني بموجب المادة 15 من اتفاقية استكهولم، الدورة الخامسة',
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
			es: 'Informe nacional en virtud del artículo 15 del Convenio de Estocolmo, sexto ciclo',
			ru: 'Национальный доклад согласно статье 15 Стокгольмской конвенции, шестой цикл',
			zh: '《斯德哥尔摩公约》第15条国家报告，第六轮',
			ar: 'التقرير الوطني بموجب المادة 15 من اتفاقية استكهولم، الدورة السادسة',
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
			es: 'Cuestionario sobre el DDT, 2024-2026',
			ru: 'Вопросник по ДДТ, 2024–2026 годы',
			zh: '滴滴涕问卷，2024–2026年',
			ar: 'الاستبيان المتعلق بمادة الـ دي دي تي، 2024–2026',
		},
		periodStart: '2024-01-01',
		periodEnd: '2026-12-31',
		opensOn: '2026-10-01',
		deadline: '2027-06-30',
	},
	// Basel Art. 13(3): every calendar year N, due by 31 December N+1 (forms/basel-art13/v1.ts).
	...[2024, 2025].map((year): CycleInput => ({
		code: `bc-art13-${year}`,
		convention: 'basel',
		formId: 'basel-art13',
		formVersion: 1,
		title: {
			en: `Basel Convention national report (Art. 13(3)), year ${year}`,
			fr: `Rapport national au titre de la Convention de Bâle (art. 13, par. 3), année ${year}`,
			es: `Informe nacional en virtud del Convenio de Basilea (art. 13, párr. 3), año ${year}`,
			ru: `Национальный доклад согласно Базельской конвенции (пункт 3 статьи 13), ${year} год`,
			zh: `《巴塞尔公约》国家报告（第13条第3款），${year}年`,
			ar: `التقرير الوطني بموجب اتفاقية بازل (الفقرة 3 من المادة 13)، سنة ${year}`,
		},
		periodStart: `${year}-01-01`,
		periodEnd: `${year}-12-31`,
		opensOn: `${year + 1}-01-01`,
		deadline: `${year + 1}-12-31`,
	})),
	// Rotterdam: the yearly questionnaire on exports, notifications and information exchange
	// (forms/rotterdam-report/v1.ts; the deadline is reconstructed there).
	{
		code: 'rc-report-2025',
		convention: 'rotterdam',
		formId: 'rotterdam-report',
		formVersion: 1,
		title: {
			en: 'Rotterdam Convention questionnaire, year 2025',
			fr: 'Questionnaire de la Convention de Rotterdam, année 2025',
			es: 'Cuestionario del Convenio de Rotterdam, año 2025',
			ru: 'Вопросник Роттердамской конвенции, 2025 год',
			zh: '《鹿特丹公约》问卷，2025年',
			ar: 'استبيان اتفاقية روتردام، سنة 2025',
		},
		periodStart: '2025-01-01',
		periodEnd: '2025-12-31',
		opensOn: '2026-01-19',
		deadline: '2026-12-31',
	},
	// Minamata Art. 21 (MC-1/8): a full report every four years, a short one two years after it.
	// The 2025 full report's period and deadline are reconstructed (forms/minamata-art21/v1.ts);
	// the 2027 short report is projected from that cadence.
	{
		code: 'mc-art21-full-2025',
		convention: 'minamata',
		formId: 'minamata-art21',
		formVersion: 1,
		formVariant: 'full',
		title: {
			en: 'Minamata Convention national report (Art. 21), full report 2025',
			fr: 'Rapport national au titre de la Convention de Minamata (art. 21), rapport complet 2025',
			es: 'Informe nacional en virtud del Convenio de Minamata (art. 21), informe completo 2025',
			ru: 'Национальный доклад согласно Минаматской конвенции (статья 21), полный доклад за 2025 год',
			zh: '《水俣公约》国家报告（第21条），2025年完整报告',
			ar: 'التقرير الوطني بموجب اتفاقية ميناماتا (المادة 21)، التقرير الكامل لعام 2025',
		},
		periodStart: '2021-01-01',
		periodEnd: '2024-12-31',
		opensOn: '2025-03-01',
		deadline: '2025-12-31',
	},
	{
		code: 'mc-art21-short-2027',
		convention: 'minamata',
		formId: 'minamata-art21',
		formVersion: 1,
		formVariant: 'short',
		title: {
			en: 'Minamata Convention national report (Art. 21), short report 2027',
			fr: 'Rapport national au titre de la Convention de Minamata (art. 21), rapport abrégé 2027',
			es: 'Informe nacional en virtud del Convenio de Minamata (art. 21), informe abreviado 2027',
			ru: 'Национальный доклад согласно Минаматской конвенции (статья 21), краткий доклад за 2027 год',
			zh: '《水俣公约》国家报告（第21条），2027年简要报告',
			ar: 'التقرير الوطني بموجب اتفاقية ميناماتا (المادة 21)، التقرير المختصر لعام 2027',
		},
		periodStart: '2025-01-01',
		periodEnd: '2026-12-31',
		opensOn: '2026-11-01',
		deadline: '2027-12-31',
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
