import { z } from 'zod'
import { listCyclePublications } from '#db/queries/api-reports.ts'
import { listCycles } from '#db/queries/cycles.ts'
import { countCycleSubmissions, type CycleSubmission } from '#db/queries/exports.ts'
import { compiledLayout, VALUE_CONVENTIONS } from '#exports/compiled/dataset.ts'
import { depositaryRecordKey } from '#forms/codelists/index.ts'
import { jsonChunks, jsonMeta, jsonReport, ndjsonLines } from '#exports/compiled/json.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import {
	buildCompiledInWorker,
	compiledContentType,
	compiledFileName,
	compiledMeta,
	compiledReports,
	compiledSubmissions,
	resolveCompiledRequest,
	type CompiledRequest,
} from '../../domain/compiled-exports.server.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import type { ApiCaller } from '../../domain/api-tokens.server.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { sha256 } from '../../utils/crypto.server.ts'
import { BuiltCache } from '../built-cache.server.ts'
import { apiUrl, LangParam, nameIn, Segment } from '../common.server.ts'
import { openDataLicence } from '../licence.server.ts'
import { defineOperation, requireScope } from '../operation.server.ts'
import { decodeCursor, pageOf, PageParams } from '../pagination.server.ts'
import { ApiProblem } from '../problem.server.ts'
import {
	CodebookSchema,
	CompiledPageSchema,
	OpenDataFileSchema,
	OpenDataSchema,
} from '../schemas.ts'

/**
 * Pages of compiled data built lately, by their validator, which names everything they are made
 * from (the submissions and their fingerprints, the depositary record, the query): many clients
 * asking for the same page share one build.
 */
const builtPages = new BuiltCache<unknown>(32)

/** A weak validator of what a representation is made from (its bytes differ: `generated_at`). */
function weakEtag(parts: unknown[]) {
	return `W/"${sha256(JSON.stringify(parts)).slice(0, 40)}"`
}

/** What identifies the data set: which submissions, in which state, with which fingerprints. */
const submissionsKey = (submissions: readonly CycleSubmission[]) =>
	submissions.map((s) => `${s.submissionId}:${s.state}:${s.sha256}`)

const QuestionsParam = z
	.string()
	.max(20_000)
	.optional()
	.describe('question ids, comma-separated; every question when absent')

const questionIds = (text: string | undefined) =>
	(text ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean)

async function publishedFrom(db: DbHandle, cycleId: string, today: string) {
	const from = (await listCyclePublications(db)).get(cycleId)
	return from !== undefined && from <= today ? from : undefined
}

/** The compiled request for a cycle, or the problem: no such cycle (404), unknown questions (400). */
async function resolve(
	db: DbHandle,
	query: {
		cycle: string
		status: 'accepted' | 'submitted'
		questions?: string
		lang: z.output<typeof LangParam>
	},
): Promise<CompiledRequest> {
	const resolved = await resolveCompiledRequest(db, {
		cycle: query.cycle,
		status: query.status,
		questions: questionIds(query.questions),
		lang: query.lang,
	})
	if (resolved.ok) return resolved.request
	if (resolved.error === 'unknownCycle')
		throw new ApiProblem('not-found', 'There is no such cycle.')
	throw new ApiProblem(
		'bad-request',
		`The form of this cycle has no question ${resolved.params?.questions}.`,
		{
			errors: [{ parameter: 'questions', message: `unknown: ${resolved.params?.questions}` }],
		},
	)
}

/**
 * Who may read a cycle's compiled data: anyone when it is published and only accepted
 * submissions are asked for (the published data, with their licence); otherwise a token with
 * `read:compiled`.
 */
async function withAccess(
	db: DbHandle,
	request: CompiledRequest,
	caller: ApiCaller | null,
	today: string,
): Promise<CompiledRequest> {
	const published = await publishedFrom(db, request.cycle.id, today)
	if (published && request.status === 'accepted') return { ...request, licence: openDataLicence() }
	requireScope(
		caller,
		'read:compiled',
		published
			? 'Compiled data of reports not yet accepted'
			: 'Compiled data of a cycle the secretariat has not published',
	)
	return request
}

