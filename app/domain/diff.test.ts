import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withRegisteredCodeLists } from '#forms/codelists/source.ts'
import type { FormContextData } from '#forms/engine/code-lists.ts'
import { miniDefinition } from '#forms/fixtures/mini.ts'
import {
	art15V6Context,
	buildCompleteArt15V5Answers,
	buildCompleteArt15V6Answers,
} from '#forms/fixtures/builders.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import type { Answers, FormContext, FormDefinition, TableAnswer } from '#forms/types.ts'
import {
	defaultBaseline,
	diffAcrossVersions,
	diffAnswers,
	questionIdsChanged,
	summariseDiff,
	withOwnCopiesOfFiles,
	type AnswerDiff,
} from './diff.ts'

/**
 * Golden fixtures in `diff-fixtures/`: each file holds two answer sets and the exact expected
 * diff. After a deliberate change of the diff format, regenerate with
 * `UPDATE_DIFF_FIXTURES=1 npx vitest run app/domain/diff.test.ts` and review every changed
 * `expected` by hand before keeping it.
 */
type Fixture = {
	description: string
	form: string
	fromForm?: string
	context: FormContextData
	before: Answers
	after: Answers
	expected?: AnswerDiff
}

const FIXTURES = new URL('./diff-fixtures/', import.meta.url)
const mini = miniDefinition()

function definition(ref: string): FormDefinition {
	const [formId, version] = ref.split('@') as [string, string]
	if (formId === 'mini') return mini
	return requireFormDefinition(formId, Number(version))
}

function run(fixture: Fixture & { context: FormContext }): AnswerDiff {
	const to = definition(fixture.form)
	if (fixture.fromForm) {
		return diffAcrossVersions(
			definition(fixture.fromForm),
			fixture.before,
			to,
			fixture.after,
			fixture.context,
		)
	}
	return diffAnswers(to, fixture.before, fixture.after, fixture.context)
}

const files = readdirSync(FIXTURES)
	.filter((name) => name.endsWith('.json'))
	.sort()

describe('golden diffs', () => {
	it('has fixtures', () => {
		expect(files.length).toBeGreaterThanOrEqual(6)
	})

	it.each(files)('%s', (name) => {
		const url = new URL(name, FIXTURES)
		const stored = JSON.parse(readFileSync(url, 'utf8')) as Fixture
		const fixture = { ...stored, context: withRegisteredCodeLists(stored.context) }
		const actual = run(fixture)
		if (process.env.UPDATE_DIFF_FIXTURES === '1') {
			writeFileSync(url, `${JSON.stringify({ ...stored, expected: actual }, null, '\t')}\n`)
			return
		}
		expect(fixture.expected, `${name} has no expected diff`).toBeDefined()
		expect(actual).toEqual(fixture.expected)
	})
})

describe('diffAnswers', () => {
	const ctx = art15V6Context('KEN')
	const def = requireFormDefinition('stockholm-art15', 6)
	const complete = buildCompleteArt15V6Answers(ctx)

	it('finds nothing between a report and a copy of itself', () => {
		const copy = structuredClone(complete)
		const diff = diffAnswers(def, complete, copy, ctx)
		expect(diff.questions).toEqual([])
		expect(summariseDiff(diff).questions).toBe(0)
	})

	it('lists every question with includeUnchanged, in definition order', () => {
		const diff = diffAnswers(def, complete, complete, ctx, { includeUnchanged: true })
		const ids = def.parts.flatMap((p) => p.sections.flatMap((s) => s.questions.map((q) => q.id)))
		expect(diff.questions.map((q) => q.questionId)).toEqual(ids)
		expect(new Set(diff.questions.map((q) => q.kind))).toEqual(new Set(['unchanged']))
	})

	it('summarises and lists the changed questions of a modified complete report', () => {
		const modified = structuredClone(complete)
		modified.b6_contaminated_sites_count = 15
		delete modified.b_format_comments
		const statistics = modified.b3_statistics as TableAnswer
		statistics.rows[0]!.cells.import_kg = { marker: 'confidential' }
		statistics.rows[1]!.cells.export_kg = 1
		const partners = modified.b3_import_partners as TableAnswer
		partners.rows.pop()
		partners.rows.push({ id: 'imp-new', cells: { chemical: 'PFOS', quantity_kg: 1 } })

		const diff = diffAnswers(def, complete, modified, ctx)
		expect(questionIdsChanged(diff)).toEqual([
			'b3_statistics',
			'b3_import_partners',
			'b6_contaminated_sites_count',
			'b_format_comments',
		])
		expect(summariseDiff(diff)).toEqual({
			questions: 4,
			added: 0,
			removed: 1,
			changed: 3,
			becameHidden: 0,
			becameVisible: 0,
			rowsAdded: 1,
			rowsRemoved: 1,
			rowsChanged: 2,
			cells: 2 + 2 + 4,
			notCompared: 0,
		})
	})
})

