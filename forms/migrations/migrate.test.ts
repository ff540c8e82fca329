import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { draftSchema } from '../engine/answer-schemas.ts'
import { evaluate } from '../engine/evaluate.ts'
import { answersArbitrary } from '../fixtures/arbitraries.ts'
import {
	art15V5Context,
	art15V6Context,
	buildCompleteArt15V5Answers,
	buildCompleteArt15V6Answers,
} from '../fixtures/builders.ts'
import {
	MIGRATION_CONTEXT,
	MIGRATION_SPEC,
	MIGRATION_V1,
	MIGRATION_V2,
} from '../fixtures/migration-fixtures.ts'
import { ART15_5_TO_6 } from '../stockholm-art15/migrations/5-to-6.ts'
import { ART15_V5 } from '../stockholm-art15/v5.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Answers, TableAnswer } from '../types.ts'
import { migrateAnswers, validateMigrationSpec } from './index.ts'
import { applyMigrationSpec } from './migrate.ts'
import { applyTransform, combine } from './transforms.ts'
import type { MigrationReportEntry, ValueTransform } from './types.ts'
import { registeredCodeLists } from '../codelists/source.ts'

const v1Answers: Answers = {
	name: 'Report',
	contact_name: 'Ana',
	contact_email: 'ana@example.org',
	activities: ['a', 'c'],
	legacy: 'old text',
	amount_t: 2.5,
	status: 'pending',
	same: 'yes',
	gone: 'no home',
	retyped: 'twelve',
	stock: {
		rows: [
			{
				id: 'A',
				key: 'A',
				cells: { band: 'A', qty_t: 1.5, low: 2, high: 3, kinds: ['x'], note: 'n', same_col: 's' },
			},
			{ id: 'B', key: 'B', cells: { band: 'B', qty_t: { marker: 'confidential' }, low: 1 } },
			{ id: 'C', key: 'C', cells: { band: 'C', qty_t: 4 } },
		],
	},
	trade: {
		rows: [
			{ id: 't1', cells: { country: 'FRA', year: 2024, qty: 10 } },
			{ id: 't2', cells: { country: 'DEU', year: 2021, qty: 5 } },
		],
	},
}

function find(
	report: MigrationReportEntry[],
	questionId: string,
	columnId?: string,
	rowId?: string,
) {
	return report.filter(
		(entry) =>
			entry.source.questionId === questionId &&
			entry.source.columnId === columnId &&
			entry.source.rowId === rowId,
	)
}

/** The entries of a table's rows. */
function rowsOf(report: MigrationReportEntry[], questionId: string) {
	return report.filter(
		(entry) => entry.source.questionId === questionId && entry.source.rowId !== undefined,
	)
}

