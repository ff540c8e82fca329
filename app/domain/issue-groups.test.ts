import { describe, expect, it } from 'vitest'
import { evaluate, initialAnswers } from '#forms/engine/index.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { ART15_V6 } from '#forms/stockholm-art15/v6.ts'
import { formText } from '#forms/text.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
import { groupIssues } from './issue-groups.ts'

const ctx = art15V6Context('KEN')
const text = formText(ART15_V6, 'en')
const rowLabel = (n: number) => `Row ${n}`

function groups(answers: Answers) {
	const evaluation = evaluate(ART15_V6, answers, ctx)
	return groupIssues(ART15_V6, answers, evaluation, evaluation.issues, text, rowLabel)
}

function row(answers: Answers, table: string, id: string) {
	return (answers[table] as TableAnswer).rows.find((candidate) => candidate.id === id)!
}

describe('groupIssues', () => {
	it('gives each question still to answer one group that names every missing cell', () => {
		const answers = initialAnswers(ART15_V6, ctx)
		for (const r of (answers.b3_statistics_activity as TableAnswer).rows) r.cells.activity = 'no'
		row(answers, 'b3_statistics_activity', 'PFHXS').cells.activity = 'yes'
		const statistics = groups(answers).find((group) => group.questionId === 'b3_statistics')!
		expect(statistics).toMatchObject({ kind: 'missing', sectionId: 'b_art15_statistics' })
		expect(statistics.locations).toHaveLength(9)
		expect(statistics.locations[0]).toMatchObject({
			label: `${text.option('sc-chemicals', 'PFHXS')} · 2023 › Production (kg)`,
			anchor: 'q-b3_statistics-PFHXS_2023-production_kg',
		})
		// Every group has a distinct id; one group per question still to answer.
		const all = groups(answers)
		expect(new Set(all.map((group) => group.id)).size).toBe(all.length)
		const evaluation = evaluate(ART15_V6, answers, ctx)
		expect(all.filter((group) => group.kind === 'missing')).toHaveLength(evaluation.overall.missing)
	})

	it('groups identical problems of one column, naming the open rows by number and partner', () => {
		const answers = buildCompleteArt15V6Answers(ctx)
		row(answers, 'b3_export_partners', 'exp-002').cells.quantity_kg = -1
		row(answers, 'b3_export_partners', 'exp-004').cells.quantity_kg = -2
		const negative = groups(answers).filter((group) => group.questionId === 'b3_export_partners')
		expect(negative).toHaveLength(1)
		expect(negative[0]).toMatchObject({ kind: 'error', target: 'quantity_kg' })
		const describe = (id: string) => {
			const cells = row(answers, 'b3_export_partners', id).cells
			return `${text.option('sc-chemicals', String(cells.chemical))}, ${text.option('countries', String(cells.importing_country))}`
		}
		expect(negative[0]!.locations.map((location) => location.label)).toEqual([
			`Row 2 (${describe('exp-002')}) › Quantity (kg)`,
			`Row 4 (${describe('exp-004')}) › Quantity (kg)`,
		])
	})

	it('keeps each issue’s own message where it differs within a group', () => {
		const answers = buildCompleteArt15V6Answers(ctx)
		row(answers, 'b3_statistics', 'DDT|2023').cells.production_kg = 200_000_000
		row(answers, 'b3_statistics', 'DDT|2024').cells.production_kg = 300_000_000
		const [group] = groups(answers).filter((g) => g.kind === 'warning')
		expect(group!.locations).toHaveLength(2)
		expect(group!.locations[0]!.detail).toBeUndefined()
		expect(group!.locations[1]!.detail).toContain('300')
	})
})
