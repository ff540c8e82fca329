import { describe, expect, it } from 'vitest'
import { art15V6Context, buildCompleteArt15V6Answers } from '../fixtures/builders.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { TableAnswer } from '../types.ts'
import { askedAnswers } from './asked.ts'

describe('askedAnswers', () => {
	const ctx = art15V6Context('KEN')

	it('leaves out hidden questions and the rows not asked, and keeps the rest as stored', () => {
		const answers = buildCompleteArt15V6Answers(ctx)
		answers.c_pcb_remaining_in_use_t = 12 // hidden: the PCB use has ended
		const stored = (answers.b3_statistics as TableAnswer).rows
		stored.push({ id: 'PFHXS|2022', key: 'PFHXS|2022', cells: { import_kg: 3 } })

		const asked = askedAnswers(ART15_V6, answers, ctx)
		expect(asked).not.toHaveProperty('c_pcb_remaining_in_use_t')
		const rows = (asked.b3_statistics as TableAnswer).rows
		expect(new Set(rows.map((row) => String(row.cells.chemical)))).toEqual(
			new Set(['PFOS', 'DECABDE', 'SCCP', 'PFOA', 'DDT']),
		)
		expect(rows.map((row) => row.id)).not.toContain('PFHXS|2022')
		expect(rows).toEqual(stored.filter((row) => rows.includes(row)))
		expect(asked.a_nfp_contact).toBe(answers.a_nfp_contact)
		// The stored answers are untouched.
		expect((answers.b3_statistics as TableAnswer).rows).toBe(stored)
	})
})
