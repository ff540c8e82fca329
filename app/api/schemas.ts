import { z } from 'zod'
import {
	CLASSIFICATIONS,
	CONCEPT_DIMENSIONS,
	CONCEPT_GROUPS,
	PERIOD_SEMANTICS,
	REUSE_KINDS,
} from '#forms/concepts.ts'
import { ConditionSchema, FormDefinitionSchema } from '#forms/schema.ts'
import { LANGUAGES, MARKERS } from '#forms/types.ts'
import { CONVENTIONS } from '#forms/vocabulary.ts'
import { CONVENTION_STATUSES } from '#forms/codelists/party-status.ts'
import { REGIONAL_GROUPS } from '#db/types.ts'

/**
 * The response schemas of `/api/v1`: the OpenAPI document is generated from them
 * (`openapi.server.ts`, with `z.toJSONSchema`), and every JSON response is checked against its
 * operation's schema outside production (`operation.server.ts`), so the document cannot drift from
 * what is served. Names registered in `apiSchemas` become `#/components/schemas/<name>`.
 */
export const apiSchemas = z.registry<{ id: string }>()

function component<S extends z.ZodType>(id: string, schema: S): S {
	apiSchemas.add(schema, { id })
	return schema
}

apiSchemas.add(ConditionSchema, { id: 'Condition' })
component('FormDefinition', FormDefinitionSchema)

const Url = z.string().describe('absolute URL')
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const DateTime = z.string().describe('date and time, ISO 8601 in UTC')
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
export const LanguageSchema = z.enum(LANGUAGES)
const Localized = z.partialRecord(LanguageSchema, z.string())

export const PageLinks = component(
	'PageLinks',
	z.object({
		self: Url,
		next: Url.nullable().describe('the next page; null on the last one'),
	}),
)

function page<S extends z.ZodType>(id: string, item: S) {
	return component(id, z.object({ data: z.array(item), links: PageLinks }))
}

export const ProblemSchema = component(
	'Problem',
	z
		.looseObject({
			type: z.string().describe('URI of the kind of problem (an anchor of the reference page)'),
			title: z.string(),
			status: z.number().int(),
			detail: z.string(),
			instance: z.string().describe('the path (and query) that was asked for'),
			errors: z
				.array(z.object({ parameter: z.string(), message: z.string() }))
				.optional()
				.describe('invalid parameters (400)'),
			scope: z.string().optional().describe('the scope that is needed (401, 403)'),
		})
		.describe('RFC 9457 problem details; other members may be added'),
)

// --- Forms, code lists, concepts --------------------------------------------------------------

const FormStatus = z.enum(['draft', 'published'])

export const FormVersionSummarySchema = component(
	'FormVersionSummary',
	z.object({
		form_id: z.string(),
		version: z.number().int(),
		status: FormStatus,
		sha256: Sha256.describe('SHA-256 of the canonical JSON of the frozen content'),
		convention: z.enum(CONVENTIONS),
		title: z.string(),
		languages: z.array(LanguageSchema),
		variants: z.array(z.string()),
		links: z.object({ self: Url }),
	}),
)
export const FormVersionPage = page('FormVersionPage', FormVersionSummarySchema)

const PinnedCodeList = z.object({
	version: z.string(),
	date: z.string(),
	entries: z.array(z.looseObject({ code: z.string() })),
})

export const FormVersionSchema = component(
	'FormVersion',
	z.object({
		form_id: z.string(),
		version: z.number().int(),
		status: FormStatus,
		sha256: Sha256,
		content: z
			.object({
				format: z.literal(1),
				definition: FormDefinitionSchema,
				codeLists: z.record(z.string(), PinnedCodeList),
			})
			.describe(
				'the frozen content exactly as hashed: sha256 is the SHA-256 of its canonical JSON (keys sorted, no spaces)',
			),
		language: LanguageSchema,
		texts: z
			.record(z.string(), z.unknown())
			.describe("the form's texts in `language` (labels, help, options, sections, messages)"),
	}),
)

export const CodeListSummarySchema = component(
	'CodeListSummary',
	z.object({
		id: z.string(),
		version: z.string(),
		date: z.string(),
		source: z.string(),
		entry_count: z.number().int(),
		links: z.object({ self: Url }),
	}),
)
export const CodeListPage = page('CodeListPage', CodeListSummarySchema)

