import type { CellValue as ExcelValue } from 'exceljs'
import {
	CHEMICAL_LIST_ID,
	COUNTRY_LIST_ID,
	filterCodeList,
	type CodeListPins,
} from '#forms/codelists/index.ts'
import { YES_NO, YES_NO_STATUS } from '#forms/vocabulary.ts'
import { isMarked } from '#forms/engine/values.ts'
import { getCommonTexts, type FormText } from '#forms/text.ts'
import {
	MARKERS,
	type CellValue,
	type FormContext,
	type Marker,
	type ScalarQuestion,
	type TableColumn,
} from '#forms/types.ts'
import { plainCell, type PlainCell } from '../plain-cell.ts'

/** A scalar question or a table column: what one spreadsheet cell holds. */
export type CellItem = ScalarQuestion | TableColumn

/** Why a cell could not be read. Codes are i18n keys under `exports:import.problems`. */
export type CellProblemCode =
	| 'wrongType'
	| 'invalidNumber'
	| 'notInteger'
	| 'invalidDate'
	| 'invalidBoolean'
	| 'unknownCode'
	| 'markerNotAllowed'

export type DecodeResult =
	| { kind: 'empty' }
	| { kind: 'value'; value: CellValue }
	| { kind: 'problem'; code: CellProblemCode; params?: Record<string, string> }

/** Several choices in one cell are separated by semicolons (or line breaks). */
export const CHOICE_SEPARATOR = '; '

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const FREE_TEXT = new Set<string>(['text', 'long_text', 'email', 'url'])

