import { describe, expect, it } from 'vitest'
import { filterCodeList } from '../codelists/index.ts'
import { evaluate } from '../engine/evaluate.ts'
import {
	art15V5Context,
	art15V6Context,
	buildCompleteArt15V6Answers,
} from '../fixtures/builders.ts'
import { formText } from '../text.ts'
import type {
	Answers,
	CellValue,
	FormDefinition,
	Issue,
	Question,
	TableAnswer,
	TableRow,
} from '../types.ts'
import { ART15_V5 } from './v5.ts'
import { ART15_V6 } from './v6.ts'

/**
 * What the 6th-cycle form asks differently from the published 5th (issue #13), on a complete,
 * valid report: each test changes one thing and checks what the Party sees and is told.
 */

const ctx = art15V6Context('KEN')

function questionOf(def: FormDefinition, id: string): Question {
	const found = def.parts
		.flatMap((part) => part.sections)
		.flatMap((section) => section.questions)
		.find((question) => question.id === id)
	if (!found) throw new Error(`no question ${id}`)
	return found
}

function complete(): Answers {
	return buildCompleteArt15V6Answers(ctx)
}

function rowsOf(answers: Answers, tableId: string): TableRow[] {
	return (answers[tableId] as TableAnswer).rows
}

function issuesOf(answers: Answers, questionId: string): Issue[] {
	return evaluate(ART15_V6, answers, ctx).issues.filter((issue) => issue.questionId === questionId)
}

function setCells(answers: Answers, tableId: string, cells: Record<string, CellValue>, row = 0) {
	Object.assign(rowsOf(answers, tableId)[row]!.cells, cells)
}

describe('Article 4: acceptable purposes only for Annex B chemicals', () => {
	it('asks the kind of registration for DDT and PFOS, never for an Annex A chemical', () => {
		const answers = complete()
		answers.b4_exemptions = {
			rows: [
				{ id: 'a', cells: { chemical: 'PFOS', kind: 'acceptable_purpose' } },
				{ id: 'b', cells: { chemical: 'DECABDE', kind: 'acceptable_purpose' } },
				{ id: 'c', cells: { chemical: 'DDT' } },
			],
		}
		const cells = evaluate(ART15_V6, answers, ctx).cells.b4_exemptions!
		expect(cells.a!.kind).toEqual({ visible: true, required: true })
		expect(cells.b!.kind).toEqual({ visible: false, required: false })
		expect(cells.c!.kind).toEqual({ visible: true, required: true })
		// An Annex A registration is a specific exemption: its expiry date is asked.
		expect(cells.a!.expiry_date!.visible).toBe(false)
		expect(cells.b!.expiry_date).toEqual({ visible: true, required: true })
		const missing = issuesOf(answers, 'b4_exemptions').filter((i) => i.messageKey === 'required')
		expect(missing.filter((i) => i.columnId === 'kind').map((i) => i.rowId)).toEqual(['c'])
		expect(missing.some((i) => i.rowId === 'b' && i.columnId === 'expiry_date')).toBe(true)
	})

	it('the published 5th-cycle form is unchanged: it still asks the kind for every chemical', () => {
		const answers: Answers = {
			b4_registered: 'yes',
			b4_exemptions: { rows: [{ id: 'b', cells: { chemical: 'DECABDE' } }] },
		}
		const evaluation = evaluate(ART15_V5, answers, art15V5Context())
		expect(evaluation.cells.b4_exemptions?.b?.kind).toBeUndefined()
		expect(evaluation.questions.b4_exemptions!.issues).toContainEqual(
			expect.objectContaining({ rowId: 'b', columnId: 'kind', messageKey: 'required' }),
		)
	})
})

