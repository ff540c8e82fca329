/**
 * Rules of the Minamata report: a stock reported under Art. 3(5)(a) exceeds 50 metric tonnes (a
 * smaller one is not asked for: a warning), exports go to another country and only with written
 * consent (Art. 3(6)), and imports from non-Parties only with certification (Art. 3(8)).
 */
import { cell, isYes, partnerNotReportingParty } from '../dsl.ts'
import type { Rule } from '../types.ts'

const TRADE_TABLES = [
	{ table: 'b3_exports_table', document: 'consent', messageKey: 'export_without_consent' },
	{
		table: 'b3_imports_table',
		document: 'certification',
		messageKey: 'import_without_certification',
	},
] as const

export const MINAMATA_RULES: Rule[] = [
	{
		id: 'b3_stock_over_50_t',
		kind: 'range',
		severity: 'warning',
		messageKey: 'stock_below_50_t',
		target: { question: 'b3_stocks_table', column: 'quantity_t' },
		min: 50,
	},
	...TRADE_TABLES.flatMap(({ table, document, messageKey }): Rule[] => [
		partnerNotReportingParty(table, 'partner'),
		{
			id: `${table}_${document}`,
			kind: 'assert',
			severity: 'warning',
			messageKey,
			target: { question: table, column: document },
			assert: isYes(cell(document)),
		},
	]),
]
