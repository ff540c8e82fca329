import { isAnswered, isMarked } from '../engine/values.ts'
import type { MergeStrategy, ValueTransform } from './types.ts'

export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; reason: string }

const fail = (reason: string): Outcome<never> => ({ ok: false, reason })

/** Applies a value transform; markers pass through unchanged. */
export function applyTransform(value: unknown, transform: ValueTransform): Outcome {
	if (isMarked(value)) return { ok: true, value }
	if ('chain' in transform) {
		let current: Outcome = { ok: true, value }
		for (const step of transform.chain) {
			if (!current.ok) return current
			current = applyTransform(current.value, step)
		}
		return current
	}
	if ('map' in transform) {
		const mapOne = (code: unknown): Outcome => {
			if (typeof code !== 'string') return fail('not a code')
			if (!(code in transform.map)) return { ok: true, value: code }
			const mapped = transform.map[code]
			return mapped === null || mapped === undefined
				? fail(transform.reason ?? `code "${code}" has no equivalent in the target version`)
				: { ok: true, value: mapped }
		}
		if (!Array.isArray(value)) return mapOne(value)
		const mapped: unknown[] = []
		for (const code of value) {
			const result = mapOne(code)
			if (!result.ok) return result
			if (!mapped.includes(result.value)) mapped.push(result.value)
		}
		return { ok: true, value: mapped }
	}
	if ('multiply' in transform) {
		return typeof value === 'number'
			? { ok: true, value: value * transform.multiply }
			: fail('not a number')
	}
	if ('add' in transform) {
		return typeof value === 'number'
			? { ok: true, value: value + transform.add }
			: fail('not a number')
	}
	if ('toList' in transform) {
		if (Array.isArray(value)) return { ok: true, value }
		return typeof value === 'string' ? { ok: true, value: [value] } : fail('not a code')
	}
	if ('first' in transform) {
		if (!Array.isArray(value)) return { ok: true, value }
		if (value.length === 1) return { ok: true, value: value[0] }
		return fail(
			value.length === 0 ? 'no value to take' : 'several values where the target takes one',
		)
	}
	if ('field' in transform) {
		if (typeof value !== 'object' || value === null || Array.isArray(value))
			return fail('not a contact block')
		const field = (value as Record<string, unknown>)[transform.field]
		return typeof field === 'string' && field !== ''
			? { ok: true, value: field }
			: fail(`field "${transform.field}" is empty`)
	}
	if ('remove' in transform) {
		return Array.isArray(value)
			? { ok: true, value: value.filter((code) => !transform.remove.includes(String(code))) }
			: fail('not a list')
	}
	if ('includes' in transform) {
		return Array.isArray(value)
			? { ok: true, value: value.includes(transform.includes) ? transform.then : transform.else }
			: fail('not a list')
	}
	return typeof value === 'number' || typeof value === 'string'
		? { ok: true, value: String(value) }
		: fail('not a number or code')
}

/** Combines several answered source values into one. */
export function combine(
	values: { source: string; value: unknown }[],
	strategy: MergeStrategy,
): Outcome {
	const answered = values.filter((entry) => isAnswered(entry.value))
	if (answered.length === 0) return fail('nothing to merge')
	if ('firstAnswered' in strategy) return { ok: true, value: answered[0]!.value }
	if ('join' in strategy) {
		const texts = answered.map((entry) => entry.value)
		if (!texts.every((text) => typeof text === 'string')) return fail('only texts can be joined')
		return { ok: true, value: (texts as string[]).join(strategy.join) }
	}
	if ('sum' in strategy) {
		const numbers = answered
			.map((entry) => entry.value)
			.filter((item): item is number => typeof item === 'number')
		if (numbers.length === 0)
			return answered.length === 1
				? { ok: true, value: answered[0]!.value }
				: fail('no numbers to add')
		if (numbers.length !== answered.length)
			return fail('some values are markers; their sum is unknown')
		return { ok: true, value: numbers.reduce((total, item) => total + item, 0) }
	}
	if ('union' in strategy) {
		const union: unknown[] = []
		for (const { value } of answered) {
			for (const item of Array.isArray(value) ? value : [value])
				if (!union.includes(item)) union.push(item)
		}
		return union.every((item) => typeof item === 'string')
			? { ok: true, value: union }
			: fail('only codes can be combined')
	}
	const block: Record<string, string> = {}
	for (const { source, value } of answered) {
		const field = strategy.contact[source]
		if (!field) continue
		if (typeof value !== 'string') return fail(`"${source}" is not text`)
		block[field] = value
	}
	return { ok: true, value: block }
}
