/**
 * Rules of the Rotterdam report: the partner of an export notification or an export is another
 * country, CAS numbers have a valid check digit, an acknowledgement does not precede the
 * notification it acknowledges (Art. 12(2)), a notification of final regulatory action does not
 * precede the action (Art. 5(1)), a refusal or a conditional consent names the measure it rests
 * on (a warning: the import response form asks it), and "no difficulties" is not ticked with a
 * difficulty.
 */
import { any, answered, cell, includes, not, oneOf, partnerNotReportingParty } from '../dsl.ts'
import type { Rule } from '../types.ts'
import { DIFFICULTIES } from './implementation.ts'

const PARTNERS = [
	{ table: 'd_export_notifications_sent', column: 'importing_party' },
	{ table: 'd_annex_iii_exports', column: 'importing_party' },
	{ table: 'd_export_notifications_received', column: 'exporting_party' },
] as const

const CAS_TABLES = [
	'c_regulatory_actions',
	'd_export_notifications_sent',
	'd_export_notifications_received',
]

const partnerRules: Rule[] = PARTNERS.map(({ table, column }) =>
	partnerNotReportingParty(table, column),
)

const casRules: Rule[] = CAS_TABLES.map((table) => ({
	id: `${table}_cas_valid`,
	kind: 'pattern',
	severity: 'error',
	messageKey: 'invalid_cas',
	target: { question: table, column: 'cas' },
	pattern: 'cas',
}))

const DATE_RULES: Rule[] = [
	{
		id: 'acknowledged_after_received',
		kind: 'compare',
		severity: 'error',
		messageKey: 'acknowledged_before_received',
		target: { question: 'd_export_notifications_received', column: 'acknowledged_on' },
		when: answered(cell('received_on')),
		op: 'gte',
		other: { cell: 'received_on' },
	},
	{
		id: 'notified_after_action',
		kind: 'compare',
		severity: 'error',
		messageKey: 'notified_before_action',
		target: { question: 'c_regulatory_actions', column: 'notified_on' },
		when: answered(cell('action_date')),
		op: 'gte',
		other: { cell: 'action_date' },
	},
]

const ANSWER_RULES: Rule[] = [
	{
		id: 'import_response_measure',
		kind: 'required',
		severity: 'warning',
		messageKey: 'import_response_measure_expected',
		target: { question: 'b_import_responses', column: 'legal_measure' },
		when: oneOf(cell('decision'), ['no_consent', 'consent_with_conditions']),
	},
	{
		id: 'no_difficulties_alone',
		kind: 'assert',
		severity: 'error',
		messageKey: 'none_with_other_difficulties',
		target: { question: 'e_challenges' },
		when: includes('e_challenges', 'none'),
		assert: not(any(...DIFFICULTIES.map((kind) => includes('e_challenges', kind)))),
	},
]

export const ROTTERDAM_RULES: Rule[] = [
	...partnerRules,
	...casRules,
	...DATE_RULES,
	...ANSWER_RULES,
]
