import { describe, expect, it } from 'vitest'
import { filterCodeList, getCodeList } from '../codelists/index.ts'
import { annexIIICodes, type AnnexIIIEntry } from '../codelists/rotterdam.ts'
import { getConcept } from '../concepts.ts'
import { evaluate } from '../engine/evaluate.ts'
import { isCasNumber } from '../engine/patterns.ts'
import { buildCompleteRotterdamAnswers, rotterdamContext } from '../fixtures/rotterdam.ts'
import { formVersionIdentity, getFormDefinition, getFormTexts } from '../registry.ts'
import { formText } from '../text.ts'
import type { Answers, CellValue, FormContext, Issue, Question, TableAnswer } from '../types.ts'
import { ROTTERDAM_REPORT_V1 } from './v1.ts'

/** The Rotterdam Convention report (issue #14), on a complete, valid report. */

const ctx = rotterdamContext('KEN', 2025)

function issuesOf(answers: Answers, questionId: string, context: FormContext = ctx): Issue[] {
	return evaluate(ROTTERDAM_REPORT_V1, answers, context).issues.filter(
		(issue) => issue.questionId === questionId,
	)
}

function setCells(answers: Answers, tableId: string, cells: Record<string, CellValue>, row = 0) {
	Object.assign((answers[tableId] as TableAnswer).rows[row]!.cells, cells)
}

function questions(): Question[] {
	return ROTTERDAM_REPORT_V1.parts.flatMap((part) =>
		part.sections.flatMap((section) => section.questions),
	)
}

const annexIII = (code: string) =>
	getCodeList('rotterdam-annex-iii')!.entries.find((entry) => entry.code === code) as
		AnnexIIIEntry | undefined

describe('Annex III code list', () => {
	it('is dated, versioned and says what is reconstructed', () => {
		const list = getCodeList('rotterdam-annex-iii')!
		expect(list).toMatchObject({ version: '2025.1', date: '2025-05-09' })
		expect(list.source).toMatch(/^RECONSTRUCTED/)
		expect(ROTTERDAM_REPORT_V1.codeLists['rotterdam-annex-iii']).toBe(list.version)
	})

	it('holds known entries with their CAS numbers, category and listing', () => {
		expect(annexIII('DDT')).toMatchObject({
			cas: ['50-29-3'],
			category: ['pesticide'],
			hsCodes: ['2903.92'],
			listedAt: 'Convention',
		})
		expect(annexIII('PARATHION')).toMatchObject({ cas: ['56-38-2'], listedAt: 'RC-1' })
		expect(annexIII('CROCIDOLITE')).toMatchObject({
			cas: ['12001-28-4'],
			category: ['industrial'],
			hsCodes: ['2524.10'],
		})
		expect(annexIII('CARBOFURAN')).toMatchObject({ cas: ['1563-66-2'], listedAt: 'RC-8' })
		expect(annexIII('TERBUFOS')).toMatchObject({ cas: ['13071-79-9'], listedYear: 2023 })
		expect(annexIII('CARBOSULFAN')).toMatchObject({ cas: ['55285-14-8'], listedAt: 'RC-12' })
		expect(annexIII('FENTHION_ULV')).toMatchObject({ cas: ['55-38-9'], category: ['shpf'] })
		expect(annexIII('TBT')?.category).toEqual(['pesticide', 'industrial'])
		expect(annexIII('MERCURY_COMPOUNDS')?.cas).toEqual([])
		// A listing meeting no source read confirms says so; RC-1/3 and RC-8 are confirmed.
		expect(annexIII('TERBUFOS')?.listingReconstructed).toBe(true)
		expect(annexIII('CARBOFURAN')?.listingReconstructed).toBeUndefined()
	})

	it('every CAS number has a valid check digit and every entry a French label', () => {
		for (const entry of getCodeList('rotterdam-annex-iii')!.entries as AnnexIIIEntry[]) {
			for (const cas of entry.cas) expect(isCasNumber(cas), `${entry.code} ${cas}`).toBe(true)
			for (const hs of entry.hsCodes) expect(hs, entry.code).toMatch(/^\d{4}\.\d{2}$/)
			expect(entry.labels.fr, entry.code).toBeTruthy()
		}
	})

	it('filters by category, the tributyltin compounds being in two', () => {
		const shpf = filterCodeList('rotterdam-annex-iii', { where: { category: 'shpf' } })
		expect(shpf.map((entry) => entry.code).sort()).toEqual([
			'BENOMYL_CARBOFURAN_THIRAM_DP',
			'FENTHION_ULV',
			'METHYL_PARATHION_SHPF',
			'PHOSPHAMIDON_SHPF',
		])
		expect(annexIIICodes('industrial')).toContain('TBT')
		expect(annexIIICodes('pesticide')).toContain('TBT')
	})
})

