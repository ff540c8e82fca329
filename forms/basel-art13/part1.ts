/**
 * Part I of the Basel Convention national report: status of information. Part I reports changes
 * since the last report: each section opens with "has this changed since your last report?", and
 * only a "yes" asks for the current information. The answers about the state of things are not
 * `periodBound`, so a report started from the previous year's carries them (hidden while nothing
 * changed, kept for the next change); the "changed?" questions are about the year reported on.
 *
 * Sections A–D follow the structure of the questionnaire adopted at COP-6 (Parts A to D, questions
 * 1 to 4e, as the Secretariat's compilations show them); the split of questions 2c–2d and 3b–3h
 * and Sections E to I are reconstructed from Art. 13(3) and should be checked against the
 * official questionnaire.
 */
import { all, any, cell, includes, isYes, oneOf } from '../dsl.ts'
import type { Condition, Question, Section, TableColumn } from '../types.ts'
import { CONTACT_FIELDS } from '../contact-fields.ts'

/** "Has this changed since the last report?": a fact of the year reported on. */
function changedSinceLastReport(id: string, concept: string): Question {
	return { id, type: 'yes_no', concept, required: true, periodBound: true }
}

/** The questions asked only when the section's information changed (and their own condition holds). */
function whenChanged(changedId: string, questions: Question[]): Question[] {
	return questions.map((question) => ({
		...question,
		visibleIf: question.visibleIf ? all(isYes(changedId), question.visibleIf) : isYes(changedId),
	}))
}

/** A yes/no (or yes/no/in preparation) question and the text it asks for when the answer is yes. */
function withDetails(
	id: string,
	type: 'yes_no' | 'yes_no_status',
	concept: string,
	detailsId = `${id}_details`,
): Question[] {
	const asked = type === 'yes_no' ? isYes(id) : oneOf(id, ['yes', 'under_development'])
	return [
		{ id, type, concept, required: true },
		{ id: detailsId, type: 'long_text', concept, required: true, visibleIf: asked },
	]
}

const GENERAL: Section = {
	id: 'bi_general',
	questions: [
		{
			id: 'i_party_code',
			type: 'country',
			concept: 'PARTY.ID',
			required: true,
			prefill: 'partyCode',
			readOnly: true,
		},
		{
			id: 'i_reporting_year',
			type: 'year',
			concept: 'REPORT.PERIOD',
			required: true,
			prefill: 'periodStartYear',
			readOnly: true,
		},
	],
}

const AUTHORITY_COLUMNS: TableColumn[] = [
	{ id: 'institution', type: 'text', required: true },
	{
		id: 'competence',
		type: 'multiple_choice',
		options: ['export', 'import', 'transit'],
		required: true,
	},
	{ id: 'address', type: 'long_text', required: true },
	{ id: 'phone', type: 'text' },
	{ id: 'fax', type: 'text' },
	{ id: 'email', type: 'email', required: true },
	{ id: 'website', type: 'url' },
]

/** Part I A, question 1: competent authorities and focal point (Art. 5, Art. 13(2)(a), 13(3)(a)). */
const AUTHORITIES: Section = {
	id: 'bi_a_authorities',
	questions: [
		changedSinceLastReport('i1_changed', 'CONTACT.CA'),
		...whenChanged('i1_changed', [
			{
				id: 'i1_competent_authorities',
				type: 'table',
				concept: 'CONTACT.CA',
				required: true,
				rows: { kind: 'open', minRows: 1 },
				columns: AUTHORITY_COLUMNS,
				reconstructed:
					'A Party may designate several competent authorities (Art. 5(1)); the competence column (export, import, transit) is ours.',
			},
			{
				id: 'i1_focal_point',
				type: 'contact',
				concept: 'CONTACT.NFP',
				required: true,
				fields: CONTACT_FIELDS,
			},
		]),
	],
}

