import type { CommonalityAnalysis } from '#forms/commonality.ts'
import type { AnalysisMeta } from './tables.ts'

/**
 * The analysis as one JSON document: its meta and the analysis as computed (concept definitions,
 * matrix with question texts, format rows, calendar with each entry's source), UTF-8 bytes.
 */
export function commonalityJson(analysis: CommonalityAnalysis, meta: AnalysisMeta): Uint8Array {
	const document = {
		type: 'commonality-analysis',
		language: meta.language,
		generated_at: meta.generatedAt,
		party: meta.partyCode ?? null,
		...analysis,
	}
	return new TextEncoder().encode(JSON.stringify(document, null, 2))
}