describe('migration machinery on fixture definitions', () => {
	const result = applyMigrationSpec(
		MIGRATION_SPEC,
		MIGRATION_V1,
		MIGRATION_V2,
		v1Answers,
		MIGRATION_CONTEXT,
	)

	it('produces the expected answers', () => {
		expect(result.answers).toEqual({
			title: 'Report',
			contact: { name: 'Ana', email: 'ana@example.org' },
			does_a: 'yes',
			does_b: 'no',
			amount_kg: 2500,
			status: 'in_progress',
			same: 'yes',
			stock: {
				rows: [
					{
						id: 'A1',
						key: 'A1',
						cells: { band: 'A1', qty_kg: 1500, total: 5, has_x: 'yes', has_y: 'no', same_col: 's' },
					},
					{ id: 'B', key: 'B', cells: { band: 'B', qty_kg: { marker: 'confidential' }, total: 1 } },
				],
			},
			partners: { rows: [{ id: 't1', cells: { country: 'FRA', year: 2024, qty: 10 } }] },
		})
	})

	it.each([
		[
			'rename',
			'name',
			undefined,
			undefined,
			{ outcome: 'renamed', targets: [{ questionId: 'title' }] },
		],
		[
			'merge (first source)',
			'contact_name',
			undefined,
			undefined,
			{ outcome: 'merged', targets: [{ questionId: 'contact' }] },
		],
		[
			'merge (second source)',
			'contact_email',
			undefined,
			undefined,
			{ outcome: 'merged', targets: [{ questionId: 'contact' }] },
		],
		[
			'split',
			'activities',
			undefined,
			undefined,
			{ outcome: 'split', targets: [{ questionId: 'does_a' }, { questionId: 'does_b' }] },
		],
		[
			'drop',
			'legacy',
			undefined,
			undefined,
			{
				outcome: 'dropped',
				reason: 'No longer asked by the Secretariat.',
				code: 'no_longer_asked',
			},
		],
		[
			'rename + transform',
			'amount_t',
			undefined,
			undefined,
			{ outcome: 'transformed', targets: [{ questionId: 'amount_kg' }] },
		],
		[
			'value transform',
			'status',
			undefined,
			undefined,
			{ outcome: 'transformed', targets: [{ questionId: 'status' }] },
		],
		[
			'carried by default',
			'same',
			undefined,
			undefined,
			{ outcome: 'carried', targets: [{ questionId: 'same' }] },
		],
		[
			'no target',
			'gone',
			undefined,
			undefined,
			{
				outcome: 'failed',
				reason: 'no mapping, and v2 has no question "gone"',
				code: 'no_longer_asked',
			},
		],
		[
			'type changed',
			'retyped',
			undefined,
			undefined,
			{
				outcome: 'failed',
				reason: 'no mapping, and the type changed from text to integer',
				code: 'incompatible',
			},
		],
		[
			'column rename + transform',
			'stock',
			'qty_t',
			undefined,
			{ outcome: 'transformed', targets: [{ questionId: 'stock', columnId: 'qty_kg' }] },
		],
		[
			'column merge',
			'stock',
			'low',
			undefined,
			{ outcome: 'merged', targets: [{ questionId: 'stock', columnId: 'total' }] },
		],
		[
			'column merge (2nd)',
			'stock',
			'high',
			undefined,
			{ outcome: 'merged', targets: [{ questionId: 'stock', columnId: 'total' }] },
		],
		[
			'column split',
			'stock',
			'kinds',
			undefined,
			{
				outcome: 'split',
				targets: [
					{ questionId: 'stock', columnId: 'has_x' },
					{ questionId: 'stock', columnId: 'has_y' },
				],
			},
		],
		[
			'column drop',
			'stock',
			'note',
			undefined,
			{
				outcome: 'dropped',
				targets: [],
				reason: 'Notes are now given per report.',
				code: 'no_longer_asked',
			},
		],
		[
			'column carried',
			'stock',
			'same_col',
			undefined,
			{ outcome: 'carried', targets: [{ questionId: 'stock', columnId: 'same_col' }] },
		],
		[
			'row dropped by key mapping',
			'stock',
			undefined,
			'C',
			{ outcome: 'dropped', reason: 'Band C was merged into band B.', code: 'not_in_target' },
		],
		[
			'open row outside period',
			'trade',
			undefined,
			't2',
			{
				outcome: 'dropped',
				reason: 'The row is for 2021, outside the period 2024–2025 of the new report.',
				code: 'outside_period',
				params: { year: 2021 },
			},
		],
		[
			'table renamed',
			'trade',
			'qty',
			undefined,
			{ outcome: 'renamed', targets: [{ questionId: 'partners', columnId: 'qty' }] },
		],
	] as const)('%s', (_name, questionId, columnId, rowId, expected) => {
		const entries = find(result.report, questionId, columnId, rowId)
		expect(entries).toEqual([
			{
				source: { questionId, ...(columnId ? { columnId } : {}), ...(rowId ? { rowId } : {}) },
				...expected,
			},
		])
	})

	it('reports a value the transform cannot represent as failed, with the reason', () => {
		const { answers, report } = applyMigrationSpec(MIGRATION_SPEC, MIGRATION_V1, MIGRATION_V2, {
			status: 'obsolete',
		})
		expect(answers).toEqual({})
		expect(report).toEqual([
			{
				source: { questionId: 'status' },
				outcome: 'failed',
				targets: [{ questionId: 'status' }],
				reason: 'The obsolete status was removed.',
				code: 'incompatible',
			},
		])
	})

	it('lists every source answer in the report', () => {
		for (const questionId of Object.keys(v1Answers)) {
			expect(result.report.some((entry) => entry.source.questionId === questionId)).toBe(true)
		}
	})

	it('the spec names only existing questions and columns', () => {
		expect(validateMigrationSpec(MIGRATION_SPEC, MIGRATION_V1, MIGRATION_V2)).toEqual([])
		expect(
			validateMigrationSpec(
				{
					...MIGRATION_SPEC,
					questions: [
						{ kind: 'rename', from: 'nope', to: 'title' },
						{
							kind: 'table',
							from: 'stock',
							columns: [{ kind: 'drop', from: 'ghost', reason: 'x' }],
						},
					],
				},
				MIGRATION_V1,
				MIGRATION_V2,
			),
		).toEqual([
			'source question "nope" does not exist',
			'source column "stock.ghost" does not exist',
		])
	})

	it('fails instead of writing a value of the wrong type, and never overwrites', () => {
		const spec = {
			...MIGRATION_SPEC,
			questions: [
				{ kind: 'rename' as const, from: 'name', to: 'amount_kg' },
				{ kind: 'rename' as const, from: 'legacy', to: 'same' },
			],
		}
		const { answers, report } = applyMigrationSpec(spec, MIGRATION_V1, MIGRATION_V2, {
			name: 'x',
			legacy: 'yes',
			same: 'no',
		})
		expect(answers).toEqual({ same: 'yes' })
		expect(find(report, 'name')[0]).toMatchObject({
			outcome: 'failed',
			reason: 'the value does not fit the target decimal item',
		})
		expect(find(report, 'same')[0]).toMatchObject({
			outcome: 'failed',
			reason: '"same" already holds the answer carried from "legacy"',
		})
	})
})

