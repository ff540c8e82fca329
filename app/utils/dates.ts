/** Whole days from `today` to `date` (both 'YYYY-MM-DD'); negative when the date has passed. */
export function daysUntil(date: string, today: string = todayIso()): number {
	return Math.round(
		(Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
	)
}

export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10)
}
