import { canonicalJson } from '#forms/canonical.ts'

/** Deep equality of plain data, by canonical JSON (`undefined` members ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (a === undefined || b === undefined || a === null || b === null) return a == b
	return canonicalJson(a) === canonicalJson(b)
}
