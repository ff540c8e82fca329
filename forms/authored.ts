import { BASEL_ART13_V1 } from './basel-art13/v1.ts'
import { DDT_V1 } from './ddt/v1.ts'
import { ROTTERDAM_REPORT_V1 } from './rotterdam-report/v1.ts'
import { MINAMATA_ART21_V1 } from './minamata-art21/v1.ts'
import { ART15_V5 } from './stockholm-art15/v5.ts'
import { ART15_V6 } from './stockholm-art15/v6.ts'
import type { FormDefinition } from './types.ts'

/**
 * Every form version authored in TypeScript, oldest first per form: the source
 * `npm run forms:publish` freezes into `forms/published/` (docs/decisions/011). The runtime never
 * reads these builders; it serves the frozen files (`forms/registry.ts`). A new version is added
 * here, then frozen.
 */
export const AUTHORED_VERSIONS: readonly FormDefinition[] = [
	ART15_V5,
	ART15_V6,
	DDT_V1,
	BASEL_ART13_V1,
	ROTTERDAM_REPORT_V1,
	MINAMATA_ART21_V1,
]
