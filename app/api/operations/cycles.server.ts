import { z } from 'zod'
import { listCyclePublications } from '#db/queries/api-reports.ts'
import { findCycleByCode, listCycles, type ReportingCycle } from '#db/queries/cycles.ts'
import {
	findParty,
	listConventionStatus,
	listParties,
	type ConventionStatusRow,
	type Party,
} from '#db/queries/parties.ts'
import type { Language } from '#forms/types.ts'
import { CONVENTIONS } from '#forms/vocabulary.ts'
import { apiUrl, LangParam, nameIn, Segment } from '../common.server.ts'
import { defineOperation } from '../operation.server.ts'
import { pageOfList, PageParams } from '../pagination.server.ts'
import { ApiProblem } from '../problem.server.ts'
import { CyclePage, CycleSchema, PartyPage, PartySchema } from '../schemas.ts'

function cycleBody(
	cycle: ReportingCycle,
	publishedFrom: string | undefined,
	today: string,
	lang: Language,
) {
	const published = publishedFrom !== undefined && publishedFrom <= today
	const path = `/cycles/${encodeURIComponent(cycle.code)}`
	return {
		code: cycle.code,
		convention: cycle.convention,
		form_id: cycle.formId,
		form_version: cycle.formVersion,
		form_variant: cycle.formVariant,
		title: nameIn(cycle.title, lang, cycle.code),
		titles: cycle.title,
		period_start: cycle.periodStart,
		period_end: cycle.periodEnd,
		opens_on: cycle.opensOn,
		deadline: cycle.deadline,
		published,
		published_from: publishedFrom ?? null,
		links: {
			self: apiUrl(path),
			form: apiUrl(`/forms/${cycle.formId}/${cycle.formVersion}`),
			data: apiUrl(`${path}/data`),
			codebook: apiUrl(`${path}/codebook`),
			open_data: published ? apiUrl(`${path}/open-data`) : null,
		},
	}
}

export const listCyclesOperation = defineOperation({
	id: 'listCycles',
	path: '/cycles',
	tag: 'Cycles and Parties',
	summary: 'Reporting cycles',
	description:
		'Every reporting cycle: its form, period, deadline and whether the secretariat published its accepted reports.',
	access: 'public',
	params: {},
	query: {
		...PageParams,
		lang: LangParam,
		convention: z.enum(CONVENTIONS).optional().describe('only the cycles of this convention'),
		published: z
			.enum(['true', 'false'])
			.optional()
			.describe('only published (true) or unpublished (false) cycles'),
	},
	response: { schema: CyclePage, description: 'A page of cycles' },
	problems: [400],
	async handle({ db, query, url, today }) {
		const publications = await listCyclePublications(db)
		const cycles = (await listCycles(db))
			.map((cycle) => cycleBody(cycle, publications.get(cycle.id), today, query.lang))
			.filter((cycle) => !query.convention || cycle.convention === query.convention)
			.filter((cycle) => !query.published || String(cycle.published) === query.published)
		return { kind: 'json', body: pageOfList(cycles, query, (cycle) => cycle.code, url) }
	},
})

export const getCycle = defineOperation({
	id: 'getCycle',
	path: '/cycles/{cycleCode}',
	tag: 'Cycles and Parties',
	summary: 'A reporting cycle',
	description: 'A reporting cycle, by its code (e.g. `sc-art15-6`).',
	access: 'public',
	params: { cycleCode: Segment },
	query: { lang: LangParam },
	response: { schema: CycleSchema, description: 'The cycle' },
	problems: [400, 404],
	async handle({ db, params, query, today }) {
		const cycle = await findCycleByCode(db, params.cycleCode)
		if (!cycle) throw new ApiProblem('not-found', 'There is no such cycle.')
		const publications = await listCyclePublications(db)
		return { kind: 'json', body: cycleBody(cycle, publications.get(cycle.id), today, query.lang) }
	},
})

function partyBody(party: Party, standings: ConventionStatusRow[], lang: Language) {
	return {
		code: party.code,
		alpha2: party.alpha2,
		m49: party.m49,
		name: nameIn(party.names, lang, party.code),
		names: party.names,
		regional_group: party.regionalGroup,
		conventions: standings.map((row) => ({
			convention: row.convention,
			status: row.status,
			signed_on: row.signedOn,
			consented_on: row.consentedOn,
			instrument: row.instrument,
			in_force_on: row.inForceOn,
		})),
		links: {
			self: apiUrl(`/parties/${party.code}`),
			reports: apiUrl('/reports', { party: party.code }),
		},
	}
}

function groupByParty(rows: ConventionStatusRow[]) {
	const byParty = new Map<string, ConventionStatusRow[]>()
	for (const row of rows) byParty.set(row.partyCode, [...(byParty.get(row.partyCode) ?? []), row])
	return byParty
}

export const listPartiesOperation = defineOperation({
	id: 'listParties',
	path: '/parties',
	tag: 'Cycles and Parties',
	summary: 'Parties',
	description:
		'Countries and regional economic integration organizations, with their standing under each convention (from the depositary record).',
	access: 'public',
	params: {},
	query: { ...PageParams, lang: LangParam },
	response: { schema: PartyPage, description: 'A page of Parties, by code' },
	problems: [400],
	async handle({ db, query, url }) {
		const page = pageOfList(await listParties(db), query, (party) => party.code, url)
		const standings = groupByParty(await listConventionStatus(db))
		return {
			kind: 'json',
			body: {
				...page,
				data: page.data.map((party) =>
					partyBody(party, standings.get(party.code) ?? [], query.lang),
				),
			},
		}
	},
})

export const getParty = defineOperation({
	id: 'getParty',
	path: '/parties/{partyCode}',
	tag: 'Cycles and Parties',
	summary: 'A Party',
	description: 'A Party, by its ISO 3166-1 alpha-3 code, with its standing under each convention.',
	access: 'public',
	params: { partyCode: z.string().regex(/^[A-Z]{3}$/) },
	query: { lang: LangParam },
	response: { schema: PartySchema, description: 'The Party' },
	problems: [400, 404],
	async handle({ db, params, query }) {
		const party = await findParty(db, params.partyCode)
		if (!party) throw new ApiProblem('not-found', 'There is no such Party.')
		return {
			kind: 'json',
			body: partyBody(party, await listConventionStatus(db, party.code), query.lang),
		}
	},
})
