import type { DbHandle } from '#db/queries/handle.ts'
import { findParty, listConventionStatus } from '#db/queries/parties.ts'
import type { PublishedCycle } from '#db/queries/publication.ts'
import {
	acceptedSubmissions,
	findAcceptedSubmission,
	publicReportRows,
	submissionAnswers,
	type AcceptedSubmission,
} from '#db/queries/public-reports.ts'
import { CONVENTIONS } from '#db/types.ts'
import { timingCalendar } from '#forms/commonality.ts'
import type { DepositaryRecord } from '#forms/codelists/index.ts'
import { PARTY_STATUS_RELEASE } from '#forms/codelists/party-status.ts'
import { askedAnswers } from '#forms/engine/asked.ts'
import { getFormDefinition, latestVersion, listFormDefinitions } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { ReportDocument } from '#exports/report-document.ts'
import { localizedText, type Language } from '../utils/i18n.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'
import { worldMapOf } from './dashboard.server.ts'
import { keyFigures, type KeyFigure } from './key-figures.ts'
import { publicCycles } from './publication.server.ts'
import { cycleRates, cycleReports, timelinessCounts, type PublicReport } from './public-portal.ts'
import { formContextFor, loadReportContext } from './report-context.server.ts'
import { loadReportDocument } from './report-exports.server.ts'
import { sdgIndicator } from './sdg-12-4-1.ts'

/**
 * The public portal's pages, loaded (issue 16): only cycles published on `today`
 * (`publication.server.ts`), only what `public-portal.ts` lets through of their reports, and of
 * an accepted report its accepted submission (never a working copy or another submission).
 */

type PageInput = { today: string; language: Language }

/** A published cycle as the pages name it. */
export type PublicCycle = {
	code: string
	title: string
	convention: PublishedCycle['convention']
	formId: string
	periodStart: string
	periodEnd: string
	deadline: string
}

function toPublicCycle(cycle: PublishedCycle, language: Language): PublicCycle {
	return {
		code: cycle.code,
		title: localizedText(cycle.title, language, cycle.code),
		convention: cycle.convention,
		formId: cycle.formId,
		periodStart: cycle.periodStart,
		periodEnd: cycle.periodEnd,
		deadline: cycle.deadline,
	}
}

/** The reports of each published cycle, oldest deadline first. */
async function reportsByCycle(db: DbHandle, input: PageInput) {
	const cycles = (await publicCycles(db, input.today)).reverse()
	const rows = await publicReportRows(
		db,
		cycles.map((cycle) => cycle.id),
	)
	return cycles.map((cycle) => ({
		cycle,
		reports: cycleReports(rows, cycle, input),
	}))
}

/** One cycle's map, counts and table of Parties. */
function cycleStatus(cycle: PublishedCycle, reports: PublicReport[], language: Language) {
	return {
		cycle: toPublicCycle(cycle, language),
		reports,
		counts: timelinessCounts(reports),
		map: worldMapOf(
			reports.map((report) => ({
				m49: report.m49,
				status: report.timeliness,
				name: report.name,
			})),
		),
	}
}

/**
 * The cross-convention reporting calendar (`timingCalendar`): the published cycles, the other
 * form versions' own deadlines and the cycles projected from each form's cadence, with each
 * form's title in `language`. Cycles not published appear only as their form version's deadline.
 */
function publicCalendar(cycles: readonly PublishedCycle[], language: Language) {
	const definitions = listFormDefinitions()
	const titles = new Map(
		definitions.flatMap((definition) =>
			latestVersion(definition.formId) === definition.version
				? [[definition.formId, formText(definition, language).title()]]
				: [],
		),
	)
	return timingCalendar(definitions, cycles).map((entry) => ({
		...entry,
		formTitle: titles.get(entry.formId) ?? entry.formId,
	}))
}

/**
 * The overview: the published cycles, one cycle's status (`cycleCode` when it is published, else
 * the latest cycle whose deadline has passed, else the latest), submission rates by regional group
 * over the cycles, and the reporting calendar.
 */
export async function loadOverview(db: DbHandle, input: PageInput & { cycleCode?: string }) {
	const all = await reportsByCycle(db, input)
	const chosen =
		all.find(({ cycle }) => cycle.code === input.cycleCode) ??
		[...all].reverse().find(({ cycle }) => cycle.deadline < input.today) ??
		all.at(-1)
	return {
		cycles: all.map(({ cycle }) => toPublicCycle(cycle, input.language)),
		selected: chosen ? cycleStatus(chosen.cycle, chosen.reports, input.language) : null,
		rates: all.map(({ cycle, reports }) => cycleRates(cycle.code, reports)),
		calendar: publicCalendar(
			all.map(({ cycle }) => cycle),
			input.language,
		),
	}
}

/** A published cycle's page; undefined when no cycle of that code is public. */
export async function loadPublicCycle(db: DbHandle, code: string, input: PageInput) {
	const all = await reportsByCycle(db, input)
	const found = all.find(({ cycle }) => cycle.code === code)
	if (!found) return undefined
	return {
		...cycleStatus(found.cycle, found.reports, input.language),
		rates: cycleRates(found.cycle.code, found.reports),
	}
}

/** The SDG 12.4.1 page: the indicator's reporting part over the published cycles. */
export async function loadSdgIndicator(db: DbHandle, input: PageInput) {
	const all = await reportsByCycle(db, input)
	return sdgIndicator(
		all.map(({ cycle, reports }) => ({
			cycle: { ...toPublicCycle(cycle, input.language), formId: cycle.formId },
			reports,
		})),
		input.language,
	)
}

