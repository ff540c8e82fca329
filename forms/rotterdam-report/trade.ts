/**
 * Parts A to C of the Rotterdam Convention report: the Party and its designated national
 * authorities (Art. 4), its import responses for the chemicals of Annex III (Art. 10), its
 * notifications of final regulatory action (Art. 5) and the export notifications it sent and
 * received (Arts. 11 and 12), for one calendar year.
 *
 * The Rotterdam Convention has no periodic national report: a Party transmits these event by
 * event, and the Secretariat asks each year for the exports, export notifications and information
 * exchange of the year before (questionnaire under RC-7/2 and RC-9/1; "Year 2023" sent on
 * 30 November 2024). This form gathers what a Party transmits in a year in one report; its
 * structure and wording are reconstructed from the Articles named on each section and from the
 * fields of the import response and export notification forms (Annex V), not from an official
 * template.
 */
import { cell, eq, isYes } from '../dsl.ts'
import { CONTACT_FIELDS } from '../contact-fields.ts'
import type { Question, Section, TableColumn } from '../types.ts'

export const ANNEX_III_LIST = 'rotterdam-annex-iii'

/** A "did this happen in the year?" question and the table it opens when it did. */
function occurredWithTable(
	id: string,
	concept: string,
	table: Omit<Extract<Question, { type: 'table' }>, 'visibleIf' | 'concept' | 'required'>,
): Question[] {
	return [
		{ id, type: 'yes_no', concept, required: true, periodBound: true },
		{ ...table, concept, required: true, visibleIf: isYes(id) },
	]
}

/** The identity of a chemical as the Annex I and Annex V information gives it. */
const CHEMICAL_IDENTITY: TableColumn[] = [
	{ id: 'chemical_name', type: 'text', concept: 'CHEM.ID', required: true },
	{ id: 'cas', type: 'text', concept: 'CHEM.ID' },
	{ id: 'hs_code', type: 'text', concept: 'CHEM.ID' },
]

/** A quantity and its unit (kg, tonnes or litres): the unit is asked once a quantity is given. */
const QUANTITY: TableColumn[] = [
	{ id: 'quantity', type: 'decimal', min: 0, markers: ['not_available', 'confidential'] },
	{
		id: 'unit',
		type: 'single_choice',
		codeList: 'units',
		filter: { where: { code: ['kg', 't', 'l'] } },
		required: { left: { cell: 'quantity' }, op: 'gte', right: 0 },
	},
]

const GENERAL: Section = {
	id: 'ra_general',
	questions: [
		{
			id: 'a_party_code',
			type: 'country',
			concept: 'PARTY.ID',
			required: true,
			prefill: 'partyCode',
			readOnly: true,
		},
		{
			id: 'a_reporting_year',
			type: 'year',
			concept: 'REPORT.PERIOD',
			required: true,
			prefill: 'periodStartYear',
			readOnly: true,
		},
	],
}

/** Art. 4: one or more DNAs (Art. 4(2): e.g. one for pesticides, one for industrial chemicals). */
const AUTHORITIES: Section = {
	id: 'ra_authorities',
	reconstructed:
		'Contacts follow the harmonised contacts form (RC-6/13): the DNA and the official contact point; the split into a second DNA for industrial chemicals is ours (Art. 4(2) allows several).',
	questions: [
		{
			id: 'a_dna',
			type: 'contact',
			concept: 'CONTACT.DNA',
			required: true,
			fields: CONTACT_FIELDS,
		},
		{
			id: 'a_dna_scope',
			type: 'single_choice',
			concept: 'CONTACT.DNA',
			options: ['all', 'pesticides', 'industrial'],
			required: true,
		},
		{
			id: 'a_second_dna',
			type: 'contact',
			concept: 'CONTACT.DNA',
			required: true,
			fields: CONTACT_FIELDS,
			visibleIf: {
				left: { question: 'a_dna_scope' },
				op: 'in',
				right: ['pesticides', 'industrial'],
			},
		},
		{ id: 'a_ocp', type: 'contact', concept: 'CONTACT.OCP', fields: CONTACT_FIELDS },
	],
}

const withConditions = eq(cell('decision'), 'consent_with_conditions')

/** Art. 10(2)–(4): import responses (final or interim) for Annex III chemicals. */
const IMPORT_RESPONSES: Section = {
	id: 'rb_import_responses',
	reconstructed:
		'The columns follow the import response form and the Secretariat’s import response database (chemical, final or interim, consent / no consent / consent with conditions, measures relied on); asking them per year is ours.',
	questions: [
		...occurredWithTable('b_responses_given', 'TRADE.IMPORT.CHEM', {
			id: 'b_import_responses',
			type: 'table',
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{
					id: 'chemical',
					type: 'single_choice',
					codeList: ANNEX_III_LIST,
					concept: 'CHEM.ID',
					required: true,
				},
				{ id: 'response', type: 'single_choice', options: ['final', 'interim'], required: true },
				{
					id: 'decision',
					type: 'single_choice',
					options: ['consent', 'no_consent', 'consent_with_conditions'],
					required: true,
				},
				{
					id: 'conditions',
					type: 'long_text',
					required: withConditions,
					visibleIf: withConditions,
				},
				{ id: 'legal_measure', type: 'text', concept: 'LEG.MEASURE' },
				{ id: 'transmitted_on', type: 'date', required: true },
			],
		}),
		{
			id: 'b_same_treatment',
			type: 'yes_no',
			concept: 'LEG.MEASURE',
			required: true,
			reconstructed:
				'Art. 10(9): the same decision for imports from all sources and for domestic production.',
		},
		{
			id: 'b_same_treatment_details',
			type: 'long_text',
			concept: 'LEG.MEASURE',
			required: true,
			visibleIf: eq('b_same_treatment', 'no'),
		},
	],
}