describe('Rotterdam report: definition', () => {
	it('is a draft Rotterdam form served from its frozen file', () => {
		expect(formVersionIdentity('rotterdam-report', 1)?.status).toBe('draft')
		expect(getFormDefinition('rotterdam-report', 1)).toMatchObject({
			convention: 'rotterdam',
			reportingPeriod: { startYear: 2025, endYear: 2025 },
		})
	})

	it('every question names a known concept, contacts as DNA and official contact point', () => {
		for (const question of questions()) {
			expect(question.concept, question.id).toBeDefined()
			expect(getConcept(question.concept!), question.id).toBeDefined()
		}
		const concept = (id: string) => questions().find((question) => question.id === id)?.concept
		expect(concept('a_dna')).toBe('CONTACT.DNA')
		expect(concept('a_ocp')).toBe('CONTACT.OCP')
		expect(concept('b_import_responses')).toBe('TRADE.IMPORT.CHEM')
		expect(concept('d_export_notifications_sent')).toBe('TRADE.EXPORT.CHEM')
		expect(concept('e_legal_measures')).toBe('LEG.MEASURE')
	})

	it('offers the Annex III chemicals in the import responses, and says the French is a draft', () => {
		expect(getFormTexts('rotterdam-report', 'fr')?.translation?.status).toBe('draft')
		const fr = formText(ROTTERDAM_REPORT_V1, 'fr')
		expect(fr.option('rotterdam-annex-iii', 'HCB')).toBe('Hexachlorobenzène')
		expect(formText(ROTTERDAM_REPORT_V1, 'en').option('rotterdam-annex-iii', 'EDC')).toBe(
			'Ethylene dichloride',
		)
	})
})

describe('Rotterdam report: a complete report', () => {
	it('validates with no errors and no warnings', () => {
		const evaluation = evaluate(ROTTERDAM_REPORT_V1, buildCompleteRotterdamAnswers(ctx), ctx)
		expect(evaluation.issues).toEqual([])
		expect(evaluation.overall).toMatchObject({ canSubmit: true, missing: 0, completeness: 1 })
	})

	it('asks for a second DNA only when the first covers one kind of chemical', () => {
		const answers = { ...buildCompleteRotterdamAnswers(ctx), a_dna_scope: 'all' }
		const evaluation = evaluate(ROTTERDAM_REPORT_V1, answers, ctx)
		expect(evaluation.questions.a_second_dna!.visible).toBe(false)
		expect(evaluation.issues).toEqual([])
	})

	it('opens each table only when the event happened in the year', () => {
		const answers: Answers = { ...buildCompleteRotterdamAnswers(ctx), d_notifications_sent: 'no' }
		delete answers.d_export_notifications_sent
		const evaluation = evaluate(ROTTERDAM_REPORT_V1, answers, ctx)
		expect(evaluation.questions.d_export_notifications_sent!.visible).toBe(false)
		expect(evaluation.issues).toEqual([])
		expect(
			issuesOf({ ...answers, d_notifications_sent: 'yes' }, 'd_export_notifications_sent'),
		).toMatchObject([{ messageKey: 'required' }])
	})
})

