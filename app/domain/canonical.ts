/**
 * Canonical JSON: object keys sorted at every level, no whitespace, `undefined` members dropped.
 * Two equal answer sets always serialise to the same string, so their SHA-256 is a stable
 * fingerprint of a submission.
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

export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (a === undefined || b === undefined || a === null || b === null) return a == b
	return canonicalJson(a) === canonicalJson(b)
}
