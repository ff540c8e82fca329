import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID } from '../codelists/ids.ts'
import type { CodeListPins } from '../codelists/index.ts'
import type { CodeListFilter, FormContext, Marker, ScalarType } from '../types.ts'
import { isEmail, isIsoDate, isUrl } from './patterns.ts'
import { contextKey, perContext, periodYears } from './rows.ts'
import { isMarked } from './values.ts'
import { YES_NO, YES_NO_STATUS } from '../vocabulary.ts'

/** A structural problem with one value (always an error). */
export interface Problem {
	messageKey: string
	params?: Record<string, string | number>
}

/** Checks a value that is answered (not blank). Returns the first problem found, or null. */
export type ValueCheck = (value: unknown, ctx: FormContext) => Problem | null

const YES_NO_SET = new Set<string>(YES_NO)
const YES_NO_STATUS_SET = new Set<string>(YES_NO_STATUS)

type Checkable = (ScalarType | { type: 'checkbox' }) & { markers?: Marker[] }

const invalidType: Problem = { messageKey: 'invalid_type' }
const invalidOption: Problem = { messageKey: 'invalid_option' }

/**
 * Allowed codes of a choice, from the release of its list the form version pins, as the context's
 * code lists give them: once per source, and per context for lists filtered per Party.
 */
function codeSet(
	listId: string,
	filter: CodeListFilter | undefined,
	pins: CodeListPins,
): (ctx: FormContext) => Set<string> {
	return perContext(
		(ctx) => new Set(ctx.codeLists.codes(listId, filter, ctx, pins)),
		filter?.inForceForParty ? contextKey : () => '',
	)
}

/**
 * Whether a list of codes names one twice. Most lists hold a few codes, compared in place: a `Set`
 * per answered cell was a seventh of the garbage evaluating a busy Basel report left behind.
 */
function hasDuplicate(codes: readonly string[]): boolean {
	if (codes.length > 16) return new Set(codes).size !== codes.length
	for (let i = 1; i < codes.length; i++) if (codes.lastIndexOf(codes[i]!, i - 1) !== -1) return true
	return false
}

function choiceCheck(allowed: (ctx: FormContext) => Set<string>, multiple: boolean): ValueCheck {
	if (multiple) {
		return (value, ctx) => {
			if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
				return invalidType
			const codes = allowed(ctx)
			if (!value.every((item) => codes.has(item))) return invalidOption
			if (hasDuplicate(value)) return { messageKey: 'duplicate_choice' }
			return null
		}
	}
	return (value, ctx) => {
		if (typeof value !== 'string') return invalidType
		return allowed(ctx).has(value) ? null : invalidOption
	}
}

function numberCheck(
	integer: boolean,
	min: number | undefined,
	max: number | undefined,
): ValueCheck {
	return (value) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) return invalidType
		if (integer && !Number.isInteger(value)) return { messageKey: 'not_integer' }
		// Beyond 2^53 an integer is no longer exact (nor one the draft schema accepts).
		if (integer && !Number.isSafeInteger(value)) return invalidType
		if (min !== undefined && value < min) return { messageKey: 'below_min', params: { min } }
		if (max !== undefined && value > max) return { messageKey: 'above_max', params: { max } }
		return null
	}
}

function textCheck(
	maxLength: number | undefined,
	valid?: (value: string) => boolean,
	messageKey?: string,
): ValueCheck {
	return (value) => {
		if (typeof value !== 'string') return invalidType
		if (maxLength !== undefined && value.length > maxLength)
			return { messageKey: 'too_long', params: { maxLength } }
		if (valid && !valid(value)) return { messageKey: messageKey ?? 'invalid_format' }
		return null
	}
}

function typeCheck(item: Checkable, pins: CodeListPins): ValueCheck {
	switch (item.type) {
		case 'yes_no':
			return choiceCheck(() => YES_NO_SET, false)
		case 'yes_no_status':
			return choiceCheck(() => YES_NO_STATUS_SET, false)
		case 'single_choice':
		case 'multiple_choice': {
			const allowed =
				'options' in item && item.options
					? (() => {
							const codes = new Set(item.options)
							return () => codes
						})()
					: codeSet(
							(item as { codeList: string }).codeList,
							(item as { filter?: CodeListFilter }).filter,
							pins,
						)
			return choiceCheck(allowed, item.type === 'multiple_choice')
		}
		case 'country':
			return choiceCheck(codeSet(COUNTRY_LIST_ID, undefined, pins), item.multiple === true)
		case 'chemical':
			return choiceCheck(codeSet(CHEMICAL_LIST_ID, item.filter, pins), item.multiple === true)
		case 'text':
		case 'long_text':
			return textCheck(item.maxLength)
		case 'email':
			return textCheck(320, isEmail, 'invalid_email')
		case 'url':
			return textCheck(2000, isUrl, 'invalid_url')
		case 'integer':
			return numberCheck(true, item.min, item.max)
		case 'decimal':
			return numberCheck(false, item.min, item.max)
		case 'year': {
			const bounds = numberCheck(true, item.min, item.max)
			if (!item.withinPeriod) return bounds
			return (value, ctx) => {
				const problem = bounds(value, ctx)
				if (problem) return problem
				const years = periodYears(ctx)
				const start = years[0] ?? 0
				const end = years[years.length - 1] ?? 0
				if ((value as number) < start || (value as number) > end) {
					return { messageKey: 'outside_period', params: { start, end } }
				}
				return null
			}
		}
		case 'date': {
			const { min, max } = item
			return (value) => {
				if (typeof value !== 'string') return invalidType
				if (!isIsoDate(value)) return { messageKey: 'invalid_date' }
				if (min !== undefined && value < min) return { messageKey: 'below_min', params: { min } }
				if (max !== undefined && value > max) return { messageKey: 'above_max', params: { max } }
				return null
			}
		}
		case 'checkbox':
			return (value) => (typeof value === 'boolean' ? null : invalidType)
	}
}

/**
 * Compiles the structural check of a scalar item: markers (only those the item allows), then the
 * type, options (from the code-list releases `pins` name) and hard bounds.
 */
export function compileValueCheck(item: Checkable, pins: CodeListPins): ValueCheck {
	const check = typeCheck(item, pins)
	const markers = new Set(item.markers ?? [])
	return (value, ctx) => {
		if (isMarked(value)) {
			return markers.has(value.marker)
				? null
				: { messageKey: 'marker_not_allowed', params: { marker: value.marker } }
		}
		return check(value, ctx)
	}
}
