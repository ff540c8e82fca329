import type { DepositaryRecord } from './applicability.ts'

const keys = new WeakMap<DepositaryRecord, string>()

/**
 * A short key identifying the record's content, for caches keyed by the form context: a hash of
 * its entries, so equal records share caches even when loaded twice.
 */
export function depositaryRecordKey(record: DepositaryRecord): string {
	let key = keys.get(record)
	if (key === undefined) {
		const text = JSON.stringify(record.events)
		let hash = 0x811c9dc5
		for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
		key = `${record.version}.${record.events.length}.${(hash >>> 0).toString(36)}`
		keys.set(record, key)
	}
	return key
}