describe('answers that describe the period (periodBound)', () => {
	/** MIGRATION_V2 with `amount_kg` and the stock quantities marked as describing the period. */
	const periodic = structuredClone(MIGRATION_V2)
	for (const question of periodic.parts[0]!.sections[0]!.questions) {
		if (question.id === 'amount_kg') question.periodBound = true
		if (question.type === 'table' && question.id === 'stock')
			for (const column of question.columns) if (column.id === 'qty_kg') column.periodBound = true
	}

	it('offers the converted value instead of writing it, and keeps it only when asked', () => {
		const offered = applyMigrationSpec(MIGRATION_SPEC, MIGRATION_V1, periodic, v1Answers)
		expect(offered.answers.amount_kg).toBeUndefined()
		expect(find(offered.report, 'amount_t')).toEqual([
			{
				source: { questionId: 'amount_t' },
				outcome: 'to_confirm',
				targets: [{ questionId: 'amount_kg' }],
				reason: expect.any(String),
				code: 'period_bound',
				previous: 2500,
			},
		])
		const stock = (offered.answers.stock as TableAnswer).rows
		expect(stock.find((row) => row.id === 'B')!.cells).not.toHaveProperty('qty_kg')
		expect(find(offered.report, 'stock', 'qty_t', 'B')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: { marker: 'confidential' },
		})
		// The other columns of the row are carried as before.
		expect(stock.find((row) => row.id === 'B')!.cells.total).toBe(1)

		const kept = applyMigrationSpec(
			MIGRATION_SPEC,
			MIGRATION_V1,
			periodic,
			v1Answers,
			undefined,
			'keep',
		)
		expect(kept.answers.amount_kg).toBe(2500)
		expect(find(kept.report, 'amount_t')[0]!.outcome).toBe('to_confirm')
	})
})

describe('value transforms and merge strategies', () => {
	it.each([
		[{ map: { a: 'b' } }, 'a', { ok: true, value: 'b' }],
		[{ map: { a: 'b' } }, ['a', 'c'], { ok: true, value: ['b', 'c'] }],
		[
			{ map: { a: null } },
			'a',
			{ ok: false, reason: 'code "a" has no equivalent in the target version' },
		],
		[{ multiply: 1000 }, 1.5, { ok: true, value: 1500 }],
		[{ add: 4 }, 2018, { ok: true, value: 2022 }],
		[{ toList: true }, 'a', { ok: true, value: ['a'] }],
		[{ first: true }, ['a'], { ok: true, value: 'a' }],
		[
			{ first: true },
			['a', 'b'],
			{ ok: false, reason: 'several values where the target takes one' },
		],
		[{ field: 'email' }, { email: 'a@b.org' }, { ok: true, value: 'a@b.org' }],
		[{ toText: true }, 12, { ok: true, value: '12' }],
		[{ chain: [{ multiply: 2 }, { add: 1 }] }, 3, { ok: true, value: 7 }],
		[
			{ multiply: 2 },
			{ marker: 'not_available' },
			{ ok: true, value: { marker: 'not_available' } },
		],
	] as const)('%j on %j', (transform, value, expected) => {
		expect(applyTransform(value, transform as ValueTransform)).toEqual(expected)
	})

	it.each([
		[{ join: '; ' }, ['a', 'b'], { ok: true, value: 'a; b' }],
		[{ sum: true }, [1, 2], { ok: true, value: 3 }],
		[
			{ sum: true },
			[1, { marker: 'confidential' }],
			{ ok: false, reason: 'some values are markers; their sum is unknown' },
		],
		[{ union: true }, [['a'], ['a', 'b']], { ok: true, value: ['a', 'b'] }],
		[{ firstAnswered: true }, [undefined, 'b'], { ok: true, value: 'b' }],
	] as const)('%j of %j', (strategy, values, expected) => {
		expect(
			combine(
				values.map((value, i) => ({ source: `s${i}`, value })),
				strategy,
			),
		).toEqual(expected)
	})
})

