import { describe, expect, it } from 'vitest'
import {
	art15V6Context,
	buildCompleteArt15V5Answers,
	buildCompleteArt15V6Answers,
} from '#forms/fixtures/builders.ts'
import { migrateAnswers } from '#forms/migrations/index.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import { describeCarryOver } from './carry-over.ts'
import { registeredCodeLists } from '#forms/codelists/source.ts'

const v5 = requireFormDefinition('stockholm-art15', 5)
const v6 = requireFormDefinition('stockholm-art15', 6)

function carryOver(
	from: typeof v5,
	answers: ReturnType<typeof buildCompleteArt15V5Answers>,
	lang: Language = 'en',
) {
	const ctx = art15V6Context('KEN')
	const { report } = migrateAnswers(from, v6, answers, ctx)
	return describeCarryOver(
		report,
		{ definition: from, text: formText(from, lang) },
		{ definition: v6, text: formText(v6, lang) },
	)
}

describe('carry-over page: figures of the previous period', () => {
	const items = carryOver(v5, buildCompleteArt15V5Answers())
	const item = (questionId: string) => items.find((i) => i.questionId === questionId)

	it('lists them apart, to confirm, with the previous figures named by their row', () => {
		expect(item('b4_exemptions')).toMatchObject({
			group: 'to_confirm',
			lines: expect.arrayContaining([
				{
					subject: 'cells',
					outcome: 'to_confirm',
					count: 2,
					column: 'Actual quantity produced or used (kg per year)',
					previous: [
						'Perfluorooctane sulfonic acid (PFOS), its salts and perfluorooctane sulfonyl fluoride (PFOSF): 320',
						'Decabromodiphenyl ether (commercial mixture, c-decaBDE): Confidential',
					],
					reason: { code: 'period_bound' },
				},
			]),
		})
		expect(item('b6_contaminated_sites_count')).toEqual({
			questionId: 'b6_contaminated_sites_count',
			label: 'Number of contaminated sites identified',
			group: 'to_confirm',
			lines: [
				{
					subject: 'answer',
					outcome: 'to_confirm',
					previous: ['14'],
					reason: { code: 'period_bound' },
				},
			],
		})
		const equipment = item('c_pcb_equipment_table')!
		expect(equipment.group).toBe('to_confirm')
		expect(equipment.lines.find((line) => line.column === 'Still in use (tonnes)')).toMatchObject({
			count: 3,
			previous: [
				'More than 10 % PCB and more than 5 litres: 0',
				'0.05 % to 10 % PCB and more than 5 litres: 0',
				'0.005 % to 0.05 % PCB and more than 0.05 litres: 0',
			],
		})
	})

	it('counts the rows of a whole table offered', () => {
		expect(item('b3_import_partners')).toMatchObject({
			group: 'to_confirm',
			lines: [{ subject: 'answer', outcome: 'to_confirm', count: 10 }],
		})
	})

	it('words the previous answers in the reader’s language', () => {
		const french = carryOver(v5, buildCompleteArt15V5Answers(), 'fr')
		expect(
			french
				.find((i) => i.questionId === 'b6_stockpiles')!
				.lines.find((l) => l.outcome === 'to_confirm'),
		).toMatchObject({
			previous: [
				'DDT (1,1,1-trichloro-2,2-bis(4-chlorophényl)éthane): 12\u202f500',
				'Polychlorobiphényles (PCB): 40\u202f000',
			],
		})
	})

	it('a new cycle on the same version offers the activity of each chemical again', () => {
		const ctx = {
			partyCode: 'KEN',
			periodStart: '2026-01-01',
			periodEnd: '2029-12-31',
			codeLists: registeredCodeLists,
		}
		const { report } = migrateAnswers(
			v6,
			v6,
			buildCompleteArt15V6Answers(art15V6Context('KEN')),
			ctx,
		)
		const described = describeCarryOver(
			report,
			{ definition: v6, text: formText(v6, 'en') },
			{ definition: v6, text: formText(v6, 'en') },
		)
		const activity = described.find((i) => i.questionId === 'b3_statistics_activity')!
		expect(activity.group).toBe('to_confirm')
		expect(activity.lines[0]).toMatchObject({ subject: 'cells', outcome: 'to_confirm' })
		expect(activity.lines[0]!.previous).toContain(
			'Perfluorooctane sulfonic acid (PFOS), its salts and perfluorooctane sulfonyl fluoride (PFOSF): Yes',
		)
	})
})
