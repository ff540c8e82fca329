/**
 * Parts D and E of the Rotterdam Convention report: information to accompany exports (Art. 13),
 * information exchange (Art. 14), national implementation (Art. 15), technical assistance
 * (Art. 16) and the difficulties met. Reconstructed from the Articles (the Secretariat's yearly
 * questionnaire covers Arts. 11–14; Arts. 15 and 16 are not asked in a form the research found):
 * structure, options and wording are ours.
 */
import { any, includes, isYes, oneOf } from '../dsl.ts'
import type { Question, Section } from '../types.ts'

/** A yes/no (or yes/no/in preparation) question and the details it asks when the answer is yes. */
function withDetails(id: string, type: 'yes_no' | 'yes_no_status', concept: string): Question[] {
	const asked = type === 'yes_no' ? isYes(id) : oneOf(id, ['yes', 'under_development'])
	return [
		{ id, type, concept, required: true },
		{ id: `${id}_details`, type: 'long_text', concept, required: true, visibleIf: asked },
	]
}

/** Art. 13(1)–(4): HS codes, labelling and safety data sheets of exported chemicals. */
const EXPORT_INFORMATION: Section = {
	id: 're_export_information',
	reconstructed: 'Reconstructed from Art. 13(1), (2) and (4).',
	questions: [
		...withDetails('e_hs_codes', 'yes_no_status', 'TRADE.CONTROL'),
		...withDetails('e_labelling', 'yes_no_status', 'CHEM.LABELLING'),
		...withDetails('e_safety_data_sheets', 'yes_no_status', 'CHEM.LABELLING'),
	],
}

const EXCHANGE_KINDS = [
	'scientific_technical',
	'domestic_regulatory_actions',
	'non_annex_iii_actions',
	'customs_training',
	'other',
]

/** Art. 14(1)–(5): information exchange, and transit information (Art. 14(5)). */
const INFORMATION_EXCHANGE: Section = {
	id: 're_information_exchange',
	reconstructed: 'Reconstructed from Art. 14(1) and (5); the kinds of exchange are ours.',
	questions: [
		{
			id: 'e_exchange_kinds',
			type: 'multiple_choice',
			concept: 'INFO.EXCHANGE',
			options: EXCHANGE_KINDS,
			required: true,
		},
		{
			id: 'e_exchange_details',
			type: 'long_text',
			concept: 'INFO.EXCHANGE',
			required: true,
			visibleIf: any(...EXCHANGE_KINDS.map((kind) => includes('e_exchange_kinds', kind))),
		},
		...withDetails('e_transit_information', 'yes_no', 'TRADE.CONTROL'),
	],
}

/** Art. 15(1)–(2): infrastructure, legal measures and public access to information. */
const IMPLEMENTATION: Section = {
	id: 're_implementation',
	reconstructed:
		'Reconstructed from Art. 15(1) and (2); the legal measures table follows the other forms of this system (title, date, reference, scope).',
	questions: [
		...withDetails('e_infrastructure', 'yes_no_status', 'IMPL.INFRASTRUCTURE'),
		{ id: 'e_legal_measures_exist', type: 'yes_no_status', concept: 'LEG.MEASURE', required: true },
		{
			id: 'e_legal_measures',
			type: 'table',
			concept: 'LEG.MEASURE',
			required: true,
			visibleIf: oneOf('e_legal_measures_exist', ['yes', 'under_development']),
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'title', type: 'text', required: true },
				{
					id: 'scope',
					type: 'multiple_choice',
					options: ['import', 'export', 'production', 'use', 'labelling', 'other'],
					required: true,
				},
				{ id: 'adopted_on', type: 'date' },
				{ id: 'reference', type: 'text' },
				{ id: 'url', type: 'url' },
			],
		},
		...withDetails('e_public_access', 'yes_no_status', 'AWARENESS'),
	],
}

/** One technical assistance table (received or provided): partner, kind and description. */
function assistance(id: string, concept: 'TA.RECEIVED' | 'TA.PROVIDED'): Question[] {
	return [
		{ id, type: 'yes_no', concept, required: true, periodBound: true },
		{
			id: `${id}_items`,
			type: 'table',
			concept,
			required: true,
			visibleIf: isYes(id),
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'partner_country', type: 'country' },
				{ id: 'partner_organisation', type: 'text' },
				{
					id: 'kind',
					type: 'multiple_choice',
					options: ['training', 'legal', 'infrastructure', 'laboratory', 'information', 'other'],
					required: true,
				},
				{ id: 'description', type: 'long_text', required: true },
			],
		},
	]
}

/** Art. 16: technical assistance received and provided. */
const ASSISTANCE: Section = {
	id: 're_assistance',
	reconstructed: 'Reconstructed from Art. 16; the columns are ours.',
	questions: [
		...assistance('e_ta_received', 'TA.RECEIVED'),
		...assistance('e_ta_provided', 'TA.PROVIDED'),
	],
}

/** The kinds of difficulty a Party can name ("none" is asked beside them). */
export const DIFFICULTIES = [
	'legal_framework',
	'financial_resources',
	'customs_control',
	'coordination',
	'information',
	'other',
]

const CHALLENGES: Section = {
	id: 're_challenges',
	reconstructed:
		'The kinds of difficulty follow the status-and-difficulties pattern of other MEA forms; ours.',
	questions: [
		{
			id: 'e_challenges',
			type: 'multiple_choice',
			concept: 'CHALLENGES',
			options: [...DIFFICULTIES, 'none'],
			required: true,
		},
		{
			id: 'e_challenges_details',
			type: 'long_text',
			concept: 'CHALLENGES',
			required: true,
			visibleIf: any(...DIFFICULTIES.map((kind) => includes('e_challenges', kind))),
		},
		{ id: 'e_comments', type: 'long_text', concept: 'CHALLENGES' },
	],
}

export const IMPLEMENTATION_SECTIONS = {
	partD: [EXPORT_INFORMATION, INFORMATION_EXCHANGE],
	partE: [IMPLEMENTATION, ASSISTANCE, CHALLENGES],
}
