/** Whole days from `today` to `date` (both 'YYYY-MM-DD'); negative when the date has passed. */
export function daysUntil(date: string, today: string = todayIso()): number {
	return Math.round(
		(Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
	)
}

export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10)
}

/** One formatter per language: making one costs far more than formatting a date with it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatDate(value: string | Date, language: string): string {
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value
	let format = dateFormats.get(language)
	if (!format) {
		format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
		dateFormats.set(language, format)
	}
	return format.format(date)
}

export function formatDateTime(value: string | Date, language: string): string {
	const date = typeof value === 'string' ? new Date(value) : value
	return (
		new Intl.DateTimeFormat(language, {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone: 'UTC',
		}).format(date) + ' UTC'
	)
}
