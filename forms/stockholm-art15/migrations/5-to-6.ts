import type { MigrationSpec } from '../../migrations/types.ts'

const NOT_LISTED = 'The chemical is not listed in the 6th-cycle list for this Party.'

/**
 * Article 15 report, 5th → 6th cycle. Question ids are stable, so everything not listed here is
 * carried. The Party, the period years and the date of submission are filled in by the system
 * for the new report, and rows for years outside 2022–2025 are not carried, whatever the spec
 * says (see `migrateAnswers`). Answers the 6th-cycle form marks `periodBound` (partner trade,
 * actual quantities under exemptions, stockpile quantities, the PCB equipment table, …) describe
 * the 2018–2021 period: they are offered for confirmation, not copied. The 2025 PCB plan question
 * has no equivalent once the deadline has passed, and PCDD/PCDF are no longer among the "other"
 * unintentional POPs of Article 5 (their releases are the TEQ figures).
 */
export const ART15_5_TO_6: MigrationSpec = {
	formId: 'stockholm-art15',
	from: 5,
	to: 6,
	note: 'New chemical listings in force, the PCB 2025 deadline, Article 5 release figures for every unintentional POP; no wording changes.',
	questions: [
		{ kind: 'table', from: 'b3_statistics', rows: { dropOutsideTarget: { reason: NOT_LISTED } } },
		{
			kind: 'table',
			from: 'b3_measures_annex_a',
			rows: { dropOutsideTarget: { reason: NOT_LISTED } },
		},
		{
			kind: 'table',
			from: 'b3_measures_annex_b',
			rows: { dropOutsideTarget: { reason: NOT_LISTED } },
		},
		{ kind: 'transform', question: 'b5_other_upops', transform: { remove: ['PCDD', 'PCDF'] } },
		{
			kind: 'drop',
			from: 'c_pcb_plan_2025',
			reason:
				'The 2025 deadline has passed: the 6th report asks whether the use has ended (c_pcb_use_ended_2025).',
			because: { code: 'replaced', by: 'c_pcb_use_ended_2025' },
		},
	],
}
