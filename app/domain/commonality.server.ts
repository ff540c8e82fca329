import { z } from 'zod'
import { listCycles } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { listConventionStatus, listParties } from '#db/queries/parties.ts'
import type { Language } from '#forms/vocabulary.ts'
import { commonalityCsvZip } from '#exports/commonality/csv.ts'
import { commonalityJson } from '#exports/commonality/json.ts'
import {
	COMMONALITY_FORMATS,
	type AnalysisMeta,
	type CommonalityFormat,
} from '#exports/commonality/tables.ts'
import { commonalityXlsx } from '#exports/commonality/xlsx.ts'
import { renderCommonalityPdf } from '#exports/pdf/commonality-pdf.ts'
import {
	commonalityAnalysis,
	registeredForms,
	type CommonalityAnalysis,
} from '#forms/commonality.ts'
import { dimensionLabels } from '#forms/reuse/fact-labels.ts'
import {
	burdenEstimates,
	consistencyFindings,
	type FormToStart,
} from '#forms/reuse/party-analysis.ts'
import { LANGUAGES } from '#forms/types.ts'
import type { ReportingCycle } from '#db/queries/cycles.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'
import { formContextFor } from './report-context.server.ts'
import { loadSubmittedSources } from './report-once.server.ts'
import { localizedText } from '../utils/i18n.ts'
import { serverTranslator } from '../utils/i18n.server.ts'

/**
 * The commonality analysis (`forms/commonality.ts`) for the page and its exports: the served
 * definitions (latest version of each form), the reporting cycles in the database, and, for a
 * selected Party, its standing under each convention (`party_convention_status`), and the
 * Parties' latest submissions to every form, which data consistency and burden read
 * (`forms/reuse/party-analysis.ts`); with a Party selected, only that Party's.
 */

const optional = <S extends z.ZodType>(schema: S) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const PartyParam = optional(
	z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{3}$/),
)

/** The page's parameters: a malformed Party falls back to none (the page shows all conventions). */
export const CommonalityPageSchema = z.object({ party: PartyParam.catch(undefined) })

export const CommonalityExportSchema = z.object({
	party: PartyParam,
	lang: optional(z.enum(LANGUAGES)),
	format: z.enum(COMMONALITY_FORMATS),
})

export type PartyOption = { code: string; name: string }

export async function commonalityParties(db: DbHandle, language: Language): Promise<PartyOption[]> {
	const parties = await listParties(db)
	return parties.map((party) => ({
		code: party.code,
		name: localizedText(party.names, language, party.code),
	}))
}

/** The analysis in `language`; with `partyCode` (a known Party), that Party's calendar too. */
export async function loadCommonality(
	db: DbHandle,
	language: Language,
	partyCode?: string,
): Promise<CommonalityAnalysis> {
	const [cycles, statuses, record] = await Promise.all([
		listCycles(db),
		partyCode ? listConventionStatus(db, partyCode) : Promise.resolve([]),
		loadDepositaryRecord(db),
	])
	const submitted = await loadSubmittedSources(db, partyCode ? { partyCode } : {}, record)
	const { forms, allVersions } = registeredForms()
	const memberships = statuses
		.filter((row) => row.status === 'party')
		.map((row) => ({ convention: row.convention, inForceOn: row.inForceOn }))
	const reports = submitted.map(({ submitted, source }) => ({
		partyCode: submitted.partyCode,
		submissionId: submitted.submissionId,
		cycleCode: submitted.cycleCode,
		definition: source.definition,
		answers: source.answers,
		periodStart: submitted.periodStart,
		periodEnd: submitted.periodEnd,
	}))
	const toStart: FormToStart[] = forms.map(({ definition }) => {
		const cycle = latestCycleOf(cycles, definition.formId)
		const period = cycle ?? {
			periodStart: `${definition.reportingPeriod.startYear}-01-01`,
			periodEnd: `${definition.reportingPeriod.endYear}-12-31`,
			formVariant: null,
		}
		return { definition, context: (party) => formContextFor(party, period, record) }
	})
	return {
		...commonalityAnalysis({
			forms,
			allVersions,
			cycles,
			lang: language,
			party: partyCode ? { partyCode, memberships } : undefined,
		}),
		consistency: consistencyFindings(reports).map((finding) => ({
			...finding,
			dimLabels: dimensionLabels(finding.dims, language),
		})),
		burden: burdenEstimates(reports, toStart),
	}
}

/** The form's cycle with the latest period: what a Party starting the form would report on. */
function latestCycleOf(cycles: readonly ReportingCycle[], formId: string) {
	return cycles
		.filter((cycle) => cycle.formId === formId)
		.sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0]
}

const CONTENT_TYPES: Record<CommonalityFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'application/zip',
	json: 'application/json; charset=utf-8',
	pdf: 'application/pdf',
}
const EXTENSIONS: Record<CommonalityFormat, string> = {
	xlsx: 'xlsx',
	csv: 'csv.zip',
	json: 'json',
	pdf: 'pdf',
}

/** The analysis as a file: bytes, name and content type; the PDF in the words of `meta.language`. */
export async function commonalityFile(
	analysis: CommonalityAnalysis,
	format: CommonalityFormat,
	meta: AnalysisMeta & { language: Language; partyName?: string },
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
	const bytes = await fileBytes(analysis, format, meta)
	const scope = meta.partyCode ? `-${meta.partyCode}` : ''
	return {
		bytes,
		fileName: `commonality${scope}-${meta.generatedAt.slice(0, 10)}.${EXTENSIONS[format]}`,
		contentType: CONTENT_TYPES[format],
	}
}

async function fileBytes(
	analysis: CommonalityAnalysis,
	format: CommonalityFormat,
	meta: AnalysisMeta & { language: Language; partyName?: string },
): Promise<Uint8Array> {
	switch (format) {
		case 'xlsx':
			return commonalityXlsx(analysis, meta)
		case 'csv':
			return commonalityCsvZip(analysis, meta)
		case 'json':
			return commonalityJson(analysis, meta)
		case 'pdf': {
			const pdf = await renderCommonalityPdf({
				analysis,
				lang: meta.language,
				generatedAt: meta.generatedAt,
				partyName: meta.partyName,
				t: serverTranslator(meta.language, 'exports', 'commonality'),
			})
			return new Uint8Array(pdf)
		}
	}
}
