/**
 * Numbers, percentages, sizes, lists, dates and times in the reader's language: the one way pages,
 * emails and documents (PDF, Excel) print them. `lang` is one of the UN languages (any BCP 47 tag
 * works).
 *
 * Pinned for every language (see docs/decisions/016-locale-formatting-and-bidi.md):
 * - Western digits 0–9 (`numberingSystem: 'latn'`): UN documents in Arabic print them, and engines
 *   disagree on the default for `ar` (ICU 72+ gives 0–9, older ICU and some browsers ٠–٩), which
 *   would also make the server's page and the browser's render of it differ.
 * - The Gregorian calendar, and dates with the month's name (`31 Aug 2026`, `31 أغسطس 2026`,
 *   `2026年8月31日`): never ambiguous between day-first and month-first readers.
 * - Calendar dates (`YYYY-MM-DD`) and stored instants in UTC, labelled so where a time shows.
 *
 * Intl output keeps the marks a language needs to read right (Arabic dates carry U+200F, numbers
 * U+200E); a page puts each formatted value in its own bidi isolate (`<bdi>`).
 */

const LATIN_DIGITS = { numberingSystem: 'latn' } as const
const CALENDAR_DATE = {
	...LATIN_DIGITS,
	calendar: 'gregory',
	timeZone: 'UTC',
	year: 'numeric',
	month: 'short',
	day: 'numeric',
} as const

const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang}|${JSON.stringify(options)}`
	let format = numberFormats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(lang, { ...LATIN_DIGITS, ...options })
		numberFormats.set(key, format)
	}
	return format
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${lang}|${JSON.stringify(options)}`
	let format = dateFormats.get(key)
	if (!format) {
		format = new Intl.DateTimeFormat(lang, options)
		dateFormats.set(key, format)
	}
	return format
}

/** `1 234,5` (fr), `1,234.5` (en, ar, zh): grouped the reader's way, up to 10 decimals unless told. */
export function formatNumber(
	value: number,
	lang: string,
	options: { maximumFractionDigits?: number } = {},
): string {
	return numberFormat(lang, { maximumFractionDigits: options.maximumFractionDigits ?? 10 }).format(
		value,
	)
}

/**
 * A share given as a ratio (0.45) as the language writes a percentage: `45%` (en, zh), `45 %`
 * (fr, es, ru), `45‎%‎` (ar). Whole percents unless told.
 */
export function formatPercent(
	ratio: number,
	lang: string,
	options: { maximumFractionDigits?: number } = {},
): string {
	return numberFormat(lang, {
		style: 'percent',
		maximumFractionDigits: options.maximumFractionDigits ?? 0,
	}).format(ratio)
}

/** A file size in kB or MB, with the language's unit (`1,5 Mo` in French). */
export function formatFileSize(bytes: number, lang: string): string {
	const megabytes = bytes / 1_048_576
	return megabytes >= 1
		? numberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
				megabytes,
			)
		: numberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
				Math.max(1, Math.round(bytes / 1024)),
			)
}

/** `a, b and c` in the language (`a وb وc` in Arabic, `a、b和c` in Chinese). */
export function formatList(items: readonly string[], lang: string): string {
	return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items)
}

/**
 * A `Date`, or a string: a calendar date (`YYYY-MM-DD`, taken at midnight UTC) or an instant
 * (ISO 8601). Null when it is not a date.
 */
function toDate(value: string | Date | number): Date | null {
	const date =
		typeof value === 'string'
			? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
			: new Date(value)
	return Number.isNaN(date.getTime()) ? null : date
}

/** A calendar date (or the UTC date of an instant): `31 Aug 2026`. Not a date: given back as is. */
export function formatDate(value: string | Date, lang: string): string {
	const date = toDate(value)
	return date ? dateFormat(lang, CALENDAR_DATE).format(date) : String(value)
}

/** An instant in UTC, labelled so: `15 Aug 2026, 10:32 UTC` (the language's order and clock). */
export function formatDateTime(value: string | Date, lang: string): string {
	const date = toDate(value)
	if (!date) return String(value)
	return dateFormat(lang, {
		...CALENDAR_DATE,
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
	}).format(date)
}

/** The time of day on the reader's clock and in their time zone (`10:32`, `10:32 ص`). */
export function formatLocalTime(value: Date | number, lang: string): string {
	return dateFormat(lang, { ...LATIN_DIGITS, hour: 'numeric', minute: '2-digit' }).format(value)
}

/** Month and year of an instant (UTC): a chart's time axis (`Aug 2026`, `2026年8月`). */
export function formatMonth(value: Date | number, lang: string): string {
	return dateFormat(lang, {
		...LATIN_DIGITS,
		calendar: 'gregory',
		timeZone: 'UTC',
		month: 'short',
		year: 'numeric',
	}).format(value)
}
