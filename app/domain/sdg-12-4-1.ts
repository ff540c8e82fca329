import type { Convention } from '#db/types.ts'
import type { Region, Timeliness } from './dashboard.ts'
import { percentOf, type PublicReport } from './public-portal.ts'

/**
 * SDG indicator 12.4.1, "Number of parties to international multilateral environmental agreements
 * on hazardous waste, and other chemicals that meet their commitments and obligations in
 * transmitting information as required by each relevant agreement": its reporting part, computed
 * from this system's own data (issue 16).
 *
 * Sources (read on 4 December 2026):
 * - UN Statistics Division, SDG Indicators Metadata Repository, indicator 12.4.1 (custodian UNEP,
 *   metadata last updated 24 January 2023), as mirrored at
 *   https://worldbank.github.io/sdg-metadata/metadata/en/12-4-1 : per Party and convention, a
 *   percentage of the required information transmitted; the items are, for Basel, the designation
 *   of the focal point and competent authorities and the annual national reports; for Rotterdam,
 *   the designations and the import responses; for Stockholm, the designations, the national
 *   implementation plan and its revisions, and the national reports; for Minamata, the national
 *   focal point (5 points) and the national reports (15 points); and the Montreal Protocol.
 * - UNEP, World Environment Situation Room, "Indicator 12.4.1",
 *   https://wesr.unep.org/article/indicator-1241 : each reporting requirement is assigned points.
 *
 * What this system can compute is the national-report item of the conventions whose reports it
 * holds: a Party scores the item's points for a cycle when it submitted the report by the
 * deadline, nothing otherwise. Reconstructed (not stated in the sources consulted), and said so on
 * the page: that a report submitted after the deadline scores nothing; the points of the Basel and
 * Stockholm report items (the page gives the share of the item met, 0 or 100 %); that the Parties
 * scored are those bound by the convention on the deadline (Party-status release). The other
 * items (designations, implementation plans, import responses, the Montreal Protocol) are not in
 * this system and are not computed.
 */

export const SDG_12_4_1_SOURCES = [
	{
		key: 'metadata',
		url: 'https://worldbank.github.io/sdg-metadata/metadata/en/12-4-1',
	},
	{ key: 'unep', url: 'https://wesr.unep.org/article/indicator-1241' },
] as const

/** A report the indicator scores: its item's points out of the convention's total, when known. */
export type ScoredForm = {
	formId: string
	convention: Convention
	/** Points of the national-report item, and of all the convention's items; null: not published. */
	points: { item: number; of: number } | null
}

/** The reports this system holds that 12.4.1 scores, by form. */
export const SCORED_FORMS: readonly ScoredForm[] = [
	{ formId: 'stockholm-art15', convention: 'stockholm', points: null },
	{ formId: 'basel-art13', convention: 'basel', points: null },
	{ formId: 'minamata-art21', convention: 'minamata', points: { item: 15, of: 20 } },
]

/**
 * The reports this system holds that 12.4.1 does not score, and why (the reason is a key of the
 * page's texts): the DDT questionnaire is asked only of Parties that produce or use DDT; the
 * Rotterdam item is the import responses, not a questionnaire.
 */
export const NOT_SCORED_FORMS: Readonly<Record<string, 'ddt' | 'rotterdam'>> = {
	ddt: 'ddt',
	'rotterdam-report': 'rotterdam',
}

export function scoredForm(formId: string): ScoredForm | undefined {
	return SCORED_FORMS.find((form) => form.formId === formId)
}

/** Share of the report item met: 100 by the deadline, 0 after it or never, null while not due. */
export function reportItemScore(timeliness: Timeliness): number | null {
	if (timeliness === 'on_time') return 100
	if (timeliness === 'pending') return null
	return 0
}

export type ScoredCycle = {
	code: string
	title: string
	convention: Convention
	deadline: string
	points: ScoredForm['points']
	/** Parties asked to report whose deadline has passed. */
	scored: number
	/** Of them, those that submitted by the deadline: the cycle's value of the indicator. */
	met: number
	/** `met` as a share of `scored`, in %. */
	share: number | null
}

export type PartyScores = {
	code: string
	name: string
	region: Region
	/** Per scored cycle, in the order of `cycles`: the score, null while not due, undefined: not asked. */
	scores: (number | null | undefined)[]
	/** The mean of its scores over the cycles due; null when none is. */
	average: number | null
}

export type SdgIndicator = { cycles: ScoredCycle[]; parties: PartyScores[] }

/**
 * The indicator over the published cycles of scored forms (`cycles` in display order, each with
 * its public reports), per cycle and per Party.
 */
export function sdgIndicator(
	cycles: readonly {
		cycle: { code: string; title: string; convention: Convention; deadline: string; formId: string }
		reports: readonly PublicReport[]
	}[],
	language: string,
): SdgIndicator {
	const scoredCycles = cycles.filter(({ cycle }) => scoredForm(cycle.formId))
	const parties = new Map<string, PartyScores>()
	const summaries = scoredCycles.map(({ cycle, reports }, index): ScoredCycle => {
		let scored = 0
		let met = 0
		for (const report of reports) {
			const score = reportItemScore(report.timeliness)
			if (score !== null) {
				scored++
				if (score === 100) met++
			}
			let party = parties.get(report.partyCode)
			if (!party) {
				party = {
					code: report.partyCode,
					name: report.name,
					region: report.region,
					scores: scoredCycles.map(() => undefined),
					average: null,
				}
				parties.set(report.partyCode, party)
			}
			party.scores[index] = score
		}
		return {
			code: cycle.code,
			title: cycle.title,
			convention: cycle.convention,
			deadline: cycle.deadline,
			points: scoredForm(cycle.formId)!.points,
			scored,
			met,
			share: percentOf(met, scored),
		}
	})
	for (const party of parties.values()) {
		const due = party.scores.filter((score): score is number => typeof score === 'number')
		party.average =
			due.length === 0 ? null : Math.round((due.reduce((a, b) => a + b, 0) / due.length) * 10) / 10
	}
	return {
		cycles: summaries,
		parties: [...parties.values()].sort((a, b) => a.name.localeCompare(b.name, language)),
	}
}
