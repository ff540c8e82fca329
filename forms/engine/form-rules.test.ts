import { describe, expect, it } from 'vitest'
import { DDT_V1 } from '../ddt/v1.ts'
import { art15V5Context, art15V6Context, ddtContext } from '../fixtures/builders.ts'
import { ART15_V5 } from '../stockholm-art15/v5.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Answers, CellValue, FormContext, FormDefinition, TableAnswer } from '../types.ts'
import { evaluate } from './evaluate.ts'
import { initialAnswers } from './initial.ts'

/**
 * The rules of the real forms, audited for issues raised before the questions they read are
 * answered (issue #10): a warning must wait until the answers given decide it.
 */

function ruleIds(def: FormDefinition, answers: Answers, ctx: FormContext): string[] {
	return evaluate(def, answers, ctx)
		.issues.map((issue) => issue.ruleId)
		.filter((id): id is string => id !== undefined)
}

/** A fixed table of the blank report with `cells` written into every row. */
function fillRows(
	answers: Answers,
	tableId: string,
	cells: (index: number) => Record<string, CellValue> | undefined,
) {
	const table = answers[tableId] as TableAnswer
	return {
		rows: table.rows.map((row, index) => ({
			...row,
			cells: { ...row.cells, ...(cells(index) ?? {}) },
		})),
	}
}

describe.each([
	['Stockholm Art. 15, 5th cycle', ART15_V5, art15V5Context()],
	['Stockholm Art. 15, 6th cycle', ART15_V6, art15V6Context()],
	['DDT questionnaire', DDT_V1, ddtContext()],
] as const)('%s', (_name, def, ctx) => {
	it('a blank report raises no rule issue: only missing answers', () => {
		expect(ruleIds(def, initialAnswers(def, ctx), ctx)).toEqual([])
	})
})

describe('DDT questionnaire', () => {
	const ctx = ddtContext()
	const blank = () => initialAnswers(DDT_V1, ctx)

	it('"not in the DDT Register" waits for the register question to be answered', () => {
		const used = { ...blank(), a_ddt_used: 'yes' }
		expect(ruleIds(DDT_V1, used, ctx)).not.toContain('use_requires_register')
		expect(ruleIds(DDT_V1, { ...used, a_register_notified: 'no' }, ctx)).toContain(
			'use_requires_register',
		)
		expect(ruleIds(DDT_V1, { ...used, a_register_notified: 'yes' }, ctx)).not.toContain(
			'use_requires_register',
		)
		// Production alone is enough to expect the notification, whatever use is still open.
		expect(
			ruleIds(DDT_V1, { ...blank(), a_ddt_produced: 'yes', a_register_notified: 'no' }, ctx),
		).toContain('use_requires_register')
	})

	it('"exports without a source" waits for production, imports and stocks to be answered', () => {
		const exported: Answers = { ...blank(), a_ddt_exported: 'yes' }
		expect(ruleIds(DDT_V1, exported, ctx)).not.toContain('exports_need_production_or_imports')
		const noSource: Answers = { ...exported, a_ddt_produced: 'no', a_ddt_imported: 'no' }
		// The stocks are still blank: they could be the source.
		expect(ruleIds(DDT_V1, noSource, ctx)).not.toContain('exports_need_production_or_imports')
		const noStock = {
			...noSource,
			a_stocks: fillRows(noSource, 'a_stocks', () => ({ stock_kg_ai: 0 })),
		}
		expect(ruleIds(DDT_V1, noStock, ctx)).toContain('exports_need_production_or_imports')
		const stock = {
			...noSource,
			a_stocks: fillRows(noSource, 'a_stocks', (i) => (i === 0 ? { stock_kg_ai: 500 } : undefined)),
		}
		expect(ruleIds(DDT_V1, stock, ctx)).not.toContain('exports_need_production_or_imports')
		// Production answered yes settles it even while imports are open.
		expect(ruleIds(DDT_V1, { ...exported, a_ddt_produced: 'yes' }, ctx)).not.toContain(
			'exports_need_production_or_imports',
		)
	})

	it('"legal reference expected" asks for the reference only where a measure is in place', () => {
		const answers = blank()
		const legal = fillRows(answers, 'a_legal_measures', (i) =>
			i === 0 ? { in_place: 'yes', year_adopted: 1990 } : undefined,
		)
		const issues = evaluate(DDT_V1, { ...answers, a_legal_measures: legal }, ctx).issues.filter(
			(issue) => issue.ruleId === 'legal_reference_expected',
		)
		expect(issues.map((issue) => issue.rowId)).toEqual([legal.rows[0]!.id])
	})
})

describe('Stockholm Art. 15, 6th cycle', () => {
	const ctx = art15V6Context()
	const blank = () => initialAnswers(ART15_V6, ctx)

	it('"exports to non-Parties not declared" waits for the declaration question', () => {
		const answers = blank()
		const statistics = answers.b3_statistics as TableAnswer
		const chemical = statistics.rows[0]!.cells.chemical
		const withExports: Answers = {
			...answers,
			b3_statistics_activity: fillRows(answers, 'b3_statistics_activity', () => ({
				activity: 'no',
			})),
			b3_statistics: fillRows(answers, 'b3_statistics', (i) =>
				i === 0 ? { export_kg: 10 } : undefined,
			),
			b3_export_partners: {
				rows: [{ id: 'r1', cells: { purpose: 'non_party_certified' } }],
			},
		}
		const activity = withExports.b3_statistics_activity as TableAnswer
		for (const row of activity.rows) if (row.cells.chemical === chemical) row.cells.activity = 'yes'
		expect(ruleIds(ART15_V6, withExports, ctx)).not.toContain('non_party_exports_declared')
		expect(ruleIds(ART15_V6, { ...withExports, b3_exported_to_non_parties: 'no' }, ctx)).toContain(
			'non_party_exports_declared',
		)
	})

	it('"PCB in use after 2025" needs equipment reported in use, not blank rows', () => {
		const answers: Answers = { ...blank(), c_pcb_use_ended_2025: 'yes' }
		expect(ruleIds(ART15_V6, answers, ctx)).not.toContain('pcb_use_ended_consistent')
		const inUse = fillRows(answers, 'c_pcb_equipment_table', (i) =>
			i === 0 ? { in_use_t: 4 } : undefined,
		)
		expect(ruleIds(ART15_V6, { ...answers, c_pcb_equipment_table: inUse }, ctx)).toContain(
			'pcb_use_ended_consistent',
		)
	})

	it('year comparisons wait for both years', () => {
		const answers: Answers = { ...blank(), b5_inventory_latest_year: 2010 }
		expect(ruleIds(ART15_V6, answers, ctx)).not.toContain('inventory_years_ordered')
	})
})
