import type { Migration } from 'kysely'
import * as foundation from './2026_11_21_0900_foundation.ts'
import * as reports from './2026_11_22_0900_reports.ts'
import * as exportsTables from './2026_11_23_0900_exports.ts'
import * as review from './2026_11_24_0900_review.ts'
import * as rateLimits from './2026_12_03_0900_rate_limits.ts'
import * as partyStatusRelease from './2026_12_04_0900_party_status_release.ts'
import * as codeListReleases from './2026_12_05_0900_code_list_releases.ts'
import * as formSha256 from './2026_12_06_0900_form_sha256.ts'
import * as reuseDecisions from './2026_12_08_0900_reuse_decisions.ts'
import * as cycleFormVariant from './2026_12_07_0900_cycle_form_variant.ts'
import * as cyclePublication from './2026_12_09_0900_cycle_publication.ts'

/** Every migration, by its timestamped name. Add new ones here; never edit or remove shipped ones. */
export const MIGRATIONS: Record<string, Migration> = {
	'2026_11_21_0900_foundation': foundation,
	'2026_11_22_0900_reports': reports,
	'2026_11_23_0900_exports': exportsTables,
	'2026_11_24_0900_review': review,
	'2026_12_03_0900_rate_limits': rateLimits,
	'2026_12_04_0900_party_status_release': partyStatusRelease,
	'2026_12_05_0900_code_list_releases': codeListReleases,
	'2026_12_06_0900_form_sha256': formSha256,
	'2026_12_08_0900_reuse_decisions': reuseDecisions,
	'2026_12_07_0900_cycle_form_variant': cycleFormVariant,
	'2026_12_09_0900_cycle_publication': cyclePublication,
}
