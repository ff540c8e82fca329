import type { CompiledLicence } from '#exports/compiled/dataset.ts'
import { getEnv } from '../utils/env.server.ts'

/**
 * The licence published data are offered under. The secretariat chooses it (`OPEN_DATA_LICENCE`,
 * `OPEN_DATA_LICENCE_URL`, `OPEN_DATA_ATTRIBUTION`); Creative Commons Attribution 4.0 unless it
 * chooses otherwise. Every open-data file and response states it.
 */
export function openDataLicence(): CompiledLicence {
	const env = getEnv()
	return {
		id: env.OPEN_DATA_LICENCE,
		url: env.OPEN_DATA_LICENCE_URL,
		attribution: env.OPEN_DATA_ATTRIBUTION,
		statement: `These data are published under the licence ${env.OPEN_DATA_LICENCE} (${env.OPEN_DATA_LICENCE_URL}), chosen by the secretariat. Credit: ${env.OPEN_DATA_ATTRIBUTION}.`,
	}
}