export const CodeListSchema = component(
	'CodeList',
	z.object({
		id: z.string(),
		version: z.string(),
		date: z.string(),
		source: z.string(),
		language: LanguageSchema,
		entries: z.array(
			z
				.looseObject({
					code: z.string(),
					label: z.string().describe('in `language`, English when it has none'),
					labels: z.looseObject({ en: z.string() }),
				})
				.describe('the code, its labels and the list-specific metadata'),
		),
	}),
)

export const ConceptSchema = component(
	'Concept',
	z.object({
		id: z.string(),
		description: z.string(),
		group: z.enum(CONCEPT_GROUPS),
		dimension: z.enum(CONCEPT_DIMENSIONS),
		classification: z.enum(CLASSIFICATIONS),
		period: z.enum(PERIOD_SEMANTICS),
		reuse: z.enum(REUSE_KINDS),
		conversion: z
			.object({ canonical_unit: z.string().nullable(), aggregation: z.string() })
			.nullable()
			.describe('how quantities of a `derive` concept are made comparable'),
		added_here: z.boolean().describe('added by this system, not taken from a convention'),
	}),
)
export const ConceptPage = page('ConceptPage', ConceptSchema)

// --- Cycles and Parties -------------------------------------------------------------------------

export const CycleSchema = component(
	'Cycle',
	z.object({
		code: z.string(),
		convention: z.enum(CONVENTIONS),
		form_id: z.string(),
		form_version: z.number().int(),
		form_variant: z.string().nullable(),
		title: z.string(),
		titles: Localized,
		period_start: IsoDate,
		period_end: IsoDate,
		opens_on: IsoDate,
		deadline: IsoDate,
		published: z.boolean().describe('whether its accepted reports and their data are public'),
		published_from: IsoDate.nullable().describe('the first day they are (or will be) public'),
		links: z.object({
			self: Url,
			form: Url,
			data: Url.describe('compiled data (public once published; before, read:compiled)'),
			codebook: Url,
			open_data: Url.nullable().describe('downloads, once published'),
		}),
	}),
)
export const CyclePage = page('CyclePage', CycleSchema)

const ConventionStanding = z.object({
	convention: z.enum(CONVENTIONS),
	status: z.enum(CONVENTION_STATUSES),
	signed_on: IsoDate.nullable(),
	consented_on: IsoDate.nullable(),
	instrument: z.string().nullable(),
	in_force_on: IsoDate.nullable(),
})

export const PartySchema = component(
	'Party',
	z.object({
		code: z.string().describe('ISO 3166-1 alpha-3'),
		alpha2: z.string(),
		m49: z.string().nullable(),
		name: z.string(),
		names: Localized,
		regional_group: z.enum(REGIONAL_GROUPS).nullable(),
		conventions: z.array(ConventionStanding),
		links: z.object({ self: Url, reports: Url }),
	}),
)
export const PartyPage = page('PartyPage', PartySchema)

// --- Reports and submissions ------------------------------------------------------------------

const ReportStatusSchema = z.enum(['draft', 'submitted', 'under_review', 'returned', 'accepted'])
const SubmissionStateSchema = z.enum(['current', 'superseded', 'accepted', 'returned'])

export const SubmissionSummarySchema = component(
	'SubmissionSummary',
	z.object({
		number: z.number().int(),
		state: SubmissionStateSchema,
		submitted_at: DateTime,
		sha256: Sha256.describe(
			'the fingerprint recorded at submission (receipt, PDF): SHA-256 of the canonical JSON of form id and version, Party, cycle, the answers as stored and the explanations of warnings',
		),
		form_sha256: Sha256.nullable(),
		links: z.object({ self: Url }),
	}),
)

export const ReportSchema = component(
	'Report',
	z.object({
		id: z.string(),
		party_code: z.string(),
		party_name: z.string(),
		cycle_code: z.string(),
		convention: z.enum(CONVENTIONS),
		form_id: z.string(),
		form_version: z.number().int(),
		status: ReportStatusSchema.describe('public reports: always accepted'),
		latest_submission: SubmissionSummarySchema,
		links: z.object({ self: Url, party: Url, cycle: Url }),
	}),
)
export const ReportPage = page('ReportPage', ReportSchema)

export const ReportDetailSchema = component(
	'ReportDetail',
	ReportSchema.extend({ submissions: z.array(SubmissionSummarySchema) }),
)