describe('diffAcrossVersions', () => {
	it('compares a complete 5th-cycle report with a complete 6th-cycle one', () => {
		const v5 = requireFormDefinition('stockholm-art15', 5)
		const v6 = requireFormDefinition('stockholm-art15', 6)
		const ctx = art15V6Context('KEN')
		const diff = diffAcrossVersions(
			v5,
			// As submitted: with the date the system set.
			{ ...buildCompleteArt15V5Answers(), a_submission_date: '2022-08-15' },
			v6,
			buildCompleteArt15V6Answers(ctx),
			ctx,
		)
		expect(diff.fromVersion).toBe(5)
		expect(diff.version).toBe(6)
		const notCompared = new Set(diff.notCompared.map((entry) => entry.source.questionId))
		expect(notCompared).toEqual(
			new Set([
				'a_submission_date',
				'b3_statistics',
				'b6_waste_disposed',
				'b12_received',
				'b13_received',
				'c_pcb_plan_2025',
			]),
		)
		const kinds = Object.fromEntries(diff.questions.map((q) => [q.questionId, q.kind]))
		expect(kinds.a_period_from).toBeUndefined()
		expect(kinds.c_pcb_use_ended_2025).toBe('added')
		// Figures of the previous period that a new report only offers for confirmation are compared.
		// (the partner table reads as hidden on the old side: its statistics are of other years).
		expect(kinds.b3_export_partners).toBe('becameVisible')
		expect(kinds.b6_contaminated_sites_count).toBeUndefined()
		expect(kinds.c_pcb_liquids_held_t).toBe('added')
	})
})

describe('defaultBaseline', () => {
	it('prefers the latest returned submission before the current one', () => {
		const submissions = [
			{ number: 1, state: 'returned' },
			{ number: 2, state: 'recalled' },
			{ number: 3, state: 'returned' },
			{ number: 4, state: 'superseded' },
			{ number: 5, state: 'current' },
		]
		expect(defaultBaseline(submissions, 5)).toBe(3)
		expect(defaultBaseline(submissions, 3)).toBe(1)
	})

	it('falls back to the previous submission, and to nothing for the first', () => {
		const submissions = [
			{ number: 1, state: 'recalled' },
			{ number: 2, state: 'current' },
		]
		expect(defaultBaseline(submissions, 2)).toBe(1)
		expect(defaultBaseline(submissions, 1)).toBeUndefined()
	})
})

describe('withOwnCopiesOfFiles', () => {
	const theirs = new Map([
		['old-plan', { fileName: 'plan.pdf', sha256: 'aaa' }],
		['old-law', { fileName: 'law.pdf', sha256: 'bbb' }],
		['old-note', { fileName: 'note.pdf', sha256: 'ccc' }],
	])
	const ours = new Map([
		['new-plan', { fileName: 'plan.pdf', sha256: 'aaa' }],
		// The same name with other bytes: a revised document, not a copy.
		['new-law', { fileName: 'law.pdf', sha256: 'ddd' }],
		// The same bytes under another name: renamed, so not the same file as the reader sees it.
		['new-note', { fileName: 'notes.pdf', sha256: 'ccc' }],
	])
	const previous: Answers = {
		files: [
			{ attachmentId: 'old-plan', name: 'plan.pdf' },
			{ attachmentId: 'old-law', name: 'law.pdf' },
			{ attachmentId: 'old-note', name: 'note.pdf' },
		],
		text: 'unchanged',
	}

	it('points a file at this report’s copy of it, and leaves other files and answers as they were', () => {
		expect(withOwnCopiesOfFiles(previous, theirs, ours)).toEqual({
			files: [
				{ attachmentId: 'new-plan', name: 'plan.pdf' },
				{ attachmentId: 'old-law', name: 'law.pdf' },
				{ attachmentId: 'old-note', name: 'note.pdf' },
			],
			text: 'unchanged',
		})
	})

	it('lets a carried file compare as unchanged and a revised one as changed', () => {
		const def = mini
		const ctx = withRegisteredCodeLists({
			partyCode: 'KEN',
			periodStart: '2022-01-01',
			periodEnd: '2025-12-31',
		})
		const now: Answers = {
			files: [
				{ attachmentId: 'new-plan', name: 'plan.pdf' },
				{ attachmentId: 'new-law', name: 'law.pdf' },
			],
		}
		const before = { files: (previous.files as unknown[]).slice(0, 2) } as Answers
		const onlyPlan = { files: [(now.files as unknown[])[0]] } as Answers
		const samePlan = { files: [(before.files as unknown[])[0]] } as Answers
		expect(
			diffAnswers(def, withOwnCopiesOfFiles(samePlan, theirs, ours), onlyPlan, ctx).questions,
		).toEqual([])
		expect(
			diffAnswers(def, withOwnCopiesOfFiles(before, theirs, ours), now, ctx).questions.map((q) => [
				q.questionId,
				q.kind,
			]),
		).toEqual([['files', 'changed']])
	})
})
