import { describe, expect, it } from 'vitest'
import {
	formatDate,
	formatDateTime,
	formatFileSize,
	formatList,
	formatLocalTime,
	formatMonth,
	formatNumber,
	formatPercent,
} from './locale-format.ts'
import { LANGUAGES } from './vocabulary.ts'

/** Without the bidi marks Intl puts in (U+200E, U+200F, U+061C), to compare what is seen. */
const seen = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '')
/** Intl separates with no-break spaces in some languages; written here as plain spaces. */
const plain = (text: string) => seen(text).replace(/[\u00a0\u202f]/g, ' ')

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/

describe('numbers', () => {
	it('groups and marks decimals the way each language does', () => {
		const value = -1234567.5
		expect(
			Object.fromEntries(LANGUAGES.map((lang) => [lang, plain(formatNumber(value, lang))])),
		).toEqual({
			ar: '-1,234,567.5',
			zh: '-1,234,567.5',
			en: '-1,234,567.5',
			fr: '-1 234 567,5',
			ru: '-1 234 567,5',
			es: '-1.234.567,5',
		})
	})

	it('prints Western digits in Arabic, also where the engine would default to Arabic-Indic ones', () => {
		// `ar-EG` defaults to ٠–٩ in every ICU; the pin wins.
		for (const lang of ['ar', 'ar-EG', 'ar-SA'])
			expect(formatNumber(1234567.25, lang)).not.toMatch(ARABIC_INDIC_DIGITS)
		expect(new Intl.NumberFormat('ar-EG').format(12)).toMatch(ARABIC_INDIC_DIGITS)
		// Negative numbers keep the mark that holds the minus sign to the number in Arabic text.
		expect(formatNumber(-5, 'ar')).toMatch(/^\u200e-5$/)
	})

	it('keeps up to ten decimals unless told, and rounds when told', () => {
		expect(formatNumber(0.1234567891, 'en')).toBe('0.1234567891')
		expect(formatNumber(2.34567, 'fr', { maximumFractionDigits: 2 })).toBe('2,35')
	})
})

describe('percentages', () => {
	it('places the sign as each language does, from a ratio', () => {
		expect(
			Object.fromEntries(LANGUAGES.map((lang) => [lang, plain(formatPercent(0.45, lang))])),
		).toEqual({ ar: '45%', zh: '45%', en: '45%', fr: '45 %', ru: '45 %', es: '45 %' })
		expect(formatPercent(0.456, 'en', { maximumFractionDigits: 1 })).toBe('45.6%')
		expect(formatPercent(1, 'ar-EG')).not.toMatch(ARABIC_INDIC_DIGITS)
	})
})

describe('file sizes and lists', () => {
	it('uses the language’s units and list words', () => {
		expect(formatFileSize(1.5 * 1_048_576, 'en')).toBe('1.5 MB')
		expect(plain(formatFileSize(1.5 * 1_048_576, 'fr'))).toBe('1,5 Mo')
		expect(formatFileSize(300, 'en')).toBe('1 kB')
		expect(formatFileSize(153 * 1024, 'ar')).not.toMatch(ARABIC_INDIC_DIGITS)
		expect(formatList(['PCB', 'DDT', 'PFOS'], 'en')).toBe('PCB, DDT, and PFOS')
		expect(formatList(['PCB', 'DDT'], 'fr')).toBe('PCB et DDT')
		expect(formatList(['PCB', 'DDT'], 'zh')).toBe('PCB和DDT')
	})
})

describe('dates', () => {
	it('writes a calendar date with the month’s name in every language, never day-and-month figures', () => {
		expect(
			Object.fromEntries(LANGUAGES.map((lang) => [lang, plain(formatDate('2026-08-31', lang))])),
		).toEqual({
			ar: '31 أغسطس 2026',
			zh: '2026年8月31日',
			en: 'Aug 31, 2026',
			fr: '31 août 2026',
			ru: '31 авг. 2026 г.',
			es: '31 ago 2026',
		})
	})

	it('takes a calendar date at midnight UTC, and an instant’s UTC date, whatever the time zone', () => {
		expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026')
		expect(formatDate('2026-08-31T23:30:00-05:00', 'en')).toBe('Sep 1, 2026')
		expect(formatDate(new Date(Date.UTC(2026, 7, 31, 23, 59)), 'en')).toBe('Aug 31, 2026')
	})

	it('uses the Gregorian calendar and Western digits, even for a locale with another default', () => {
		// Saudi Arabic defaults to the Islamic calendar and Arabic-Indic digits.
		const saudi = formatDate('2026-08-31', 'ar-SA')
		expect(saudi).toContain('2026')
		expect(saudi).not.toMatch(ARABIC_INDIC_DIGITS)
	})

	it('gives back what is not a date as it came, rather than failing the page', () => {
		expect(formatDate('not a date', 'en')).toBe('not a date')
		expect(formatDateTime('2026-13-45T99:00Z', 'fr')).toBe('2026-13-45T99:00Z')
	})

	it('writes an instant in UTC and says so, in the language’s order and clock', () => {
		const instant = '2026-08-15T10:32:00Z'
		expect(formatDateTime(instant, 'en')).toBe('Aug 15, 2026, 10:32 AM UTC')
		expect(plain(formatDateTime(instant, 'fr'))).toBe('15 août 2026, 10:32 UTC')
		expect(plain(formatDateTime(instant, 'zh'))).toBe('2026年8月15日 UTC 10:32')
		const arabic = plain(formatDateTime(instant, 'ar'))
		expect(arabic).toContain('15 أغسطس 2026')
		expect(arabic).toContain('10:32')
		expect(arabic).toContain('UTC')
	})

	it('writes a month of a chart’s axis, and the time of day on the reader’s clock', () => {
		const time = Date.UTC(2026, 7, 15, 10, 32)
		expect(formatMonth(time, 'en')).toBe('Aug 2026')
		expect(formatMonth(time, 'zh')).toBe('2026年8月')
		// Tests run in UTC (vitest.config.ts).
		expect(plain(formatLocalTime(time, 'fr'))).toBe('10:32')
		expect(formatLocalTime(time, 'ar-EG')).not.toMatch(ARABIC_INDIC_DIGITS)
	})
})