/** The Party's standing under each convention, from the Party-status release (and admins). */
async function conventionStatuses(db: DbHandle, partyCode: string) {
	const rows = await listConventionStatus(db, partyCode)
	return CONVENTIONS.map((convention) => {
		const row = rows.find((r) => r.convention === convention)
		return {
			convention,
			status: row?.status ?? 'non_party',
			signedOn: row?.signedOn ?? null,
			consentedOn: row?.consentedOn ?? null,
			instrument: row?.instrument ?? null,
			inForceOn: row?.inForceOn ?? null,
			/** Entered by an administrator rather than read from the release. */
			enteredByAdministrator: row !== undefined && row.release === null,
		}
	})
}

/** The Party's entries in the depositary record of the Stockholm amendments (Art. 25(4), 22). */
function depositaryEntries(record: DepositaryRecord, partyCode: string) {
	return record.events.flatMap((event) =>
		event.kind !== 'communication' && event.partyCode === partyCode
			? [
					{
						kind: event.kind,
						amendment: 'amendment' in event ? event.amendment : null,
						date: event.date,
						verified: event.verified,
					},
				]
			: [],
	)
}

/**
 * Key figures of accepted submissions, by submission, language and depositary record: computed
 * once per process (a submission never changes), at most `FIGURES_CACHED` of them kept.
 */
const figuresCache = new Map<string, KeyFigure[]>()
const FIGURES_CACHED = 500

async function cachedFigures(key: string, compute: () => Promise<KeyFigure[]>) {
	const hit = figuresCache.get(key)
	if (hit) return hit
	const figures = await compute()
	if (figuresCache.size >= FIGURES_CACHED)
		figuresCache.delete(figuresCache.keys().next().value as string)
	figuresCache.set(key, figures)
	return figures
}

/**
 * The key figures of the Party's latest accepted report to each form, in published cycles: read
 * from the accepted submission as its readers see it (hidden answers left out).
 */
async function latestKeyFigures(
	db: DbHandle,
	partyCode: string,
	cycles: readonly PublishedCycle[],
	input: { language: Language; record: DepositaryRecord },
) {
	const byId = new Map(cycles.map((cycle) => [cycle.id, cycle]))
	const submissions = await acceptedSubmissions(db, [...byId.keys()], { partyCode })
	const latestPerForm = new Map<string, AcceptedSubmission>()
	for (const submission of submissions) {
		const cycle = byId.get(submission.cycleId)!
		const current = latestPerForm.get(submission.formId)
		if (!current || byId.get(current.cycleId)!.periodEnd < cycle.periodEnd)
			latestPerForm.set(submission.formId, submission)
	}
	const reports = await Promise.all(
		[...latestPerForm.values()].map(async (submission) => {
			const cycle = byId.get(submission.cycleId)!
			const definition = getFormDefinition(submission.formId, submission.formVersion)
			if (!definition) return undefined
			const key = `${submission.submissionId}:${input.language}:${input.record.version}`
			const figures = await cachedFigures(key, async () => {
				const answers = askedAnswers(
					definition,
					await submissionAnswers(db, submission.submissionId),
					formContextFor(partyCode, cycle, input.record),
				)
				return keyFigures(definition, answers, cycle, input.language)
			})
			return figures.length === 0
				? undefined
				: { cycle: toPublicCycle(cycle, input.language), figures }
		}),
	)
	return reports.filter((report) => report !== undefined)
}

/** A Party's public profile; undefined for a code that names no Party. */
export async function loadPartyProfile(db: DbHandle, partyCode: string, input: PageInput) {
	const party = await findParty(db, partyCode)
	if (!party || party.code !== partyCode) return undefined
	const [cycles, record] = await Promise.all([
		publicCycles(db, input.today),
		loadDepositaryRecord(db),
	])
	const rows = await publicReportRows(
		db,
		cycles.map((cycle) => cycle.id),
		{ partyCode },
	)
	const reports = cycles.flatMap((cycle) => {
		const [row] = cycleReports(rows, cycle, input)
		return row ? [{ cycle: toPublicCycle(cycle, input.language), report: row }] : []
	})
	return {
		party: {
			code: party.code,
			name: localizedText(party.names, input.language, party.code),
			region: party.regionalGroup ?? ('none' as const),
		},
		statuses: await conventionStatuses(db, party.code),
		statusRelease: {
			version: PARTY_STATUS_RELEASE.version,
			statusAsOf: PARTY_STATUS_RELEASE.statusAsOf,
		},
		depositary: depositaryEntries(record, party.code),
		reports,
		keyFigures: await latestKeyFigures(db, party.code, cycles, {
			language: input.language,
			record,
		}),
	}
}

/**
 * The document of a Party's accepted report to a published cycle, as the PDF builder takes it: the
 * accepted submission only. Undefined when the cycle is not public or has no accepted report of
 * the Party.
 */
export async function publicReportDocument(
	db: DbHandle,
	partyCode: string,
	cycleCode: string,
	input: PageInput,
): Promise<(ReportDocument & { sha256: string }) | undefined> {
	const cycle = (await publicCycles(db, input.today)).find((c) => c.code === cycleCode)
	if (!cycle) return undefined
	const accepted = await findAcceptedSubmission(db, partyCode, cycle.id)
	if (!accepted) return undefined
	const context = await loadReportContext(db, accepted.reportId)
	if (!context) return undefined
	const doc = await loadReportDocument(db, context, {
		lang: input.language,
		submissionNumber: accepted.number,
	})
	if (!doc?.meta.sha256 || doc.meta.status !== 'accepted') return undefined
	return { ...doc, sha256: doc.meta.sha256 }
}
