import { describe, expect, it } from 'vitest'
import {
	answerText,
	cellText,
	printedValue,
	valueText,
	type AnswerTextOptions,
} from './answer-text.ts'
import { miniDefinition } from './fixtures/mini.ts'
import { formatNumber } from './locale-format.ts'
import commonFr from './i18n/fr.json' with { type: 'json' }
import { formTextFrom } from './text-core.ts'
import type { FormTexts } from './text-core.ts'
import type { Question } from './types.ts'

const definition = miniDefinition()
const question = (id: string): Question =>
	definition.parts
		.flatMap((part) => part.sections)
		.flatMap((section) => section.questions)
		.find((candidate) => candidate.id === id)!

const texts: FormTexts = {
	questions: {
		activities: { options: { a: 'Production', b: 'Use, including stockpiles' } },
		stats: { columns: { export_kg: { label: 'Export (kg)' }, estimate: { label: 'Estimate' } } },
		partners: {
			columns: {
				quantity_kg: { label: 'Quantity (kg)' },
				purpose: { label: 'Purpose', options: { use: 'Use' } },
			},
		},
	},
}
const en = formTextFrom(definition, 'en', { en: texts })
const fr = formTextFrom(definition, 'fr', { en: texts }, { common: commonFr })
const oneLine: AnswerTextOptions = {
	empty: '',
	bracketMarkers: true,
	oneLine: { rowCount: (count) => `${count} row(s)` },
}

describe('printedValue: a scalar answer or cell as printed, with its kind', () => {
	it('keeps markers, zeros and blanks apart for documents', () => {
		const count = question('count')
		expect(printedValue(count, 'count', { marker: 'not_available' }, en)).toEqual({
			text: 'Information not available',
			kind: 'marker',
		})
		expect(printedValue(count, 'count', 0, en)).toEqual({ text: '0', kind: 'zero' })
		expect(printedValue(count, 'count', 12, en)).toEqual({ text: '12', kind: 'number' })
		for (const blank of [undefined, null, '', []])
			expect(printedValue(count, 'count', blank, en)).toEqual({ text: '', kind: 'empty' })
	})

	it('groups numbers the reader’s way with Latin digits, and prints years as typed', () => {
		expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5')
		expect(formatNumber(1234567.5, 'fr')).toBe('1\u202f234\u202f567,5')
		expect(formatNumber(1234567, 'ar')).toBe(new Intl.NumberFormat('ar-u-nu-latn').format(1234567))
		expect(formatNumber(1234567, 'ar')).toMatch(/^[0-9]/)
		expect(valueText(question('amount'), 'amount', 2500.25, fr)).toBe('2\u202f500,25')
		expect(valueText(question('year'), 'year', 2024, fr)).toBe('2024')
	})

	it('words option codes, yes/no and check boxes in the reader’s language', () => {
		expect(valueText(question('has_plan'), 'has_plan', 'yes', en)).toBe('Yes')
		expect(valueText(question('has_plan'), 'has_plan', 'no', fr)).toBe('Non')
		expect(valueText(question('activities'), 'activities', ['a', 'b'], en)).toBe(
			'Production; Use, including stockpiles',
		)
		expect(valueText(question('activities'), 'activities', ['none'], en)).toBe('none')
		expect(cellText(question('stats'), 'estimate', true, en)).toBe('Yes')
		expect(valueText(question('note'), 'note', 'yes', en)).toBe('yes')
	})
})

describe('valueText and cellText: options', () => {
	it('shows a dash for no value unless told otherwise, and brackets markers on request', () => {
		const count = question('count')
		expect(valueText(count, 'count', undefined, en)).toBe('—')
		expect(valueText(count, 'count', undefined, en, { empty: '' })).toBe('')
		expect(valueText(count, 'count', { marker: 'confidential' }, en)).toBe('Confidential')
		expect(
			valueText(count, 'count', { marker: 'confidential' }, en, { bracketMarkers: true }),
		).toBe('[Confidential]')
	})

	it('finds a cell’s column by id, and prints a column no longer defined as text', () => {
		expect(cellText(question('partners'), 'purpose', 'use', en)).toBe('Use')
		expect(cellText(question('partners'), 'quantity_kg', 1500, fr)).toBe('1\u202f500')
		expect(cellText(question('partners'), 'removed_column', 'x', en)).toBe('x')
	})
})

describe('answerText: any answer', () => {
	const partners = {
		rows: [
			{ id: 'r1', cells: { quantity_kg: 1500, purpose: 'use' } },
			{ id: 'r2', cells: { quantity_kg: { marker: 'confidential' }, purpose: null } },
		],
	}

	it('writes a table row by row, its empty cells left out, or as a row count on one line', () => {
		expect(answerText(question('partners'), partners, en)).toBe(
			'Quantity (kg): 1,500; Purpose: Use\nQuantity (kg): Confidential',
		)
		expect(answerText(question('partners'), partners, en, oneLine)).toBe('2 row(s)')
		expect(answerText(question('partners'), { rows: [] }, en)).toBe('—')
		expect(answerText(question('partners'), { rows: [] }, en, oneLine)).toBe('0 row(s)')
	})

	it('writes a contact block field by field, empty fields left out', () => {
		const contact = { name: 'A. Person', email: 'a@example.org', phone: '' }
		expect(answerText(question('contact'), contact, en)).toBe(
			'Name: A. Person\nE-mail: a@example.org',
		)
		expect(answerText(question('contact'), contact, en, oneLine)).toBe(
			'Name: A. Person; E-mail: a@example.org',
		)
		expect(answerText(question('contact'), { name: '' }, en)).toBe('—')
	})

	it('names attachments by file name', () => {
		const files = [
			{ attachmentId: 'f1', name: 'plan.pdf' },
			{ attachmentId: 'f2', name: 'annex.xlsx' },
		]
		expect(answerText(question('files'), files, en)).toBe('plan.pdf; annex.xlsx')
		expect(answerText(question('files'), [], en, oneLine)).toBe('')
	})

	it('words markers and scalars like valueText, empty answers with the given text', () => {
		expect(answerText(question('partners'), { marker: 'not_applicable' }, en, oneLine)).toBe(
			'[Not applicable]',
		)
		expect(answerText(question('contact'), { marker: 'not_available' }, fr)).toBe(
			commonFr.options.markers.not_available,
		)
		expect(answerText(question('activities'), ['b'], en)).toBe('Use, including stockpiles')
		expect(answerText(question('count'), null, en)).toBe('—')
		expect(answerText(question('count'), undefined, en, oneLine)).toBe('')
	})
})
