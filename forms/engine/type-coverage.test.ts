import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { completeReportOfEveryForm } from '../fixtures/complete-reports.ts'
import type { Answers, Question } from '../types.ts'
import { questionSchema } from './answer-schemas.ts'
import { rowsFor } from './compile.ts'
import { evaluate } from './evaluate.ts'

/**
 * The engine checks the type of every visible answer itself, for every question type (scalars,
 * contacts, attachments, tables with their rows and cells, asked, hidden or no longer expected):
 * whatever the draft schema refuses in a visible question, `evaluate` reports as an error on that
 * question. This is what lets `validateForSubmission` run the draft schema only where the engine
 * does not look (hidden answers and keys the form does not have).
 */
const cases = completeReportOfEveryForm().map(
	({ label, def, ctx, answers }) => [label, def, ctx, answers] as const,
)

const junk = fc.oneof(
	fc.anything(),
	fc.constantFrom(
		null,
		'',
		0,
		-1.5,
		true,
		[],
		{},
		[1],
		{ marker: 'nonsense' },
		{ marker: 'not_applicable', extra: 1 },
		'2023-02-29',
		'2024-13-01',
		2 ** 60,
		{ rows: [] },
		{ rows: [], surplus: 1 },
	),
)

type Mutation = (value: unknown) => unknown

/**
 * Near misses of a real answer: one thing wrong, the rest as a user would send it. `fixedIds`: the
 * rows a fixed table expects, asked or hidden (a row added there is validated, or only
 * type-checked when hidden); a row of another id is one the table no longer expects.
 */
function mutations(question: Question, fixedIds: string[]): fc.Arbitrary<Mutation> {
	const whole = junk.map(
		(replacement): Mutation =>
			() =>
				replacement,
	)
	if (question.type === 'table') {
		const columnIds = question.columns.map((column) => column.id)
		const onRow = (
			change: (row: Record<string, unknown>, extra: unknown) => Record<string, unknown>,
		) =>
			fc.tuple(fc.nat(), junk).map(([index, extra]): Mutation => (value) => {
				const rows = (value as { rows?: Record<string, unknown>[] } | undefined)?.rows
				if (!rows?.length) return { rows: [change({ id: 'r1', cells: {} }, extra)] }
				const at = index % rows.length
				return { rows: rows.map((row, i) => (i === at ? change(row, extra) : row)) }
			})
		const addRow = (ids: fc.Arbitrary<string>) =>
			fc
				.tuple(ids, fc.constantFrom(...columnIds), junk)
				.map(([id, columnId, extra]): Mutation => (value) => {
					const rows = (value as { rows?: Record<string, unknown>[] } | undefined)?.rows ?? []
					const kept = rows.filter((row) => row.id !== id)
					return { rows: [...kept, { id, cells: { [columnId]: extra } }] }
				})
		return fc.oneof(
			whole,
			addRow(fixedIds.length ? fc.constantFrom(...fixedIds) : fc.constant('r-new')),
			addRow(fc.constant('no-such-row')),
			onRow((row, extra) => ({
				...row,
				cells: { ...(row.cells as object), no_such_column: extra },
			})),
			fc.constantFrom(...columnIds).chain((columnId) =>
				onRow((row, extra) => ({
					...row,
					cells: { ...(row.cells as object), [columnId]: extra },
				})),
			),
			onRow((row, extra) => ({ ...row, surplus: extra })),
			onRow((row, extra) => ({ ...row, key: extra })),
			onRow((row, extra) => ({ ...row, id: extra })),
			onRow((row) => ({ ...row, id: '' })),
			onRow((row, extra) => ({ ...row, cells: extra })),
			fc.constant<Mutation>((value) => ({ ...(value as object), surplus: 1 })),
			fc.constant<Mutation>((value) => {
				const rows = (value as { rows?: unknown[] } | undefined)?.rows ?? []
				return { rows: [...rows, ...rows.slice(0, 1)] }
			}),
		)
	}
	if (question.type === 'contact') {
		const fieldIds = question.fields.map((field) => field.id)
		return fc.oneof(
			whole,
			fc
				.tuple(fc.constantFrom(...fieldIds), junk)
				.map(([field, extra]): Mutation => (value) => ({ ...(value as object), [field]: extra })),
			fc.constant<Mutation>((value) => ({ ...(value as object), surplus: 'x' })),
		)
	}
	if (question.type === 'attachment') {
		return fc.oneof(
			whole,
			junk.map((extra): Mutation => () => [{ attachmentId: 'a1', name: extra }]),
			junk.map((extra): Mutation => () => [{ attachmentId: extra, name: 'x.pdf' }]),
			fc.constant<Mutation>(() => [{ attachmentId: 'a1', name: 'x.pdf', surplus: 1 }]),
		)
	}
	return whole
}

describe.each(cases)('%s', (_label, def, ctx, complete) => {
	const questions = def.parts.flatMap((part) =>
		part.sections.flatMap((section) => section.questions),
	)
	const fixedIds = (question: Question) =>
		question.type === 'table' ? rowsFor(def, question, ctx).map((row) => row.key) : []
	it('property: every type error of a visible answer is an engine error on that question', () => {
		fc.assert(
			fc.property(
				fc
					.constantFrom(...questions)
					.chain((question) =>
						fc.tuple(fc.constant(question), mutations(question, fixedIds(question))),
					),
				([question, mutate]) => {
					const value = mutate(complete[question.id])
					const answers = { ...complete, [question.id]: value } as Answers
					// An absent answer is no type error (the draft schema has every question optional).
					const typeError =
						value !== undefined && !questionSchema(question).safeParse(value).success
					const state = evaluate(def, answers, ctx).questions[question.id]!
					if (!typeError || !state.visible) return true
					const engineError = state.issues.some((issue) => issue.severity === 'error')
					if (!engineError)
						throw new Error(
							`${question.id}: the draft schema refuses ${JSON.stringify(value)?.slice(0, 300)} but the engine reports no error`,
						)
					return true
				},
			),
			{ numRuns: 2000 },
		)
	})
	it('the complete report passes both', () => {
		for (const question of questions) {
			if (complete[question.id] === undefined) continue
			expect(questionSchema(question).safeParse(complete[question.id]).success).toBe(true)
		}
	})
})