describe('Rotterdam report: table rows', () => {
	it('a consent with conditions needs its conditions; a refusal should name its measure', () => {
		const answers = buildCompleteRotterdamAnswers(ctx)
		delete (answers.b_import_responses as TableAnswer).rows[1]!.cells.conditions
		expect(issuesOf(answers, 'b_import_responses')).toMatchObject([
			{ rowId: 'ir-002', columnId: 'conditions', messageKey: 'required' },
		])
		const refused = buildCompleteRotterdamAnswers(ctx)
		delete (refused.b_import_responses as TableAnswer).rows[0]!.cells.legal_measure
		expect(issuesOf(refused, 'b_import_responses')).toMatchObject([
			{
				rowId: 'ir-001',
				columnId: 'legal_measure',
				severity: 'warning',
				messageKey: 'import_response_measure_expected',
			},
		])
	})

	it('rejects a chemical that is not in Annex III', () => {
		const answers = buildCompleteRotterdamAnswers(ctx)
		setCells(answers, 'b_import_responses', { chemical: 'ACETOCHLOR' })
		expect(issuesOf(answers, 'b_import_responses')).toMatchObject([
			{ rowId: 'ir-001', columnId: 'chemical', severity: 'error' },
		])
	})

	it('checks the CAS number of a notification', () => {
		const answers = buildCompleteRotterdamAnswers(ctx)
		setCells(answers, 'c_regulatory_actions', { cas: '1910-42-6' })
		expect(issuesOf(answers, 'c_regulatory_actions')).toMatchObject([
			{ columnId: 'cas', severity: 'error', ruleId: 'c_regulatory_actions_cas_valid' },
		])
	})

	it('the importing country is another country, and a quantity needs its unit', () => {
		const answers = buildCompleteRotterdamAnswers(ctx)
		setCells(answers, 'd_export_notifications_sent', { importing_party: 'KEN' })
		delete (answers.d_export_notifications_sent as TableAnswer).rows[0]!.cells.unit
		expect(
			issuesOf(answers, 'd_export_notifications_sent').map((issue) => [
				issue.columnId,
				issue.messageKey,
			]),
		).toEqual(
			expect.arrayContaining([
				['importing_party', 'partner_is_reporting_party'],
				['unit', 'required'],
			]),
		)
		setCells(answers, 'd_export_notifications_sent', {
			importing_party: 'UGA',
			quantity: { marker: 'confidential' },
		})
		expect(issuesOf(answers, 'd_export_notifications_sent')).toEqual([])
	})

	it('an acknowledgement cannot precede the notification it acknowledges', () => {
		const answers = buildCompleteRotterdamAnswers(ctx)
		setCells(answers, 'd_export_notifications_received', { acknowledged_on: '2025-01-15' })
		expect(issuesOf(answers, 'd_export_notifications_received')).toMatchObject([
			{ columnId: 'acknowledged_on', messageKey: 'acknowledged_before_received' },
		])
		setCells(answers, 'd_export_notifications_received', { acknowledged: 'no' })
		expect(issuesOf(answers, 'd_export_notifications_received')).toEqual([])
	})

	it('"no difficulties" cannot be ticked with a difficulty', () => {
		const answers = {
			...buildCompleteRotterdamAnswers(ctx),
			e_challenges: ['none', 'coordination'],
		}
		expect(issuesOf(answers, 'e_challenges')).toMatchObject([
			{ messageKey: 'none_with_other_difficulties', severity: 'error' },
		])
		const none = { ...buildCompleteRotterdamAnswers(ctx), e_challenges: ['none'] }
		delete (none as Answers).e_challenges_details
		expect(evaluate(ROTTERDAM_REPORT_V1, none, ctx).issues).toEqual([])
	})
})
