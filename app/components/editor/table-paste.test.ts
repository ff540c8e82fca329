import { describe, expect, it } from 'vitest'
import type { TableColumn } from '#forms/types.ts'
import { parsePastedCell, parseTsv } from './table-paste.ts'

const countries = [
	{ code: 'KEN', label: 'Kenya' },
	{ code: 'CIV', label: "Côte d'Ivoire", keywords: ['Ivory Coast'] },
]

describe('pasting from a spreadsheet', () => {
	it('splits tab-separated rows, with quoted cells', () => {
		expect(parseTsv('a\tb\n1\t2\n')).toEqual([
			['a', 'b'],
			['1', '2'],
		])
		expect(parseTsv('"x\ty"\tz\r\n"multi\nline"\t3')).toEqual([
			['x\ty', 'z'],
			['multi\nline', '3'],
		])
	})

	it('reads numbers with local separators and refuses text in number cells', () => {
		const decimal = { id: 'q', type: 'decimal' } as TableColumn
		expect(parsePastedCell('1 234,5', decimal, [])).toBe(1234.5)
		expect(parsePastedCell('1,234.5', decimal, [])).toBe(1234.5)
		expect(parsePastedCell('0', decimal, [])).toBe(0)
		expect(parsePastedCell('', decimal, [])).toBeNull()
		expect(parsePastedCell('twelve', decimal, [])).toBe('invalid')
		expect(parsePastedCell('2.5', { id: 'y', type: 'integer' } as TableColumn, [])).toBe('invalid')
	})

	it('matches codes and labels, ignoring case and accents', () => {
		const country = { id: 'c', type: 'country' } as TableColumn
		expect(parsePastedCell('ken', country, countries)).toBe('KEN')
		expect(parsePastedCell("cote d'ivoire", country, countries)).toBe('CIV')
		expect(parsePastedCell('Atlantis', country, countries)).toBe('invalid')
		// Other names the pickers know are understood too; a part of a name is not.
		expect(parsePastedCell('Ivory Coast', country, countries)).toBe('CIV')
		expect(parsePastedCell('Ken', country, countries)).toBe('KEN')
		expect(parsePastedCell('Keny', country, countries)).toBe('invalid')
	})

	it('reads yes/no flags in several languages', () => {
		const flag = { id: 'f', type: 'checkbox' } as TableColumn
		expect(parsePastedCell('x', flag, [])).toBe(true)
		expect(parsePastedCell('oui', flag, [])).toBe(true)
		expect(parsePastedCell('', flag, [])).toBeNull()
		expect(parsePastedCell('maybe', flag, [])).toBe('invalid')
	})
})
