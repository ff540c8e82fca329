import type { Kysely } from 'kysely'
import { decidePublication } from '#app/domain/publication.server.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findCyclePublication } from '#db/queries/publication.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'

/**
 * DEMO DATA: the cycles the demo secretariat has published on the public portal, and from when.
 * The DDT questionnaire, the Rotterdam questionnaire and the Minamata short report stay
 * unpublished, so the demo also shows that an unpublished cycle is nowhere on the portal.
 */
export const DEMO_PUBLICATIONS = [
	{ cycle: 'sc-art15-5', publishedFrom: '2022-10-01' },
	{ cycle: 'sc-art15-6', publishedFrom: '2026-09-15' },
	{ cycle: 'bc-art13-2025', publishedFrom: '2026-11-01' },
	{ cycle: 'mc-art21-full-2025', publishedFrom: '2026-02-01' },
] as const

/** Publishes the demo cycles not decided on yet, as the demo administrator (audited). Idempotent. */
export async function seedDemoPublications(db: Kysely<Database>) {
	const admin = await findUserByEmail(db, 'admin@demo.example.org')
	if (!admin) return
	for (const { cycle: code, publishedFrom } of DEMO_PUBLICATIONS) {
		const cycle = await findCycleByCode(db, code)
		if (!cycle || (await findCyclePublication(db, cycle.id))) continue
		await decidePublication(db, {
			cycle,
			adminId: admin.id,
			decision: { decision: 'publish', publishedFrom },
		})
	}
}
