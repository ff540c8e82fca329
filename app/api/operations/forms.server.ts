import { z } from 'zod'
import { codeListFor, listCodeLists, type CodeList } from '#forms/codelists/index.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import { listConcepts } from '#forms/concepts.ts'
import { FROZEN_FORMS } from '#forms/published/index.ts'
import { getFormTexts } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import { apiUrl, LangParam, Segment } from '../common.server.ts'
import { defineOperation } from '../operation.server.ts'
import { pageOfList, PageParams } from '../pagination.server.ts'
import { ApiProblem } from '../problem.server.ts'
import {
	CodeListPage,
	CodeListSchema,
	ConceptPage,
	FormVersionPage,
	FormVersionSchema,
} from '../schemas.ts'

const formKey = (formId: string, version: number) => `${formId}@${String(version).padStart(4, '0')}`

function findFrozen(formId: string, version: number) {
	return FROZEN_FORMS.find((frozen) => frozen.formId === formId && frozen.version === version)
}

export const listForms = defineOperation({
	id: 'listForms',
	path: '/forms',
	tag: 'Forms',
	summary: 'Form versions',
	description:
		'Every form version the system serves (published, and drafts still open to change), with the SHA-256 of its frozen content.',
	access: 'public',
	params: {},
	query: { ...PageParams, lang: LangParam },
	response: { schema: FormVersionPage, description: 'A page of form versions' },
	problems: [400],
	async handle({ query, url }) {
		const page = pageOfList(
			FROZEN_FORMS,
			query,
			(frozen) => formKey(frozen.formId, frozen.version),
			url,
		)
		return {
			kind: 'json',
			body: {
				...page,
				data: page.data.map((frozen) => {
					const definition = frozen.content.definition
					return {
						form_id: frozen.formId,
						version: frozen.version,
						status: frozen.status,
						sha256: frozen.sha256,
						convention: definition.convention,
						title: formText(definition, query.lang).title(),
						languages: definition.languages,
						variants: (definition.variants ?? []).map((variant) => variant.id),
						links: { self: apiUrl(`/forms/${frozen.formId}/${frozen.version}`) },
					}
				}),
			},
		}
	},
})

export const getForm = defineOperation({
	id: 'getForm',
	path: '/forms/{formId}/{version}',
	tag: 'Forms',
	summary: 'A form version',
	description:
		'The frozen content of a form version exactly as hashed (definition and the code-list releases it pins), and its texts in a language.',
	access: 'public',
	params: { formId: Segment, version: z.coerce.number().int().positive() },
	query: { lang: LangParam },
	response: { schema: FormVersionSchema, description: 'The form version' },
	problems: [400, 404],
	async handle({ params, query }) {
		const frozen = findFrozen(params.formId, params.version)
		if (!frozen) throw new ApiProblem('not-found', 'There is no such form version.')
		return {
			kind: 'json',
			body: {
				form_id: frozen.formId,
				version: frozen.version,
				status: frozen.status,
				sha256: frozen.sha256,
				content: frozen.content,
				language: query.lang,
				texts: getFormTexts(frozen.formId, query.lang) ?? getFormTexts(frozen.formId, 'en') ?? {},
			},
		}
	},
})

export const listCodeListsOperation = defineOperation({
	id: 'listCodeLists',
	path: '/code-lists',
	tag: 'Forms',
	summary: 'Code lists',
	description:
		'The current release of every code list (chemicals, countries, units, annex lists…).',
	access: 'public',
	params: {},
	query: { ...PageParams },
	response: { schema: CodeListPage, description: 'A page of code lists' },
	problems: [400],
	async handle({ query, url }) {
		const page = pageOfList(listCodeLists(), query, (list) => list.id, url)
		return {
			kind: 'json',
			body: {
				...page,
				data: page.data.map((list) => ({
					id: list.id,
					version: list.version,
					date: list.date,
					source: list.source,
					entry_count: list.entries.length,
					links: { self: apiUrl(`/code-lists/${list.id}`) },
				})),
			},
		}
	},
})

function codeListBody(list: CodeList, lang: Language) {
	return {
		id: list.id,
		version: list.version,
		date: list.date,
		source: list.source,
		language: lang,
		entries: list.entries.map((entry) => ({
			...entry,
			label: codeLabel(list.id, entry.code, lang),
		})),
	}
}

export const getCodeList = defineOperation({
	id: 'getCodeList',
	path: '/code-lists/{listId}',
	tag: 'Forms',
	summary: 'A code list',
	description:
		'A code list with every entry: its code, labels and metadata. `version` asks for an earlier release a form version pins.',
	access: 'public',
	params: { listId: Segment },
	query: {
		lang: LangParam,
		version: z.string().max(200).optional().describe('a release (default: the current one)'),
	},
	response: { schema: CodeListSchema, description: 'The code list' },
	problems: [400, 404],
	async handle({ params, query }) {
		const list = codeListFor(
			params.listId,
			query.version ? { [params.listId]: query.version } : undefined,
		)
		if (!list || (query.version !== undefined && list.version !== query.version)) {
			throw new ApiProblem('not-found', 'There is no such code list or release.')
		}
		return { kind: 'json', body: codeListBody(list, query.lang) }
	},
})

export const listConceptsOperation = defineOperation({
	id: 'listConcepts',
	path: '/concepts',
	tag: 'Forms',
	summary: 'Concepts',
	description:
		'The concept registry: what questions of different conventions ask in common (docs/decisions/014).',
	access: 'public',
	params: {},
	query: { ...PageParams },
	response: { schema: ConceptPage, description: 'A page of concepts' },
	problems: [400],
	async handle({ query, url }) {
		const page = pageOfList(listConcepts(), query, (concept) => concept.id, url)
		return {
			kind: 'json',
			body: {
				...page,
				data: page.data.map((concept) => ({
					id: concept.id,
					description: concept.description,
					group: concept.group,
					dimension: concept.dimension,
					classification: concept.classification,
					period: concept.period,
					reuse: concept.reuse,
					conversion: concept.conversion
						? {
								canonical_unit: concept.conversion.canonicalUnit ?? null,
								aggregation: concept.conversion.aggregation,
							}
						: null,
					added_here: concept.addedHere === true,
				})),
			},
		}
	},
})