const Marked = z.object({ marker: z.enum(MARKERS) })
const Primitive = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])
const Cell = z.union([Primitive, Marked])
const TableAnswer = z.object({
	rows: z.array(
		z.object({ id: z.string(), key: z.string().optional(), cells: z.record(z.string(), Cell) }),
	),
})
const AttachmentRefs = z.array(z.object({ attachmentId: z.string(), name: z.string() }))

export const AnswersSchema = component(
	'Answers',
	z
		.record(
			z.string(),
			z.union([Primitive, Marked, TableAnswer, z.record(z.string(), z.string()), AttachmentRefs]),
		)
		.describe(
			'question id → answer in the value model: numbers, text, codes, arrays of codes, {"marker": …} (not_available, not_applicable, confidential: stored instead of a value), tables as {"rows": […]}, contact blocks as field → text, files as references. Questions the form did not ask (hidden by its conditions) are left out.',
		),
)

export const SubmissionSchema = component(
	'Submission',
	SubmissionSummarySchema.extend({
		report_id: z.string(),
		party_code: z.string(),
		cycle_code: z.string(),
		form_id: z.string(),
		form_version: z.number().int(),
		answers: AnswersSchema,
	}),
)

// --- Compiled data and open data -------------------------------------------------------------

export const LicenceSchema = component(
	'Licence',
	z.object({
		id: z.string().describe('SPDX identifier, e.g. CC-BY-4.0'),
		url: Url,
		attribution: z.string(),
		statement: z.string(),
	}),
)

export const CompiledMetaSchema = component(
	'CompiledMeta',
	z.object({
		type: z.literal('meta'),
		form_id: z.string(),
		form_version: z.number().int(),
		form_sha256: Sha256,
		cycle: z.string(),
		cycle_title: z.string(),
		status_filter: z.enum(['accepted', 'submitted']),
		language: LanguageSchema,
		generated_at: DateTime,
		report_count: z.number().int(),
		questions: z.array(z.object({ id: z.string(), type: z.string() })),
		conventions: z.record(z.string(), z.string()).describe('how values are written'),
		licence: LicenceSchema.optional().describe('published data only'),
	}),
)

export const CompiledReportSchema = component(
	'CompiledReport',
	z.object({
		type: z.literal('report'),
		party_code: z.string(),
		party_name: z.string(),
		report_status: z.string(),
		submission_number: z.number().int(),
		submission_state: z.string(),
		submitted_at: DateTime,
		sha256: Sha256,
		answers: AnswersSchema,
	}),
)

export const CompiledPageSchema = component(
	'CompiledPage',
	z.object({ meta: CompiledMetaSchema, data: z.array(CompiledReportSchema), links: PageLinks }),
)

const CodebookColumn = z.object({
	id: z.string(),
	question_id: z.string(),
	label: z.string(),
	type: z.string(),
	unit: z.string().nullable(),
	codes: z.string().nullable().describe('the code list (or inline options) its codes come from'),
	values: z.string().describe('what its cells hold, in words'),
})

export const OpenDataFileSchema = component(
	'OpenDataFile',
	z.object({ meta: CompiledMetaSchema, reports: z.array(CompiledReportSchema) }),
)

export const CodebookSchema = component(
	'Codebook',
	z.object({
		cycle: z.string(),
		form_id: z.string(),
		form_version: z.number().int(),
		form_sha256: Sha256,
		language: LanguageSchema,
		tables: z
			.array(
				z.object({
					name: z.string(),
					question_id: z.string().nullable(),
					label: z.string(),
					columns: z.array(CodebookColumn),
				}),
			)
			.describe('`answers` (a row per Party) and one per table question (a row per Party and row)'),
		code_lists: z.array(
			z.object({
				name: z.string(),
				codes: z.array(
					z.object({ list: z.string(), code: z.string(), label: z.string(), label_en: z.string() }),
				),
			}),
		),
		conventions: z.record(z.string(), z.string()),
		licence: LicenceSchema.nullable().describe('published cycles only'),
	}),
)

export const OpenDataSchema = component(
	'OpenData',
	z.object({
		licence: LicenceSchema,
		cycles: z.array(
			z.object({
				cycle: z.string(),
				title: z.string(),
				convention: z.enum(CONVENTIONS),
				published_from: IsoDate,
				report_count: z.number().int(),
				downloads: z.object({
					csv: Url,
					xlsx: Url,
					json: Url,
					codebook: Url,
					form: Url,
				}),
			}),
		),
	}),
)
