import type { PatternId } from '../types.ts'

/**
 * CAS registry number: 2–7 digits, 2 digits, 1 check digit, where the check digit is the sum of
 * the other digits weighted 1, 2, 3… from the right, modulo 10.
 */
export function isCasNumber(value: string): boolean {
	const match = /^(\d{2,7})-(\d{2})-(\d)$/.exec(value)
	if (!match) return false
	const digits = `${match[1]}${match[2]}`
	let sum = 0
	for (let i = 0; i < digits.length; i++) {
		sum += Number(digits[digits.length - 1 - i]) * (i + 1)
	}
	return sum % 10 === Number(match[3])
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[0-9 ()./-]{5,30}$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isEmail(value: string): boolean {
	return EMAIL.test(value)
}

export function isUrl(value: string): boolean {
	if (!/^https?:\/\//i.test(value)) return false
	try {
		new URL(value)
		return true
	} catch {
		return false
	}
}

export function isPhone(value: string): boolean {
	return PHONE.test(value)
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value)
	if (!match) return false
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	const date = new Date(Date.UTC(year, month - 1, day))
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	)
}

export const PATTERNS: Record<PatternId, (value: string) => boolean> = {
	cas: isCasNumber,
	email: isEmail,
	url: isUrl,
	phone: isPhone,
	iso_date: isIsoDate,
}
