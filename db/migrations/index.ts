import type { Migration } from 'kysely'
import * as foundation from './2026_11_21_0900_foundation.ts'
import * as reports from './2026_11_22_0900_reports.ts'
import * as exportsTables from './2026_11_23_0900_exports.ts'
import * as review from './2026_11_24_0900_review.ts'

/** Every migration, by its timestamped name. Add new ones here; never edit or remove shipped ones. */
export const MIGRATIONS: Record<string, Migration> = {
	'2026_11_21_0900_foundation': foundation,
	'2026_11_22_0900_reports': reports,
	'2026_11_23_0900_exports': exportsTables,
	'2026_11_24_0900_review': review,
}
