/**
 * Canonical JSON: object keys sorted at every level (by UTF-16 code units), no whitespace,
 * `undefined` members dropped, strings and numbers written as `JSON.stringify` writes them. For
 * the plain data this project hashes (no non-finite numbers) it is the JSON Canonicalization
 * Scheme of RFC 8785. Two equal values always serialise to the same string, so its SHA-256 is a
 * stable fingerprint: of a submission (answers) and of a frozen form version (`forms/frozen.ts`).
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}