export const getCompiledData = defineOperation({
	id: 'getCompiledData',
	path: '/cycles/{cycleCode}/data',
	tag: 'Compiled data',
	summary: "A cycle's compiled data",
	description:
		'The same data as the analysis exports: one record per reporting Party with its submission and its answers as the form asked them, ordered by Party code. `format=json` (default) pages them; `format=ndjson` streams a `meta` line, then one `report` line per Party, from the cursor on, without a limit. Published cycles, accepted submissions: public, with their licence. Anything else needs read:compiled.',
	access: 'public',
	params: { cycleCode: Segment },
	query: {
		...PageParams,
		status: z
			.enum(['accepted', 'submitted'])
			.default('accepted')
			.describe(
				'accepted: each report’s accepted submission; submitted: the latest one under review or accepted (read:compiled)',
			),
		questions: QuestionsParam,
		lang: LangParam,
		format: z
			.enum(['json', 'ndjson'])
			.default('json')
			.describe('json (paged) or ndjson (streamed)'),
	},
	response: {
		schema: CompiledPageSchema,
		description: 'A page of the compiled data',
		alternates: [
			{
				mediaType: 'application/x-ndjson',
				description:
					'format=ndjson: a CompiledMeta line, then one CompiledReport line per Party (streamed)',
			},
		],
	},
	problems: [400, 401, 403, 404],
	async handle({ db, params, query, caller, url, today }) {
		const compiled = await withAccess(
			db,
			await resolve(db, { ...query, cycle: params.cycleCode }),
			caller,
			today,
		)
		const submissions = await compiledSubmissions(db, compiled)
		const after = decodeCursor(query.cursor, 1)?.[0]
		const rest = after === undefined ? submissions : submissions.filter((s) => s.partyCode > after)
		const meta = compiledMeta(compiled, submissions.length)
		const layout = () => compiledLayout(compiled.definition, compiled.lang, compiled.questionIds)
		const etag = weakEtag([
			compiled.cycle.id,
			compiled.status,
			compiled.questionIds,
			compiled.lang,
			query.format,
			after ?? null,
			query.format === 'json' ? query.limit : null,
			compiled.licence ?? null,
			depositaryRecordKey(compiled.depositaryRecord),
			submissionsKey(submissions),
		])
		if (query.format === 'ndjson') {
			return {
				kind: 'file',
				etag,
				respond: () =>
					streamResponse(
						ndjsonLines(meta, layout(), compiledReports(db, compiled, rest)),
						compiledContentType('ndjson'),
					),
			}
		}
		return {
			kind: 'lazy-json',
			etag,
			body: () =>
				builtPages.get(etag, async () => {
					const page = pageOf(
						rest.slice(0, query.limit + 1),
						query.limit,
						(s) => [s.partyCode],
						url,
					)
					const columns = layout()
					const data = []
					for await (const report of compiledReports(db, compiled, page.data)) {
						data.push(jsonReport(columns, report))
					}
					return { meta: jsonMeta(meta, columns), data, links: page.links }
				}),
		}
	},
})

/** A text stream of `chunks`, read as the client reads it. */
function streamResponse(chunks: AsyncGenerator<string>, contentType: string) {
	const encoder = new TextEncoder()
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next()
			if (next.done) controller.close()
			else controller.enqueue(encoder.encode(next.value))
		},
		async cancel() {
			await chunks.return(undefined)
		},
	})
	return new Response(body, { headers: { 'Content-Type': contentType } })
}

export const getCodebook = defineOperation({
	id: 'getCodebook',
	path: '/cycles/{cycleCode}/codebook',
	tag: 'Compiled data',
	summary: "The codebook of a cycle's data",
	description:
		'What every column of the compiled data holds (the `answers` table and one per table question): label, type, unit, code list and values in words, with the code lists and the conventions values are written with. Public: it describes the form, not anyone’s answers.',
	access: 'public',
	params: { cycleCode: Segment },
	query: { questions: QuestionsParam, lang: LangParam },
	response: { schema: CodebookSchema, description: 'The codebook' },
	problems: [400, 404],
	async handle({ db, params, query, today }) {
		const compiled = await resolve(db, { ...query, status: 'accepted', cycle: params.cycleCode })
		const layout = compiledLayout(compiled.definition, compiled.lang, compiled.questionIds)
		const published = await publishedFrom(db, compiled.cycle.id, today)
		return {
			kind: 'json',
			body: {
				cycle: compiled.cycle.code,
				form_id: compiled.definition.formId,
				form_version: compiled.definition.version,
				form_sha256: requireFormSha256(compiled.definition.formId, compiled.definition.version),
				language: compiled.lang,
				tables: [layout.answers, ...layout.tables].map((sheet) => ({
					name: sheet.name,
					question_id: sheet.questionId,
					label: sheet.label,
					columns: sheet.columns.map((column) => ({
						id: column.id,
						question_id: column.questionId,
						label: column.label,
						type: column.type,
						unit: column.unit,
						codes: column.codes,
						values: column.values,
					})),
				})),
				code_lists: layout.codeSheets.map((sheet) => ({
					name: sheet.name,
					codes: sheet.rows.map((row) => ({
						list: row.list,
						code: row.code,
						label: row.label,
						label_en: row.labelEn,
					})),
				})),
				conventions: VALUE_CONVENTIONS,
				licence: published ? openDataLicence() : null,
			},
		}
	},
})