function normalise(text: string): string {
	return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Text of a cell as a user sees it (rich text joined, hyperlinks by their text). */
export function cellText(value: ExcelValue): string | undefined {
	if (value === null || value === undefined) return undefined
	if (typeof value === 'string') return value
	if (typeof value === 'object' && 'richText' in value) {
		return value.richText.map((run) => run.text).join('')
	}
	if (typeof value === 'object' && 'text' in value && typeof value.text === 'string')
		return value.text
	return undefined
}

/** True when the cell holds a formula (or a shared formula, or its cached result). */
export function isFormulaValue(value: ExcelValue): boolean {
	return (
		typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
	)
}

/**
 * Converts answers to spreadsheet cells and back, one item type at a time, so a template filled
 * with a report's answers reads back to exactly those answers. Choices are written as their
 * labels in the template's language (codes are accepted too), markers as bracketed labels
 * (`[Information not available]`), dates as `YYYY-MM-DD` text, flags as the yes/no labels.
 */
export class CellCodec {
	private readonly lookups = new Map<string, Map<string, string>>()
	private readonly markerLookup = new Map<string, Marker>()

	constructor(
		readonly text: FormText,
		readonly formContext: FormContext,
		/** The definition's `codeLists`: choices come from the releases the form version pins. */
		readonly pins: CodeListPins,
	) {
		const english = getCommonTexts('en')?.options.markers ?? {}
		for (const marker of MARKERS) {
			for (const label of [text.marker(marker), english[marker], marker]) {
				if (!label) continue
				this.markerLookup.set(normalise(`[${label}]`), marker)
				this.markerLookup.set(normalise(label), marker)
			}
		}
	}

	markerLabel(marker: Marker): string {
		return `[${this.text.marker(marker)}]`
	}

	/** The codes an item accepts, in list order (undefined: not a choice). */
	optionCodes(item: CellItem): string[] | undefined {
		switch (item.type) {
			case 'yes_no':
				return [...YES_NO]
			case 'yes_no_status':
				return [...YES_NO_STATUS]
			case 'single_choice':
			case 'multiple_choice':
				if ('options' in item && item.options) return item.options
				if ('codeList' in item) {
					return filterCodeList(item.codeList, item.filter, this.formContext, this.pins).map(
						(entry) => entry.code,
					)
				}
				return []
			case 'country':
				return filterCodeList(COUNTRY_LIST_ID, undefined, undefined, this.pins).map(
					(entry) => entry.code,
				)
			case 'chemical':
				return filterCodeList(CHEMICAL_LIST_ID, item.filter, this.formContext, this.pins).map(
					(entry) => entry.code,
				)
			default:
				return undefined
		}
	}

	isMultiple(item: CellItem): boolean {
		return (
			item.type === 'multiple_choice' ||
			((item.type === 'country' || item.type === 'chemical') && item.multiple === true)
		)
	}

	/** Labels a drop-down offers: the options, then the markers the item accepts. */
	dropDown(item: CellItem, key: string): string[] | undefined {
		const markers = (item.markers ?? []).map((marker) => this.markerLabel(marker))
		if (item.type === 'checkbox') {
			return [this.text.option('checkbox', 'true'), this.text.option('checkbox', 'false')]
		}
		if (this.isMultiple(item)) return undefined
		const codes = this.optionCodes(item)
		if (!codes) return undefined
		return [...codes.map((code) => this.text.option(key, code)), ...markers]
	}

	/** The cell written for a value: text, a number or empty; never a formula, link or rich text. */
	encode(item: CellItem, key: string, value: CellValue | undefined): PlainCell {
		if (value === undefined || value === null || value === '') return null
		if (isMarked(value)) return this.markerLabel(value.marker)
		if (typeof value === 'number') return value
		if (typeof value === 'boolean') return this.text.option('checkbox', String(value))
		if (Array.isArray(value)) {
			return value.map((code) => this.text.option(key, code)).join(CHOICE_SEPARATOR)
		}
		if (this.optionCodes(item)) return this.text.option(key, String(value))
		return plainCell(value)
	}

	decode(item: CellItem, key: string, raw: ExcelValue): DecodeResult {
		if (raw instanceof Date) return this.decodeDate(item, raw)
		if (typeof raw === 'object' && raw !== null && 'error' in raw) {
			return { kind: 'problem', code: 'wrongType', params: { value: String(raw.error) } }
		}
		const asText = typeof raw === 'number' || typeof raw === 'boolean' ? undefined : cellText(raw)
		if (raw === null || raw === undefined || (asText !== undefined && asText.trim() === '')) {
			return { kind: 'empty' }
		}
		if (asText === undefined && typeof raw !== 'number' && typeof raw !== 'boolean') {
			return { kind: 'problem', code: 'wrongType', params: { value: '' } }
		}
		const trimmed = asText?.trim()
		if (trimmed !== undefined) {
			const marker = this.markerLookup.get(normalise(trimmed))
			const isOption = this.lookup(item, key)?.has(normalise(trimmed)) ?? false
			if (marker && !isOption) {
				if ((item.markers ?? []).includes(marker)) return { kind: 'value', value: { marker } }
				// Free text may legitimately read like a marker ("Confidential").
				if (!FREE_TEXT.has(item.type)) {
					return { kind: 'problem', code: 'markerNotAllowed', params: { value: trimmed } }
				}
			}
		}
		switch (item.type) {
			case 'integer':
			case 'year':
			case 'decimal': {
				const number = typeof raw === 'number' ? raw : parseNumber(trimmed)
				if (number === undefined) {
					return {
						kind: 'problem',
						code: 'invalidNumber',
						params: { value: trimmed ?? String(raw) },
					}
				}
				if (item.type !== 'decimal' && !Number.isInteger(number)) {
					return { kind: 'problem', code: 'notInteger', params: { value: String(number) } }
				}
				return { kind: 'value', value: number }
			}
			case 'checkbox': {
				if (typeof raw === 'boolean') return { kind: 'value', value: raw }
				const flag = this.decodeFlag(trimmed ?? String(raw))
				return flag === undefined
					? { kind: 'problem', code: 'invalidBoolean', params: { value: trimmed ?? String(raw) } }
					: { kind: 'value', value: flag }
			}
			case 'date': {
				if (trimmed !== undefined && ISO_DATE.test(trimmed))
					return { kind: 'value', value: trimmed }
				return { kind: 'problem', code: 'invalidDate', params: { value: trimmed ?? String(raw) } }
			}
			default:
				break
		}
		const textValue = trimmed ?? String(raw)
		const lookup = this.lookup(item, key)
		if (!lookup) return { kind: 'value', value: textValue }
		if (this.isMultiple(item)) {
			const codes = splitChoices(textValue, lookup)
			if (!Array.isArray(codes))
				return { kind: 'problem', code: 'unknownCode', params: { value: codes.unknown } }
			return codes.length === 0 ? { kind: 'empty' } : { kind: 'value', value: codes }
		}
		const code = lookup.get(normalise(textValue))
		return code
			? { kind: 'value', value: code }
			: { kind: 'problem', code: 'unknownCode', params: { value: textValue } }
	}

	private decodeDate(item: CellItem, date: Date): DecodeResult {
		const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
		if (!iso) return { kind: 'problem', code: 'invalidDate', params: { value: String(date) } }
		if (item.type === 'date' || item.type === 'text' || item.type === 'long_text') {
			return { kind: 'value', value: iso }
		}
		return { kind: 'problem', code: 'wrongType', params: { value: iso } }
	}

	private decodeFlag(text: string): boolean | undefined {
		const value = normalise(text)
		const yes = [this.text.option('checkbox', 'true'), 'true', 'yes', '1'].map(normalise)
		const no = [this.text.option('checkbox', 'false'), 'false', 'no', '0'].map(normalise)
		if (yes.includes(value)) return true
		if (no.includes(value)) return false
		return undefined
	}

	/** Label or code (normalised) → code, for choice items. */
	private lookup(item: CellItem, key: string): Map<string, string> | undefined {
		const codes = this.optionCodes(item)
		if (!codes) return undefined
		const cacheKey = `${key}|${item.type}`
		let lookup = this.lookups.get(cacheKey)
		if (!lookup) {
			lookup = new Map()
			for (const code of codes) lookup.set(normalise(code), code)
			// Labels win over codes that happen to read the same.
			for (const code of codes) lookup.set(normalise(this.text.option(key, code)), code)
			this.lookups.set(cacheKey, lookup)
		}
		return lookup
	}
}

/**
 * The codes of a multiple-choice cell: labels separated by `;` or new lines. A label may itself
 * contain a `;` (Basel Y29 "Mercury; mercury compounds"), so the longest run of pieces that reads
 * as one label wins.
 */
function splitChoices(text: string, lookup: Map<string, string>): string[] | { unknown: string } {
	// Pieces at odd indexes are the separators, kept to rebuild a label that contains one.
	const pieces = text.split(/([;\n])/)
	// At most as many separators as the label that has most (a cell of many `;` stays linear).
	let most = 0
	for (const label of lookup.keys()) most = Math.max(most, label.split(/[;\n]/).length - 1)
	const codes: string[] = []
	for (let start = 0; start < pieces.length; start += 2) {
		if (!pieces[start]!.trim()) continue
		let end = Math.min(pieces.length - 1, start + 2 * most)
		while (end > start && !lookup.has(normalise(pieces.slice(start, end + 1).join('')))) end -= 2
		const code = lookup.get(normalise(pieces.slice(start, end + 1).join('')))
		if (!code) return { unknown: pieces[start]!.trim() }
		codes.push(code)
		start = end
	}
	return codes
}

function parseNumber(text: string | undefined): number | undefined {
	if (text === undefined) return undefined
	const compact = text.replace(/[\s\u00a0\u202f\u2009]/g, '')
	if (!NUMBER.test(compact)) return undefined
	const number = Number(compact)
	return Number.isFinite(number) ? number : undefined
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
	let letters = ''
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
	}
	return letters
}
