import type { Kysely } from 'kysely'
import { listParties } from '#db/queries/parties.ts'
import type { Database } from '#db/types.ts'
import type { Language } from '#forms/vocabulary.ts'

export async function partyOptions(db: Kysely<Database>, language: Language) {
	const parties = await listParties(db)
	return parties
		.map((p) => ({ code: p.code, name: p.names[language] || p.names.en }))
		.sort((a, b) => a.name.localeCompare(b.name, language))
}
