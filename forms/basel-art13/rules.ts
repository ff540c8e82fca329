/**
 * Rules of the Basel report: one operation (D or R) per movement, the partner is another country,
 * codes used only in the years the Annexes hold them (the plastic waste amendments from 2021, the
 * e-waste amendments from 2025), agreements end after they start, and the generation rows add up
 * to the total (a warning, to be explained).
 */
import {
	allRows,
	answered,
	any,
	cell,
	gte,
	lte,
	marked,
	oneOf,
	partnerNotReportingParty,
	unanswered,
} from '../dsl.ts'
import {
	BASEL_AMENDMENT_DATES,
	BASEL_ANNEX_LISTS,
	BASEL_WASTE_CATEGORIES,
	codesAddedOn,
	codesDeletedAfter,
} from '../codelists/basel.ts'
import type { CodeList, CodeListEntry } from '../codelists/types.ts'
import type { Rule } from '../types.ts'

const MOVEMENT_TABLES = [
	{ table: 'ii_exports', partner: 'destination' },
	{ table: 'ii_imports', partner: 'origin' },
] as const

function movementRules(table: string, partner: string): Rule[] {
	return [
		{
			id: `${table}_one_operation`,
			kind: 'assert',
			severity: 'error',
			messageKey: 'disposal_and_recovery_both_given',
			target: { question: table, column: 'd_code' },
			assert: unanswered(cell('r_code')),
		},
		partnerNotReportingParty(table, partner),
		{
			id: `${table}_quantity_plausible`,
			kind: 'range',
			severity: 'warning',
			messageKey: 'quantity_implausibly_large_t',
			target: { question: table, column: 'quantity_t' },
			max: 5_000_000,
		},
	]
}

const yearOf = (date: string) => Number(date.slice(0, 4))

/**
 * For a code column, the codes an amendment added (an error in a report on an earlier year) and
 * the codes it deleted (an error in a report on a year from its effective date).
 */
function codeValidityRules(
	table: string,
	column: string,
	list: CodeList<CodeListEntry & { validFrom: string; validUntil?: string }>,
): Rule[] {
	return Object.values(BASEL_AMENDMENT_DATES).flatMap((effective): Rule[] => {
		const year = yearOf(effective)
		const added = codesAddedOn(list, effective)
		const deleted = codesDeletedAfter(list, `${year - 1}-12-31`)
		return [
			...(added.length
				? [
						{
							id: `${table}_${column}_not_before_${year}`,
							kind: 'assert',
							severity: 'error',
							messageKey: `code_in_annexes_from_${year}`,
							target: { question: table, column },
							when: oneOf(cell(column), added),
							assert: gte({ context: 'periodStartYear' }, year),
						} satisfies Rule,
					]
				: []),
			...(deleted.length
				? [
						{
							id: `${table}_${column}_not_from_${year}`,
							kind: 'assert',
							severity: 'error',
							messageKey: `code_deleted_from_${year}`,
							target: { question: table, column },
							when: oneOf(cell(column), deleted),
							assert: lte({ context: 'periodEndYear' }, year - 1),
						} satisfies Rule,
					]
				: []),
		]
	})
}

const generationRows = { table: 'ii_generation_hazardous', column: 'quantity_t', groupBy: [] }
const generationTotal = { table: 'ii_generation_total', column: 'quantity_t', groupBy: [] }

const GENERATION_RULES: Rule[] = [
	{
		id: 'generation_within_total',
		kind: 'aggregate',
		severity: 'warning',
		messageKey: 'generation_exceeds_total',
		source: generationRows,
		op: 'lte',
		reference: generationTotal,
	},
	{
		id: 'generation_adds_up_to_total',
		kind: 'aggregate',
		severity: 'warning',
		messageKey: 'generation_below_total',
		// Both rows answered with a number or "not applicable" (a blank keeps the sum open).
		when: allRows(
			'ii_generation_hazardous',
			any(gte(cell('quantity_t'), 0), marked(cell('quantity_t'), 'not_applicable')),
		),
		source: generationRows,
		op: 'gte',
		reference: generationTotal,
	},
	{
		id: 'generation_categories_within_total',
		kind: 'aggregate',
		severity: 'warning',
		messageKey: 'categories_exceed_total',
		source: { table: 'ii_generation_by_category', column: 'quantity_t', groupBy: [] },
		op: 'lte',
		reference: generationTotal,
	},
]

const AGREEMENT_RULE: Rule = {
	id: 'agreement_ends_after_start',
	kind: 'compare',
	severity: 'error',
	messageKey: 'agreement_ends_before_start',
	target: { question: 'i8_agreements', column: 'valid_until' },
	when: answered(cell('valid_from')),
	op: 'gte',
	other: { cell: 'valid_from' },
}

export const BASEL_RULES: Rule[] = [
	...MOVEMENT_TABLES.flatMap(({ table, partner }) => [
		...movementRules(table, partner),
		...codeValidityRules(table, 'y_code', BASEL_WASTE_CATEGORIES),
		...codeValidityRules(table, 'annex_code', BASEL_ANNEX_LISTS),
	]),
	...GENERATION_RULES,
	AGREEMENT_RULE,
]