describe('Article 5: releases of every unintentional POP, TEQ scheme and total row', () => {
	it('offers the other Annex C chemicals without PCDD and PCDF (the 5th cycle offered them)', () => {
		const filterOf = (def: FormDefinition) => {
			const question = questionOf(def, 'b5_other_upops')
			return question.type === 'chemical' ? question.filter : undefined
		}
		const codes = (def: FormDefinition) =>
			filterCodeList('sc-chemicals', filterOf(def), ctx).map((entry) => entry.code)
		expect(codes(ART15_V6)).toEqual(['HCB', 'HCBD', 'PECB', 'PCB', 'PCN'])
		expect(codes(ART15_V5)).toEqual(expect.arrayContaining(['PCDD', 'PCDF']))
		const answers = { ...complete(), b5_other_upops: ['HCB', 'PCDD'] }
		expect(issuesOf(answers, 'b5_other_upops')).toMatchObject([{ messageKey: 'invalid_option' }])
	})

	it('asks release figures for each other chemical the inventory covers, and only those', () => {
		const answers = complete()
		const evaluation = evaluate(ART15_V6, answers, ctx)
		expect(evaluation.hiddenRows.b5_other_upop_releases).toEqual(['HCBD', 'PECB', 'PCN'])
		delete rowsOf(answers, 'b5_other_upop_releases').find((row) => row.id === 'HCB')!.cells.air
		expect(issuesOf(answers, 'b5_other_upop_releases')).toMatchObject([
			{ rowId: 'HCB', columnId: 'air', messageKey: 'required' },
		])
		expect(
			evaluate(ART15_V6, { ...answers, b5_other_upops: [] }, ctx).questions.b5_other_upop_releases!
				.visible,
		).toBe(false)
	})

	it('asks which toxic equivalents the PCDD/PCDF figures are in', () => {
		const answers = complete()
		delete answers.b5_teq_scheme
		expect(issuesOf(answers, 'b5_teq_scheme')).toMatchObject([{ messageKey: 'required' }])
		answers.b5_teq_scheme = 'other'
		expect(issuesOf(answers, 'b5_teq_scheme_other')).toMatchObject([{ messageKey: 'required' }])
		expect(formText(ART15_V6, 'en').option('b5_teq_scheme', 'annex_c_who_1998')).toMatch(
			/Annex C, Part IV/,
		)
	})

	it('warns when the source groups add up to more than the total row', () => {
		const answers = complete()
		setCells(answers, 'b5_releases_total', { air: 100 })
		expect(issuesOf(answers, 'b5_releases')).toEqual([
			{
				questionId: 'b5_releases',
				columnId: 'air',
				severity: 'warning',
				messageKey: 'releases_exceed_total',
				ruleId: 'releases_air_within_total',
				params: { group: '', total: 145, reference: 100 },
			},
		])
	})

	it('warns when they add up to less, but only once every source group is known', () => {
		const answers = complete()
		setCells(answers, 'b5_releases_total', { water: 7 })
		expect(issuesOf(answers, 'b5_releases')).toMatchObject([
			{ ruleId: 'releases_water_add_up_to_total', params: { total: 5, reference: 7 } },
		])
		// A source group not available explains the difference.
		setCells(answers, 'b5_releases', { water: { marker: 'not_available' } }, 2)
		expect(issuesOf(answers, 'b5_releases')).toEqual([])
		// A source group still blank: the total cannot be judged yet.
		delete rowsOf(answers, 'b5_releases')[2]!.cells.water
		expect(issuesOf(answers, 'b5_releases').filter((i) => i.ruleId)).toEqual([])
	})
})

describe('Part C: PCB equipment and liquids', () => {
	it('says the tonnes are the weight of the equipment, and asks PCB liquids apart', () => {
		const en = formText(ART15_V6, 'en')
		expect(en.label('c_pcb_equipment_table.in_use_t')).toBe('Equipment still in use (tonnes)')
		expect(en.help('c_pcb_equipment_table')).toMatch(
			/weight of the equipment, including the liquid/,
		)
		expect(formText(ART15_V6, 'fr').label('c_pcb_equipment_table')).toMatch(/^Appareils/)
		// The 5th cycle keeps its published wording.
		expect(formText(ART15_V5, 'en').label('c_pcb_equipment_table.in_use_t')).toBe(
			'Still in use (tonnes)',
		)
		const answers = complete()
		delete answers.c_pcb_liquids_held_t
		expect(issuesOf(answers, 'c_pcb_liquids_held_t')).toMatchObject([{ messageKey: 'required' }])
		expect(() => questionOf(ART15_V5, 'c_pcb_liquids_held_t')).toThrow()
	})
})

describe('official numbering and French wording', () => {
	it('shows the part and section numbering the Secretariat confirms beside the article', () => {
		const en = formText(ART15_V6, 'en')
		expect(en.section('b_art4')).toMatch(/^Part B, Section III — Article 4/)
		expect(en.section('b_art5')).toMatch(/^Part B, Section IV — Article 5/)
		expect(en.section('b_art6')).toMatch(/^Part B, Section V — Article 6/)
		expect(en.section('c_pcb_strategies')).toMatch(/^Part C, Section I — Article 6/)
		expect(formText(ART15_V6, 'fr').section('b_art4')).toMatch(/^Partie B, section III — Article 4/)
	})

	it('uses the Convention’s French terms', () => {
		const fr = formText(ART15_V6, 'fr')
		expect(fr.option('sc-chemicals', 'PCDD')).toBe('Dibenzo-p-dioxines polychlorées (PCDD)')
		expect(fr.option('sc-chemicals', 'PCDF')).toBe('Dibenzofuranes polychlorés (PCDF)')
		expect(fr.option('b5_inventory_method', 'unep_toolkit')).toMatch(/^Outil standardisé/)
		expect(fr.label('b16_gmp_participation')).toMatch(/plan mondial de surveillance/)
		expect(fr.option('b13_resources', 'none')).toBe('Ni l’une ni l’autre')
		expect(fr.option('b12_assistance', 'none')).toBe('Ni l’une ni l’autre')
		expect(fr.help('b_art3_measures')).toMatch(/dont l’inscription est en vigueur/)
	})
})
