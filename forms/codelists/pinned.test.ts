import { describe, expect, it, vi } from 'vitest'
import { evaluate } from '../engine/evaluate.ts'
import { rowsFor } from '../engine/compile.ts'
import type { FormContext, FormDefinition } from '../types.ts'
import { CHEMICALS, codeListFor, COUNTRIES, filterCodeList } from './index.ts'
import { registeredCodeLists } from './source.ts'

// Releases held by frozen versions: an older chemicals list (ALDRIN as today, CHLORDANE then in
// Annex B, a code since withdrawn, nothing else) and two older releases of the countries.
vi.mock('../published/code-list-releases.json', () => {
	const release = (version: string, entries: Record<string, unknown>[]) => ({
		version,
		date: '1999-01-01',
		entries,
	})
	return {
		default: {
			'sc-chemicals': {
				'1999.1': release('1999.1', [
					{ code: 'ALDRIN', annexes: ['A'], art15Statistics: true },
					{ code: 'CHLORDANE', annexes: ['B'], art15Statistics: true },
					{ code: 'WITHDRAWN', annexes: ['A'], art15Statistics: true },
				]),
			},
			// Two older releases of the countries: one the current list still covers, one with a
			// code the current list does not have.
			countries: {
				covered: release('covered', [{ code: 'KEN' }, { code: 'IND' }]),
				withdrawn: release('withdrawn', [{ code: 'KEN' }, { code: 'YUG' }]),
			},
		},
	}
})

const ctx: FormContext = {
	partyCode: 'KEN',
	periodStart: '2022-01-01',
	periodEnd: '2022-12-31',
	codeLists: registeredCodeLists,
}

function formPinning(release: string): FormDefinition {
	return {
		schemaVersion: 1,
		formId: 'pins',
		version: 1,
		convention: 'stockholm',
		reportingPeriod: { startYear: 2022, endYear: 2022, rule: 'One year (test fixture).' },
		deadline: '2023-06-30',
		languages: ['en'],
		codeLists: { 'sc-chemicals': release },
		parts: [
			{
				id: 'p',
				sections: [
					{
						id: 's',
						questions: [
							{ id: 'main_chemical', type: 'chemical' },
							{
								id: 'annex_a',
								type: 'table',
								rows: {
									kind: 'fixed',
									dimensions: [
										{
											column: 'chemical',
											codeList: 'sc-chemicals',
											filter: { where: { annexes: 'A' } },
										},
									],
								},
								columns: [
									{ id: 'chemical', type: 'chemical', readOnly: true },
									{ id: 'tonnes', type: 'decimal', unit: 't' },
								],
							},
						],
					},
				],
			},
		],
		rules: [],
	}
}

describe('a form version keeps the code-list release it pins', () => {
	const older = formPinning('1999.1')
	const current = formPinning(CHEMICALS.version)

	it('fixed rows come from the pinned release, current ones from the current list', () => {
		expect(rowsFor(older, 'annex_a', ctx).map((row) => row.id)).toEqual(['ALDRIN', 'WITHDRAWN'])
		const today = rowsFor(current, 'annex_a', ctx).map((row) => row.id)
		expect(today).toContain('CHLORDANE')
		expect(today).not.toContain('WITHDRAWN')
	})

	it('choices are checked against the pinned release', () => {
		const invalid = (def: FormDefinition, code: string) =>
			evaluate(def, { main_chemical: code }, ctx).issues.some(
				(issue) => issue.questionId === 'main_chemical' && issue.messageKey === 'invalid_option',
			)
		expect(invalid(older, 'WITHDRAWN')).toBe(false)
		expect(invalid(older, 'DECABDE')).toBe(true)
		expect(invalid(current, 'DECABDE')).toBe(false)
		expect(invalid(current, 'WITHDRAWN')).toBe(true)
	})

	it('archived entries take their labels from the current list', () => {
		const release = codeListFor('sc-chemicals', older.codeLists)!
		expect(release.version).toBe('1999.1')
		expect(release.entries.find((entry) => entry.code === 'ALDRIN')!.labels).toEqual(
			CHEMICALS.entries.find((entry) => entry.code === 'ALDRIN')!.labels,
		)
		expect(release.entries.find((entry) => entry.code === 'WITHDRAWN')!.labels).toEqual({
			en: 'WITHDRAWN',
		})
		expect(
			filterCodeList('sc-chemicals', { where: { annexes: 'B' } }, undefined, older.codeLists),
		).toHaveLength(1)
	})

	it('the countries: the current list while it has every pinned code, else the pinned release', () => {
		expect(codeListFor('countries', { countries: 'covered' })).toBe(COUNTRIES)
		const withdrawn = codeListFor('countries', { countries: 'withdrawn' })!
		expect(withdrawn.version).toBe('withdrawn')
		expect(withdrawn.entries.map((entry) => entry.code)).toEqual(['KEN', 'YUG'])
	})

	it('a pin to a release no frozen version holds reads the current list', () => {
		expect(codeListFor('sc-chemicals', { 'sc-chemicals': 'unknown' })).toBe(CHEMICALS)
		expect(codeListFor('sc-chemicals')).toBe(CHEMICALS)
	})
})
