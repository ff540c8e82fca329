import { describe, expect, it } from 'vitest'
import { breakOpportunities, canCutBefore } from './line-breaking.ts'

/** The text split where a line may start. */
function pieces(text: string): string[] {
	const chars = Array.from(text)
	const breaks = breakOpportunities(chars.map((char) => char.codePointAt(0)!))
	const result: string[] = []
	chars.forEach((char, index) => {
		if (index === 0 || breaks[index]) result.push(char)
		else result[result.length - 1] += char
	})
	return result
}

describe('breakOpportunities', () => {
	it('breaks after spaces, keeping the spaces at the end of the line', () => {
		expect(pieces('125 kg of DDT')).toEqual(['125 ', 'kg ', 'of ', 'DDT'])
	})

	it('breaks between ideographs but not before closing or after opening punctuation', () => {
		expect(pieces('生产了（滴滴涕），符合。')).toEqual([
			'生',
			'产',
			'了',
			'（滴',
			'滴',
			'涕），',
			'符',
			'合。',
		])
	})

	it('keeps CAS numbers and other hyphenated digits whole but may break long chemical names', () => {
		expect(pieces('CAS 1763-23-1')).toEqual(['CAS ', '1763-23-1'])
		expect(pieces('1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane')).toEqual([
			'1,1,1-',
			'trichloro-2,2-',
			'bis(4-',
			'chlorophenyl)ethane',
		])
	})

	it('never starts a line with closing punctuation or ends one with an opening quote, spaces or not', () => {
		expect(pieces('« texte » ici !')).toEqual(['« texte » ', 'ici !'])
	})

	it('breaks Arabic at spaces only', () => {
		expect(pieces('تم إنتاج 125 كغ')).toEqual(['تم ', 'إنتاج ', '125 ', 'كغ'])
	})
})

describe('canCutBefore', () => {
	it('does not separate a combining mark or a joiner from its base', () => {
		const codePoints = Array.from('e\u0301b\u200Dc').map((char) => char.codePointAt(0)!)
		expect(codePoints.map((_, index) => canCutBefore(codePoints, index))).toEqual([
			false,
			false,
			true,
			false,
			false,
		])
	})
})