/** Art. 5 and Annex I: notifications of final regulatory action sent to the Secretariat. */
const REGULATORY_ACTIONS: Section = {
	id: 'rc_regulatory_actions',
	reconstructed:
		'Columns from Annex I and Sections 1–2 of the notification form (identity with CAS and HS code, ban or severe restriction, category, date, reference); one row per notification is ours.',
	questions: [
		...occurredWithTable('c_actions_notified', 'LEG.MEASURE', {
			id: 'c_regulatory_actions',
			type: 'table',
			rows: { kind: 'open', minRows: 1 },
			columns: [
				...CHEMICAL_IDENTITY,
				{
					id: 'category',
					type: 'single_choice',
					options: ['pesticide', 'shpf', 'industrial'],
					required: true,
				},
				{
					id: 'action',
					type: 'single_choice',
					options: ['banned', 'severely_restricted'],
					required: true,
				},
				{ id: 'action_date', type: 'date', required: true },
				{ id: 'reference', type: 'text', concept: 'LEG.MEASURE', required: true },
				{ id: 'notified_on', type: 'date' },
			],
		}),
		...occurredWithTable('c_shpf_incidents', 'ACCIDENT', {
			id: 'c_shpf_proposals',
			type: 'table',
			reconstructed: 'Art. 6 and Annex IV Part 1: the columns are ours.',
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'formulation', type: 'text', concept: 'CHEM.ID', required: true },
				{ id: 'incident', type: 'long_text', required: true },
				{ id: 'proposed_on', type: 'date' },
			],
		}),
	],
}

/** Art. 12 and Annex V: export notifications sent (as exporting Party). */
function exportNotificationsSent(): Question[] {
	return occurredWithTable('d_notifications_sent', 'TRADE.EXPORT.CHEM', {
		id: 'd_export_notifications_sent',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			...CHEMICAL_IDENTITY,
			{ id: 'importing_party', type: 'country', required: true },
			{ id: 'notified_on', type: 'date', required: true },
			{ id: 'expected_export_on', type: 'date' },
			{ id: 'acknowledged', type: 'yes_no', required: true },
			...QUANTITY,
		],
	})
}

/** Art. 11(1)(b)–(c) and 11(2): exports of Annex III chemicals and what allowed each. */
function annexIIIExports(): Question[] {
	return occurredWithTable('d_annex_iii_exported', 'TRADE.EXPORT.CHEM', {
		id: 'd_annex_iii_exports',
		type: 'table',
		reconstructed:
			'The Secretariat’s questionnaire asks about exports of Annex III chemicals (RC-7/2); the basis column follows Art. 11(2) and is ours.',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			{
				id: 'chemical',
				type: 'single_choice',
				codeList: ANNEX_III_LIST,
				concept: 'CHEM.ID',
				required: true,
			},
			{ id: 'importing_party', type: 'country', required: true },
			{
				id: 'basis',
				type: 'single_choice',
				options: [
					'consent_in_import_response',
					'explicit_consent',
					'registered_in_importing_party',
					'previous_use_or_import',
				],
				required: true,
			},
			{ id: 'exported_on', type: 'date' },
			...QUANTITY,
		],
	})
}

const acknowledged = eq(cell('acknowledged'), 'yes')

/** Art. 12(2)–(3): export notifications received (as importing Party) and their acknowledgement. */
function exportNotificationsReceived(): Question[] {
	return occurredWithTable('d_notifications_received', 'TRADE.IMPORT.CHEM', {
		id: 'd_export_notifications_received',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			...CHEMICAL_IDENTITY,
			{ id: 'exporting_party', type: 'country', required: true },
			{ id: 'received_on', type: 'date', required: true },
			{ id: 'acknowledged', type: 'yes_no', required: true },
			{ id: 'acknowledged_on', type: 'date', required: acknowledged, visibleIf: acknowledged },
		],
	})
}

const EXPORTS: Section = {
	id: 'rd_exports',
	reconstructed:
		'Reconstructed from Arts. 11 and 12, Annex V and the subjects of the Secretariat’s yearly questionnaire on exports, export notifications and information exchange (RC-7/2, RC-9/1).',
	questions: [
		...exportNotificationsSent(),
		...annexIIIExports(),
		...exportNotificationsReceived(),
		{ id: 'd_illegal_trade', type: 'yes_no', concept: 'ILLEGAL.TRAFFIC', required: true },
		{
			id: 'd_illegal_trade_details',
			type: 'long_text',
			concept: 'ILLEGAL.TRAFFIC',
			required: true,
			visibleIf: isYes('d_illegal_trade'),
		},
	],
}

export const TRADE_SECTIONS = {
	partA: [GENERAL, AUTHORITIES],
	partB: [IMPORT_RESPONSES, REGULATORY_ACTIONS],
	partC: [EXPORTS],
}
