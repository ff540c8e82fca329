import { createHash } from 'node:crypto'
import type { Language } from '#forms/types.ts'

export const TEMPLATE_FORMAT = 'chemrep-excel-template'
export const TEMPLATE_FORMAT_VERSION = 1
/** The very hidden sheet that identifies a template and maps questions to cells. */
export const TEMPLATE_SHEET = '_template'
export const LISTS_SHEET = 'Lists'

export type TemplateMode = 'blank' | 'prefilled'

/** Which report a template was made for, so an upload can be matched to it. */
export interface TemplateIdentity {
	formId: string
	formVersion: number
	reportId: string
	partyCode: string
	lang: Language
	/** `blank`: empty cells leave answers as they are; `prefilled`: an emptied cell clears the answer. */
	mode: TemplateMode
	/** Report revision the prefilled answers were read at. */
	revision: number
	generatedAt: string
}

/**
 * Where an answer sits. `ref` is the question id, `questionId.fieldId` for a contact field, or
 * `questionId.*` for the marker that stands for a whole contact block. Table sheets hold a header
 * row (row id, then the column ids in `columns`) and rows below it; `markerCell` holds a marker
 * for the whole table.
 */
export type LayoutEntry =
	| { kind: 'scalar'; ref: string; sheet: string; row: number }
	| {
			kind: 'table'
			questionId: string
			sheet: string
			headerRow: number
			markerCell: string
			columns: string[]
	  }

export interface TemplateLayout {
	identity: TemplateIdentity
	entries: LayoutEntry[]
}

/** Integrity check of the identity and layout (detects a hand-edited or foreign metadata sheet). */
export function layoutChecksum(layout: TemplateLayout): string {
	return createHash('sha256')
		.update(TEMPLATE_FORMAT)
		.update('\n')
		.update(JSON.stringify([layout.identity, layout.entries]))
		.digest('hex')
}

/** The rows of the metadata sheet, first cell a key. */
export function layoutRows(layout: TemplateLayout): (string | number)[][] {
	const { identity } = layout
	return [
		['format', TEMPLATE_FORMAT],
		['formatVersion', TEMPLATE_FORMAT_VERSION],
		['formId', identity.formId],
		['formVersion', identity.formVersion],
		['reportId', identity.reportId],
		['partyCode', identity.partyCode],
		['lang', identity.lang],
		['mode', identity.mode],
		['revision', identity.revision],
		['generatedAt', identity.generatedAt],
		...layout.entries.map((entry) =>
			entry.kind === 'scalar'
				? ['scalar', entry.ref, entry.sheet, entry.row]
				: [
						'table',
						entry.questionId,
						entry.sheet,
						entry.headerRow,
						entry.markerCell,
						entry.columns.join(','),
					],
		),
		['checksum', layoutChecksum(layout)],
	]
}

export type ReadLayout =
	{ ok: true; layout: TemplateLayout } | { ok: false; reason: 'notTemplate' | 'templateModified' }

/** Reads the metadata sheet's rows back (see `layoutRows`). */
export function readLayoutRows(rows: unknown[][]): ReadLayout {
	const values = new Map<string, unknown>()
	const entries: LayoutEntry[] = []
	let checksum: unknown
	for (const row of rows) {
		const [key, ...rest] = row
		if (key === 'scalar') {
			entries.push({
				kind: 'scalar',
				ref: String(rest[0]),
				sheet: String(rest[1]),
				row: Number(rest[2]),
			})
		} else if (key === 'table') {
			entries.push({
				kind: 'table',
				questionId: String(rest[0]),
				sheet: String(rest[1]),
				headerRow: Number(rest[2]),
				markerCell: rest[3] === null || rest[3] === undefined ? '' : String(rest[3]),
				columns: String(rest[4] ?? '').split(','),
			})
		} else if (key === 'checksum') checksum = rest[0]
		else if (typeof key === 'string') values.set(key, rest[0])
	}
	if (values.get('format') !== TEMPLATE_FORMAT) return { ok: false, reason: 'notTemplate' }
	if (Number(values.get('formatVersion')) !== TEMPLATE_FORMAT_VERSION) {
		return { ok: false, reason: 'notTemplate' }
	}
	const mode = values.get('mode')
	const identity: TemplateIdentity = {
		formId: String(values.get('formId') ?? ''),
		formVersion: Number(values.get('formVersion')),
		reportId: String(values.get('reportId') ?? ''),
		partyCode: String(values.get('partyCode') ?? ''),
		lang: String(values.get('lang') ?? 'en') as Language,
		mode: mode === 'blank' ? 'blank' : 'prefilled',
		revision: Number(values.get('revision')),
		generatedAt: String(values.get('generatedAt') ?? ''),
	}
	const layout = { identity, entries }
	if (mode !== 'blank' && mode !== 'prefilled') return { ok: false, reason: 'templateModified' }
	if (checksum !== layoutChecksum(layout)) return { ok: false, reason: 'templateModified' }
	return { ok: true, layout }
}
