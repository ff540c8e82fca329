const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether PostgreSQL's `uuid` type reads `value` (hyphenated, any version). */
export function isUuid(value: string) {
	return UUID.test(value)
}
