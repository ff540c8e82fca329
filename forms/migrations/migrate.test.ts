import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { draftSchema } from '../engine/answer-schemas.ts'
import { evaluate } from '../engine/evaluate.ts'
import { answersArbitrary } from '../fixtures/arbitraries.ts'
import {
	art15V5Context,
	art15V6Context,
	buildCompleteArt15V5Answers,
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
			{ outcome: 'dropped', reason: 'No longer asked by the Secretariat.' },
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
			{ outcome: 'failed', reason: 'no mapping, and v2 has no question "gone"' },
		],
		[
			'type changed',
			'retyped',
			undefined,
			undefined,
			{ outcome: 'failed', reason: 'no mapping, and the type changed from text to integer' },
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
			{ outcome: 'dropped', targets: [], reason: 'Notes are now given per report.' },
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
			{ outcome: 'dropped', reason: 'Band C was merged into band B.' },
		],
		[
			'open row outside period',
			'trade',
			undefined,
			't2',
			{ outcome: 'dropped', reason: 'Outside the new period.' },
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

	it('carries stable answers, drops period-bound data with reasons', () => {
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
		expect(find(report, 'b3_export_partners')[0]).toMatchObject({ outcome: 'dropped' })
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

	it('same version: identity with everything carried', () => {
		const v6 = { a_party_code: 'KEN', b9_mechanism: 'yes' } satisfies Answers
		const { answers, report } = migrateAnswers(ART15_V6, ART15_V6, v6)
		expect(answers).toEqual(v6)
		expect(report.map((entry) => entry.outcome)).toEqual(['carried', 'carried'])
	})

	it('refuses to migrate backwards or across forms', () => {
		expect(() => migrateAnswers(ART15_V6, ART15_V5, {})).toThrow()
		expect(() => migrateAnswers(ART15_V6, MIGRATION_V2, {})).toThrow()
	})
})
