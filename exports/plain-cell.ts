/** What a spreadsheet cell written from data may hold: text, a number, a boolean, or nothing. */
export type PlainCell = string | number | boolean | null

/**
 * A value from stored data as a plain cell, checked at run time. Spreadsheet writers read an
 * object as a formula, a link or rich text (exceljs: `{ formula }`, `{ hyperlink }`), so no object
 * from the data reaches one, whatever the data holds: it is written as its JSON text.
 */
export function plainCell(value: unknown): PlainCell {
	if (value === null || value === undefined) return null
	if (typeof value === 'string' || typeof value === 'boolean') return value
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
	return JSON.stringify(value) ?? String(value)
}
