/**
 * Values for jsonb columns are written as JSON text. The `pg` driver would turn a JS array into a
 * PostgreSQL array literal, so every jsonb write goes through here on both drivers.
 */
export function jsonb(value: unknown): string {
	return JSON.stringify(value)
}