/** The last open-data files built (XLSX and CSV take a worker and seconds), by their validator. */
const builtFiles = new Map<string, { bytes: Uint8Array; fileName: string; contentType: string }>()
const BUILT_FILES_KEPT = 8

function keepBuilt(
	etag: string,
	file: { bytes: Uint8Array; fileName: string; contentType: string },
) {
	builtFiles.delete(etag)
	builtFiles.set(etag, file)
	while (builtFiles.size > BUILT_FILES_KEPT) builtFiles.delete(builtFiles.keys().next().value!)
}

export const downloadOpenData = defineOperation({
	id: 'downloadOpenData',
	path: '/cycles/{cycleCode}/open-data',
	tag: 'Open data',
	summary: "A published cycle's data as a file",
	description:
		'The accepted submissions of a published cycle as a file to download: `csv` (a zip of UTF-8 CSV files: metadata with the licence, the codebook `columns`, `answers`, one file per table question and the code lists), `xlsx` (the same as sheets) or `json` (`{"meta": …, "reports": […]}`). Cycles that are not published are not found here.',
	access: 'public',
	params: { cycleCode: Segment },
	query: {
		format: z.enum(['csv', 'xlsx', 'json']).default('csv').describe('csv (zip), xlsx or json'),
		lang: LangParam,
	},
	response: {
		schema: OpenDataFileSchema,
		description: 'format=json: the whole data set',
		alternates: [
			{ mediaType: 'application/zip', description: 'format=csv: a zip of CSV files' },
			{
				mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				description: 'format=xlsx: a workbook',
			},
		],
	},
	problems: [400, 404],
	async handle({ db, params, query, today }) {
		const compiled = await resolve(db, { ...query, status: 'accepted', cycle: params.cycleCode })
		if (!(await publishedFrom(db, compiled.cycle.id, today))) {
			throw new ApiProblem('not-found', 'This cycle’s data are not published.')
		}
		const request = { ...compiled, licence: openDataLicence() }
		const submissions = await compiledSubmissions(db, request)
		const etag = weakEtag([
			request.cycle.id,
			request.lang,
			query.format,
			request.licence,
			submissionsKey(submissions),
		])
		const format = query.format
		return {
			kind: 'file',
			etag,
			respond: async () => {
				const now = new Date()
				if (format === 'json') {
					const meta = compiledMeta(request, submissions.length, now)
					const layout = compiledLayout(request.definition, request.lang, request.questionIds)
					const stream = streamResponse(
						jsonChunks(meta, layout, compiledReports(db, request, submissions)),
						compiledContentType('json'),
					)
					return downloadResponse(stream.body!, {
						fileName: compiledFileName(request, 'json', now),
						contentType: compiledContentType('json'),
					})
				}
				const file =
					builtFiles.get(etag) ?? (await buildCompiledInWorker(db, request, format, undefined, now))
				keepBuilt(etag, file)
				return downloadResponse(file.bytes, file)
			},
		}
	},
})

export const getOpenDataCatalogue = defineOperation({
	id: 'getOpenData',
	path: '/open-data',
	tag: 'Open data',
	summary: 'Published data sets',
	description:
		'Every published cycle with the number of accepted reports and the links to its files, its codebook and its form, and the licence they are offered under (chosen by the secretariat; CC BY 4.0 unless configured otherwise).',
	access: 'public',
	params: {},
	query: { lang: LangParam },
	response: { schema: OpenDataSchema, description: 'The catalogue' },
	problems: [400],
	async handle({ db, query, today }) {
		const publications = await listCyclePublications(db)
		const counts = await countCycleSubmissions(db)
		const cycles = (await listCycles(db)).filter((cycle) => {
			const from = publications.get(cycle.id)
			return from !== undefined && from <= today
		})
		return {
			kind: 'json',
			body: {
				licence: openDataLicence(),
				cycles: cycles.map((cycle) => {
					const path = `/cycles/${encodeURIComponent(cycle.code)}`
					return {
						cycle: cycle.code,
						title: nameIn(cycle.title, query.lang, cycle.code),
						convention: cycle.convention,
						published_from: publications.get(cycle.id)!,
						report_count: counts.get(cycle.id)?.accepted ?? 0,
						downloads: {
							csv: apiUrl(`${path}/open-data`, { format: 'csv' }),
							xlsx: apiUrl(`${path}/open-data`, { format: 'xlsx' }),
							json: apiUrl(`${path}/open-data`, { format: 'json' }),
							codebook: apiUrl(`${path}/codebook`),
							form: apiUrl(`/forms/${cycle.formId}/${cycle.formVersion}`),
						},
					}
				}),
			},
		}
	},
})