/** Part I B, question 2: national definitions (Art. 3, Art. 1(1)(b), Art. 13(2)(b)). */
const DEFINITIONS: Section = {
	id: 'bi_b_definitions',
	reconstructed:
		'Questions 2a and 2b are confirmed by the Secretariat’s compilations; 2c (wastes regulated under Art. 1(1)(b)) and 2d (wastes classified differently from the Convention) are reconstructed.',
	questions: [
		changedSinceLastReport('i2_changed', 'WASTE.DEFINITION'),
		...whenChanged('i2_changed', [
			...withDetails('i2a_waste_definition', 'yes_no_status', 'WASTE.DEFINITION'),
			...withDetails('i2b_hazardous_definition', 'yes_no_status', 'WASTE.DEFINITION'),
			...withDetails('i2c_other_regulated', 'yes_no', 'WASTE.DEFINITION'),
			...withDetails('i2d_classified_differently', 'yes_no', 'WASTE.DEFINITION'),
			{ id: 'i2_legal_reference', type: 'text', concept: 'LEG.MEASURE' },
		]),
	],
}

/** Kinds of restriction of questions 3b–3h (the exact split is reconstructed). */
export const RESTRICTION_KINDS = [
	'export_disposal',
	'export_recovery',
	'import_disposal',
	'import_recovery',
	'transit',
	'other',
]

const restricted: Condition = oneOf(cell('scope'), ['partial', 'total'])

/** Part I C, question 3: the Ban Amendment and restrictions (Art. 4(1), Art. 13(2)(c)–(d)). */
const RESTRICTIONS: Section = {
	id: 'bi_c_restrictions',
	questions: [
		changedSinceLastReport('i3_changed', 'TRADE.RESTRICTION.WASTE'),
		...whenChanged('i3_changed', [
			...withDetails('i3a_ban_amendment', 'yes_no_status', 'LEG.MEASURE'),
			{
				id: 'i3_restrictions',
				type: 'table',
				concept: 'TRADE.RESTRICTION.WASTE',
				required: true,
				reconstructed:
					'The Secretariat confirms that questions 3b–3h cover the kinds of prohibition or restriction; the split into these rows is reconstructed.',
				rows: { kind: 'fixed', dimensions: [{ column: 'restriction', codes: RESTRICTION_KINDS }] },
				columns: [
					{ id: 'restriction', type: 'single_choice', options: RESTRICTION_KINDS, readOnly: true },
					{
						id: 'scope',
						type: 'single_choice',
						options: ['none', 'partial', 'total'],
						required: true,
					},
					{ id: 'wastes', type: 'long_text', required: restricted, visibleIf: restricted },
					{ id: 'countries', type: 'country', multiple: true, visibleIf: restricted },
					{
						id: 'legal_reference',
						type: 'text',
						concept: 'LEG.MEASURE',
						required: restricted,
						visibleIf: restricted,
					},
					{ id: 'effective_date', type: 'date', visibleIf: restricted },
				],
				fillEmpty: [{ value: 'none' }],
			},
		]),
	],
}

export const DOCUMENT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other']

/** Part I D, question 4: documents, languages, border control, HS codes (Art. 6, Annex V). */
const CONTROL: Section = {
	id: 'bi_d_control',
	questions: [
		changedSinceLastReport('i4_changed', 'TRADE.DOCUMENTS'),
		...whenChanged('i4_changed', [
			{
				id: 'i4a_documents',
				type: 'single_choice',
				concept: 'TRADE.DOCUMENTS',
				options: ['used', 'accepted_not_used', 'not_used'],
				required: true,
			},
			{ id: 'i4a_problems', type: 'long_text', concept: 'CHALLENGES' },
			{
				id: 'i4b_languages_import',
				type: 'multiple_choice',
				concept: 'TRADE.DOCUMENTS',
				options: DOCUMENT_LANGUAGES,
				required: true,
			},
			{
				id: 'i4b_languages_transit',
				type: 'multiple_choice',
				concept: 'TRADE.DOCUMENTS',
				options: DOCUMENT_LANGUAGES,
				required: true,
			},
			{
				id: 'i4b_other_languages',
				type: 'text',
				concept: 'TRADE.DOCUMENTS',
				required: true,
				visibleIf: any(
					includes('i4b_languages_import', 'other'),
					includes('i4b_languages_transit', 'other'),
				),
			},
			{ id: 'i4c_additional_requirements', type: 'long_text', concept: 'TRADE.DOCUMENTS' },
			{ id: 'i4d_border_control', type: 'yes_no_status', concept: 'TRADE.CONTROL', required: true },
			...withDetails('i4e_hs_codes', 'yes_no', 'TRADE.CONTROL'),
		]),
	],
}

