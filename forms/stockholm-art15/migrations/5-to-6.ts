import type { MigrationSpec } from '../../migrations/types.ts'

const PERIOD_BOUND =
	'Refers to the 2018–2021 period of the 5th report; the 6th report covers 2022–2025.'

/**
 * Article 15 report, 5th → 6th cycle. Question ids are stable, so everything not listed here is
 * carried. Period-bound data (statistics, partner trade, yearly tables) is not carried into a
 * new period; the 2025 PCB plan question has no equivalent once the deadline has passed.
 */
export const ART15_5_TO_6: MigrationSpec = {
	formId: 'stockholm-art15',
	from: 5,
	to: 6,
	note: 'New chemical listings in force and the PCB 2025 deadline; no wording changes.',
	questions: [
		{ kind: 'transform', question: 'a_period_from', transform: { add: 4 } },
		{ kind: 'transform', question: 'a_period_to', transform: { add: 4 } },
		{
			kind: 'drop',
			from: 'a_submission_date',
			reason: 'Set again when the new report is submitted.',
		},
		{
			kind: 'table',
			from: 'b3_statistics',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND } },
		},
		{ kind: 'drop', from: 'b3_import_partners', reason: PERIOD_BOUND },
		{ kind: 'drop', from: 'b3_export_partners', reason: PERIOD_BOUND },
		{
			kind: 'table',
			from: 'b3_measures_annex_a',
			rows: {
				dropOutsideTarget: {
					reason: 'The chemical is not listed in the 6th-cycle list for this Party.',
				},
			},
		},
		{
			kind: 'table',
			from: 'b3_measures_annex_b',
			rows: {
				dropOutsideTarget: {
					reason: 'The chemical is not listed in the 6th-cycle list for this Party.',
				},
			},
		},
		{
			kind: 'table',
			from: 'b6_waste_disposed',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND, periodColumn: 'year' } },
		},
		{
			kind: 'table',
			from: 'b12_provided',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND, periodColumn: 'year' } },
		},
		{
			kind: 'table',
			from: 'b12_received',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND, periodColumn: 'year' } },
		},
		{
			kind: 'table',
			from: 'b13_provided',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND, periodColumn: 'year' } },
		},
		{
			kind: 'table',
			from: 'b13_received',
			rows: { dropOutsideTarget: { reason: PERIOD_BOUND, periodColumn: 'year' } },
		},
		{
			kind: 'drop',
			from: 'c_pcb_plan_2025',
			reason:
				'The 2025 deadline has passed: the 6th report asks whether the use has ended (c_pcb_use_ended_2025).',
		},
	],
}
