/**
 * Report documents for the export tests and benchmarks, built from the forms fixtures (complete
 * 6th-cycle Article 15 and DDT reports). Names and figures are fictitious.
 */
import { COUNTRIES } from '#forms/codelists/countries.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import { DDT_V1 } from '#forms/ddt/v1.ts'
import {
	art15V6Context,
	buildCompleteArt15V6Answers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import { formVersionIdentity } from '#forms/registry.ts'
import { ART15_V6 } from '#forms/stockholm-art15/v6.ts'
import type { Answers, FormContext, FormDefinition, Language } from '#forms/types.ts'
import type { ReportDocument, ReportDocumentMeta } from './report-document.ts'

export function countryName(code: string, lang: Language): string {
	return codeLabel(COUNTRIES.id, code, lang)
}

export function sampleDocument(options: {
	definition?: FormDefinition
	answers?: Answers
	formContext?: FormContext
	lang?: Language
	meta?: Partial<ReportDocumentMeta>
	attachments?: ReportDocument['attachments']
}): ReportDocument {
	const definition = options.definition ?? ART15_V6
	const formContext =
		options.formContext ?? (definition.formId === 'ddt' ? ddtContext() : art15V6Context())
	const lang = options.lang ?? 'en'
	const answers =
		options.answers ??
		(definition.formId === 'ddt'
			? buildCompleteDdtAnswers(formContext)
			: buildCompleteArt15V6Answers(formContext))
	return {
		definition,
		lang,
		answers,
		formContext,
		attachments: options.attachments ?? [
			{
				id: 'att-0001',
				questionId: 'b_attachments',
				name: 'nip-update.pdf',
				sizeBytes: 48_213,
				contentType: 'application/pdf',
			},
		],
		meta: {
			reportId: '00000000-0000-4000-8000-000000000001',
			partyCode: formContext.partyCode,
			partyName: countryName(formContext.partyCode, lang),
			formId: definition.formId,
			formVersion: definition.version,
			formSha256: formVersionIdentity(definition.formId, definition.version)?.sha256 ?? null,
			cycleCode: definition.formId === 'ddt' ? 'sc-ddt-2024-2026' : 'sc-art15-6',
			cycleTitle:
				definition.formId === 'ddt'
					? 'DDT questionnaire, 2024–2026'
					: 'Stockholm Convention Article 15 national report, 6th cycle',
			periodStart: formContext.periodStart,
			periodEnd: formContext.periodEnd,
			status: 'accepted',
			isDraft: false,
			submissionNumber: 1,
			submittedAt: '2026-08-15T10:32:00.000Z',
			sha256: 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456',
			revision: 42,
			generatedAt: '2026-11-23T09:00:00.000Z',
			...options.meta,
		},
	}
}

export { ART15_V6, DDT_V1 }