const REDUCTION_MEASURES = [
	'strategies',
	'legislation',
	'economic_instruments',
	'industry_measures',
	'other',
	'none',
]

/** Sections E and F: measures to reduce generation (Art. 4(2)(a)) or movements (Art. 4(2)(d)). */
function reductionSection(sectionId: string, prefix: 'i5' | 'i6'): Section {
	const measures = `${prefix}_measures`
	return {
		id: sectionId,
		reconstructed:
			'Reconstructed from Art. 4(2)(a) and (d) and Art. 13(3)(b)(iv): the categories of measures are ours.',
		questions: [
			changedSinceLastReport(`${prefix}_changed`, 'WASTE.REDUCTION'),
			...whenChanged(`${prefix}_changed`, [
				{
					id: measures,
					type: 'multiple_choice',
					concept: 'WASTE.REDUCTION',
					options: REDUCTION_MEASURES,
					required: true,
				},
				{
					id: `${prefix}_details`,
					type: 'long_text',
					concept: 'WASTE.REDUCTION',
					required: true,
					visibleIf: any(
						...REDUCTION_MEASURES.filter((code) => code !== 'none').map((code) =>
							includes(measures, code),
						),
					),
				},
			]),
		],
	}
}

/** Section G: statistics on effects on health and the environment (Art. 13(3)(d)). */
const EFFECTS: Section = {
	id: 'bi_g_effects',
	reconstructed: 'Reconstructed from Art. 13(3)(d).',
	questions: withDetails('i7_statistics', 'yes_no', 'RESEARCH.MON'),
}

/** Section H: agreements and arrangements under Art. 11 (Art. 13(3)(e)). */
const AGREEMENTS: Section = {
	id: 'bi_h_agreements',
	reconstructed: 'Reconstructed from Art. 11 and Art. 13(3)(e); the columns are ours.',
	questions: [
		changedSinceLastReport('i8_changed', 'AGREEMENT.TRANSBOUNDARY'),
		...whenChanged('i8_changed', [
			{
				id: 'i8_agreements',
				type: 'table',
				concept: 'AGREEMENT.TRANSBOUNDARY',
				rows: { kind: 'open' },
				columns: [
					{
						id: 'kind',
						type: 'single_choice',
						options: ['bilateral', 'multilateral', 'regional'],
						required: true,
					},
					{ id: 'title', type: 'text', required: true },
					{ id: 'parties', type: 'country', multiple: true, required: true },
					{ id: 'valid_from', type: 'date', required: true },
					{ id: 'valid_until', type: 'date' },
					{ id: 'waste_categories', type: 'multiple_choice', codeList: 'basel-y' },
					{ id: 'description', type: 'long_text' },
				],
			},
		]),
	],
}

/** Section I: assistance, technologies and other information (Art. 13(3)(h), Art. 16). */
const OTHER: Section = {
	id: 'bi_i_other',
	reconstructed: 'Reconstructed from Art. 10, Art. 13(3)(h) and Art. 16.',
	questions: [
		{ id: 'i9_technical_assistance', type: 'long_text', concept: 'TA.PROVIDED' },
		{ id: 'i9_technologies', type: 'long_text', concept: 'WASTE.REDUCTION' },
		{ id: 'i9_other_information', type: 'long_text', concept: 'CHALLENGES' },
	],
}

export const PART_I_SECTIONS: Section[] = [
	GENERAL,
	AUTHORITIES,
	DEFINITIONS,
	RESTRICTIONS,
	CONTROL,
	reductionSection('bi_e_generation_reduction', 'i5'),
	reductionSection('bi_f_movement_reduction', 'i6'),
	EFFECTS,
	AGREEMENTS,
	OTHER,
]