describe('Article 15: 5th → 6th cycle', () => {
	it('the registered spec is consistent with both versions', () => {
		expect(validateMigrationSpec(ART15_5_TO_6, ART15_V5, ART15_V6)).toEqual([])
	})

	it('carries stable answers, drops or offers period-bound data with reasons', () => {
		const { answers, report } = migrateAnswers(
			ART15_V5,
			ART15_V6,
			buildCompleteArt15V5Answers(),
			art15V6Context(),
		)
		expect(answers.a_nfp_contact).toEqual(buildCompleteArt15V5Answers().a_nfp_contact)
		expect(answers.a_period_from).toBe(2022)
		expect(answers.c_pcb_plan_2028).toBe('yes')
		expect((answers.b3_statistics as TableAnswer).rows).toEqual([])
		expect(find(report, 'c_pcb_plan_2025')[0]).toMatchObject({ outcome: 'dropped' })
		expect(find(report, 'b3_statistics', undefined, 'DDT|2019')[0]).toMatchObject({
			outcome: 'dropped',
		})
		expect(find(report, 'b3_export_partners')).toEqual([
			{
				source: { questionId: 'b3_export_partners' },
				outcome: 'to_confirm',
				targets: [{ questionId: 'b3_export_partners' }],
				reason: expect.any(String),
				code: 'period_bound',
				params: { rows: 10 },
			},
		])
		expect(answers.b3_export_partners).toBeUndefined()
		expect(report.some((entry) => entry.outcome === 'failed')).toBe(false)
		// Every chemical row of the Annex A measures is carried (all v5 chemicals are still listed).
		expect((answers.b3_measures_annex_a as TableAnswer).rows).toHaveLength(
			(buildCompleteArt15V5Answers().b3_measures_annex_a as TableAnswer).rows.length,
		)
		// What remains is type-correct; what the 6th cycle adds is reported as missing by the engine.
		expect(draftSchema(ART15_V6).safeParse(answers).success).toBe(true)
		const missing = evaluate(ART15_V6, answers, art15V6Context()).issues.filter(
			(issue) => issue.messageKey === 'required',
		)
		expect(
			missing.map((issue) => `${issue.questionId}${issue.rowId ? `:${issue.rowId}` : ''}`),
		).toContain('c_pcb_use_ended_2025')
		expect(missing.some((issue) => issue.rowId === 'PFHXS')).toBe(true)
	})

	it('offers the figures of the 5th period for confirmation instead of copying them', () => {
		const v5 = buildCompleteArt15V5Answers()
		const { answers, report } = migrateAnswers(ART15_V5, ART15_V6, v5, art15V6Context())
		// Actual quantities under the registered exemptions: the rows come along, not the figures.
		const exemptions = (answers.b4_exemptions as TableAnswer).rows
		expect(exemptions.map((row) => row.cells.chemical)).toEqual(['PFOS', 'DECABDE'])
		expect(exemptions.every((row) => !('actual_kg_per_year' in row.cells))).toBe(true)
		expect(exemptions[0]!.cells.estimated_kg_per_year).toBe(500)
		expect(find(report, 'b4_exemptions', 'actual_kg_per_year', 'ex-001')).toEqual([
			{
				source: { questionId: 'b4_exemptions', columnId: 'actual_kg_per_year', rowId: 'ex-001' },
				outcome: 'to_confirm',
				targets: [{ questionId: 'b4_exemptions', columnId: 'actual_kg_per_year', rowId: 'ex-001' }],
				reason: expect.any(String),
				code: 'period_bound',
				params: { about: 'PFOS' },
				previous: 320,
			},
		])
		expect(find(report, 'b4_exemptions', 'actual_kg_per_year', 'ex-002')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: { marker: 'confidential' },
		})
		// PCB equipment: counts and tonnes are a state at the end of 2021.
		const equipment = (answers.c_pcb_equipment_table as TableAnswer).rows
		expect(equipment.map((row) => Object.keys(row.cells))).toEqual(equipment.map(() => ['band']))
		expect(find(report, 'c_pcb_equipment_table', 'in_use_t', 'gt10pct_gt5l')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: 0,
		})
		expect(find(report, 'c_pcb_equipment_table', 'removed_t', 'gt10pct_gt5l')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: 35,
		})
		// Stockpile quantities, contaminated sites identified.
		expect(answers.b6_contaminated_sites_count).toBeUndefined()
		expect(find(report, 'b6_contaminated_sites_count')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: 14,
		})
		expect(find(report, 'b6_stockpiles', 'quantity_kg', 'stock-002')[0]).toMatchObject({
			outcome: 'to_confirm',
			params: { about: 'PCB' },
			previous: 40_000,
		})
		// The engine then asks for them: the report is not complete until they are confirmed.
		const missing = evaluate(ART15_V6, answers, art15V6Context()).issues.filter(
			(issue) => issue.messageKey === 'required',
		)
		expect(missing).toContainEqual(
			expect.objectContaining({
				questionId: 'b4_exemptions',
				rowId: 'ex-001',
				columnId: 'actual_kg_per_year',
			}),
		)
		expect(missing).toContainEqual(
			expect.objectContaining({ questionId: 'b6_contaminated_sites_count' }),
		)
	})

	it('compares the figures of the 5th period when asked to keep them (comparisons)', () => {
		const v5 = buildCompleteArt15V5Answers()
		const { answers, report } = migrateAnswers(ART15_V5, ART15_V6, v5, art15V6Context(), 'keep')
		expect((answers.b4_exemptions as TableAnswer).rows[0]!.cells.actual_kg_per_year).toBe(320)
		expect(answers.b6_contaminated_sites_count).toBe(14)
		expect((answers.b3_export_partners as TableAnswer).rows).toHaveLength(10)
		expect(find(report, 'b6_contaminated_sites_count')[0]).toMatchObject({ outcome: 'to_confirm' })
	})

	it('no longer lists PCDD and PCDF among the other unintentional POPs', () => {
		const v5 = { ...buildCompleteArt15V5Answers(), b5_other_upops: ['PCDD', 'HCB', 'PCDF'] }
		const { answers, report } = migrateAnswers(ART15_V5, ART15_V6, v5, art15V6Context())
		expect(answers.b5_other_upops).toEqual(['HCB'])
		expect(find(report, 'b5_other_upops')[0]).toMatchObject({ outcome: 'transformed' })
	})

	it('derives the context from the definition and the answered Party when none is given', () => {
		const { answers } = migrateAnswers(
			ART15_V5,
			ART15_V6,
			buildCompleteArt15V5Answers(art15V5Context('ARG')),
		)
		expect(answers.a_party_code).toBe('ARG')
	})

	it('property: random valid v5 answers give type-correct v6 answers, and every v5 answer is reported', () => {
		const schema = draftSchema(ART15_V6)
		fc.assert(
			fc.property(
				fc.constantFrom('KEN', 'ARG', 'BGD'),
				answersArbitrary(ART15_V5, art15V5Context()),
				(party, v5) => {
					const { answers, report } = migrateAnswers(ART15_V5, ART15_V6, v5, art15V6Context(party))
					if (!schema.safeParse(answers).success) return false
					const reported = new Set(report.map((entry) => entry.source.questionId))
					return Object.keys(v5).every((id) => reported.has(id))
				},
			),
			{ numRuns: 60 },
		)
	})

	it('same version: identity with everything carried, except what describes the period', () => {
		const v6 = { a_party_code: 'KEN', b9_mechanism: 'yes' } satisfies Answers
		const { answers, report } = migrateAnswers(ART15_V6, ART15_V6, v6)
		expect(answers).toEqual(v6)
		expect(report.map((entry) => entry.outcome)).toEqual(['carried', 'carried'])
		const withPeriod = { ...v6, b12_assistance: 'received' } satisfies Answers
		const again = migrateAnswers(ART15_V6, ART15_V6, withPeriod)
		expect(again.answers).toEqual(v6)
		expect(find(again.report, 'b12_assistance')[0]).toMatchObject({
			outcome: 'to_confirm',
			previous: 'received',
		})
	})

	it('a new cycle on the same version: system-filled answers recomputed, rows outside the new period dropped', () => {
		const previous = buildCompleteArt15V6Answers(art15V6Context('KEN'))
		const submitted = { ...previous, a_submission_date: '2026-08-20' }
		const ctx = {
			partyCode: 'KEN',
			periodStart: '2026-01-01',
			periodEnd: '2029-12-31',
			codeLists: registeredCodeLists,
		}
		const { answers, report } = migrateAnswers(ART15_V6, ART15_V6, submitted, ctx)

		expect(answers.a_party_code).toBe('KEN')
		expect(answers.a_period_from).toBe(2026)
		expect(answers.a_period_to).toBe(2029)
		expect(answers.a_submission_date).toBeUndefined()
		expect(find(report, 'a_party_code')).toEqual([
			{
				source: { questionId: 'a_party_code' },
				outcome: 'carried',
				targets: [{ questionId: 'a_party_code' }],
			},
		])
		expect(find(report, 'a_period_from')[0]).toMatchObject({
			outcome: 'recomputed',
			code: 'system_filled',
			params: { value: 2026 },
		})
		expect(find(report, 'a_submission_date')[0]).toMatchObject({
			outcome: 'dropped',
			code: 'set_on_submission',
		})

		// Statistics rows are per year of the period: none of 2022–2025 comes along.
		const statistics = answers.b3_statistics as TableAnswer
		expect(statistics.rows).toEqual([])
		const droppedYears = new Set(
			rowsOf(report, 'b3_statistics')
				.filter((entry) => entry.code === 'outside_period')
				.map((entry) => entry.params?.year),
		)
		expect(droppedYears).toEqual(new Set([2022, 2023, 2024, 2025]))
		// Open tables with a year of the period (assistance received, wastes destroyed) too.
		for (const table of ['b12_received', 'b13_received', 'b6_waste_disposed']) {
			expect((answers[table] as TableAnswer).rows, table).toEqual([])
			expect(rowsOf(report, table).length, table).toBeGreaterThan(0)
			expect(
				rowsOf(report, table).every(
					(entry) => entry.outcome === 'dropped' && entry.code === 'outside_period',
				),
				table,
			).toBe(true)
		}
		// "Any production, import or export in the period?" is asked again, chemical by chemical.
		const activity = (answers.b3_statistics_activity as TableAnswer).rows
		expect(activity.length).toBeGreaterThan(0)
		expect(activity.every((row) => !('activity' in row.cells))).toBe(true)
		expect(
			rowsOf(report, 'b3_statistics_activity').every((entry) => entry.outcome === 'to_confirm'),
		).toBe(true)
		// Nothing left refers to the previous period.
		const issues = evaluate(ART15_V6, answers, ctx).issues
		expect(issues.filter((issue) => issue.messageKey === 'context_mismatch')).toEqual([])
		expect(
			issues.filter(
				(issue) =>
					['b12_received', 'b13_received', 'b6_waste_disposed'].includes(issue.questionId) &&
					issue.messageKey !== 'required',
			),
		).toEqual([])
	})

	it('a spec may not map answers the system fills in', () => {
		expect(
			validateMigrationSpec(
				{
					...ART15_5_TO_6,
					questions: [{ kind: 'transform', question: 'a_period_from', transform: { add: 4 } }],
				},
				ART15_V5,
				ART15_V6,
			),
		).toEqual(['target question "a_period_from" is filled in by the system: do not map it'])
	})

	it('refuses to migrate backwards or across forms', () => {
		expect(() => migrateAnswers(ART15_V6, ART15_V5, {})).toThrow()
		expect(() => migrateAnswers(ART15_V6, MIGRATION_V2, {})).toThrow()
	})
})
