import { data } from 'react-router'
import { findParty } from '#db/queries/parties.ts'
import type { Route } from './+types/commonality-export.ts'
import {
	CommonalityExportSchema,
	commonalityFile,
	loadCommonality,
} from '../../domain/commonality.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { localizedText } from '../../utils/i18n.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'

/**
 * `GET /analysis/commonality/export?format=xlsx|csv|json|pdf&party=KEN&lang=fr`: the commonality
 * analysis as a file, for analysts and the secretariat. It is built from the form definitions and
 * the cycles (no country's answers), so it is small and built at once.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const query = parseQuery(request, CommonalityExportSchema)
	const db = context.get(dbContext)
	const party = query.party ? await findParty(db, query.party) : undefined
	if (query.party && !party) throw data({ message: 'errors.notFound' }, { status: 404 })
	const language = query.lang ?? context.get(languageContext)
	const analysis = await loadCommonality(db, language, query.party)
	const file = await commonalityFile(analysis, query.format, {
		language,
		generatedAt: new Date().toISOString(),
		partyCode: query.party,
		partyName: party ? localizedText(party.names, language, party.code) : undefined,
	})
	return downloadResponse(file.bytes, file)
}
