import type { Kysely } from 'kysely'
import { applyWorkflowAction, type WorkflowActor } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import type { WorkflowAction } from '#app/domain/workflow.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import {
	art15V5Context,
	art15V6Context,
	baselContext,
	buildCompleteArt15V5Answers,
	buildCompleteArt15V6Answers,
	buildCompleteBaselAnswers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import { buildCompleteMinamataAnswers, minamataContext } from '#forms/fixtures/minamata.ts'
import { buildCompleteRotterdamAnswers, rotterdamContext } from '#forms/fixtures/rotterdam.ts'
import { isTableAnswer } from '#forms/engine/values.ts'
import type { Answers } from '#forms/types.ts'
import {
	findCycleByCode,
	upsertCycleByCode,
	type CycleInput,
	type ReportingCycle,
} from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import {
	dateReportInThePast,
	findReportForCycle,
	loadAnswerValues,
	writeRevision,
} from '#db/queries/reports.ts'
import { findUserByEmail, insertUser } from '#db/queries/users.ts'
import type { Database, ReportStatus } from '#db/types.ts'
import { jsonb } from '#db/json.ts'
import { DEMO_PASSWORD } from './accounts.ts'
import { withStoredFiles } from './files.ts'
import { seedDemoPublications } from './publication.ts'

/**
 * DEMO DATA, not official: fictitious reports so that the review queue, the dashboard and the
 * "start from the previous report" flow have something to show. The answers come from the
 * test builders (illustrative figures).
 *
 * Across conventions, Kenya and India have submitted Basel and Minamata reports beside their
 * Stockholm ones, so "report once" has answers to offer (their focal points, contacts, Kenya's
 * legal measures) and the commonality analysis has Parties to compare. Kenya's Minamata report is
 * the 2023 short report, so that its 2025 full report is still to start. The DDT questionnaires of
 * India, South Africa and Kenya give DDT production figures that disagree with their Article 15
 * statistics: deliberate inconsistencies to find. India's 6th report is still a draft, so its
 * checks page shows the difference; South Africa's and Kenya's (its 5th report, 2018–2021, and
 * its DDT questionnaire for 2021–2023 give different figures for 2021) are submitted, so the
 * analysis lists them. Australia withholds its export figures of one
 * chemical as confidential, which the public portal counts and never shows.
 */
type DemoCycle =
	| 'sc-art15-5'
	| 'sc-art15-6'
	| 'sc-ddt-2021-2023'
	| 'sc-ddt-2024-2026'
	| 'bc-art13-2025'
	| 'rc-report-2025'
	| 'mc-art21-short-2023'
	| 'mc-art21-full-2025'

/**
 * Past cycles only the demo's reports answer (the reference data holds the cycles Parties report
 * in now): the DDT questionnaire on 2021–2023, due June 2024, and the Minamata short report due
 * 31 December 2023 (forms-content §2.2 and §5; the opening dates and the DDT deadline's day are
 * reconstructed).
 */
export const DEMO_PAST_CYCLES: CycleInput[] = [
	{
		code: 'sc-ddt-2021-2023',
		convention: 'stockholm',
		formId: 'ddt',
		formVersion: 1,
		title: {
			en: 'DDT questionnaire, 2021–2023',
			fr: 'Questionnaire sur le DDT, 2021-2023',
			es: 'Cuestionario sobre el DDT, 2021-2023',
			ru: 'Вопросник по ДДТ, 2021–2023 годы',
			zh: '滴滴涕问卷，2021–2023年',
			ar: 'الاستبيان المتعلق بمادة الـ دي دي تي، 2021–2023',
		},
		periodStart: '2021-01-01',
		periodEnd: '2023-12-31',
		opensOn: '2024-01-15',
		deadline: '2024-06-30',
	},
	{
		code: 'mc-art21-short-2023',
		convention: 'minamata',
		formId: 'minamata-art21',
		formVersion: 1,
		formVariant: 'short',
		title: {
			en: 'Minamata Convention national report (Art. 21), short report 2023',
			fr: 'Rapport national au titre de la Convention de Minamata (art. 21), rapport abrégé 2023',
			es: 'Informe nacional en virtud del Convenio de Minamata (art. 21), informe abreviado 2023',
			ru: 'Национальный доклад согласно Минаматской конвенции (статья 21), краткий доклад за 2023 год',
			zh: '《水俣公约》国家报告（第21条），2023年简要报告',
			ar: 'التقرير الوطني بموجب اتفاقية ميناماتا (المادة 21)، التقرير المختصر لعام 2023',
		},
		periodStart: '2021-01-01',
		periodEnd: '2022-12-31',
		opensOn: '2023-03-01',
		deadline: '2023-12-31',
	},
]

type DemoReport = {
	party: string
	cycle: DemoCycle
	status: ReportStatus
	submittedOn?: string
	/** The Party marks its Article 15 exports of the first chemical confidential. */
	confidentialExports?: true
}

export const DEMO_REPORTS: DemoReport[] = [
	{ party: 'KEN', cycle: 'sc-art15-5', status: 'accepted', submittedOn: '2022-08-15' },
	{ party: 'IND', cycle: 'sc-art15-6', status: 'draft' },
	{
		party: 'AUS',
		cycle: 'sc-art15-6',
		status: 'accepted',
		submittedOn: '2026-05-10',
		confidentialExports: true,
	},
	{ party: 'BRA', cycle: 'sc-art15-6', status: 'accepted', submittedOn: '2026-07-15' },
	{ party: 'ZAF', cycle: 'sc-art15-6', status: 'accepted', submittedOn: '2026-08-20' },
	{ party: 'DEU', cycle: 'sc-art15-6', status: 'accepted', submittedOn: '2026-08-30' },
	{ party: 'FRA', cycle: 'sc-art15-6', status: 'accepted', submittedOn: '2026-08-31' },
	{ party: 'JPN', cycle: 'sc-art15-6', status: 'under_review', submittedOn: '2026-06-30' },
	{ party: 'CHL', cycle: 'sc-art15-6', status: 'under_review', submittedOn: '2026-08-29' },
	{ party: 'POL', cycle: 'sc-art15-6', status: 'returned', submittedOn: '2026-08-25' },
	{ party: 'MEX', cycle: 'sc-art15-6', status: 'submitted', submittedOn: '2026-09-15' },
	{ party: 'NGA', cycle: 'sc-art15-6', status: 'submitted', submittedOn: '2026-09-30' },
	{ party: 'EGY', cycle: 'sc-art15-6', status: 'submitted', submittedOn: '2026-10-02' },
	{ party: 'VNM', cycle: 'sc-art15-6', status: 'submitted', submittedOn: '2026-11-02' },
	{ party: 'KEN', cycle: 'bc-art13-2025', status: 'accepted', submittedOn: '2026-10-15' },
	{ party: 'KEN', cycle: 'mc-art21-short-2023', status: 'accepted', submittedOn: '2023-12-15' },
	{ party: 'KEN', cycle: 'sc-ddt-2021-2023', status: 'accepted', submittedOn: '2024-06-20' },
	{ party: 'IND', cycle: 'bc-art13-2025', status: 'accepted', submittedOn: '2026-11-10' },
	{ party: 'IND', cycle: 'mc-art21-full-2025', status: 'submitted', submittedOn: '2025-12-30' },
	{ party: 'IND', cycle: 'rc-report-2025', status: 'submitted', submittedOn: '2026-06-30' },
	{ party: 'IND', cycle: 'sc-ddt-2024-2026', status: 'submitted', submittedOn: '2026-11-20' },
	{ party: 'ZAF', cycle: 'sc-ddt-2024-2026', status: 'under_review', submittedOn: '2026-11-25' },
]

async function demoContactPoint(db: DbHandle, partyCode: string, passwordHash: string) {
	const email = `ocp.${partyCode.toLowerCase()}@demo.example.org`
	const existing = await findUserByEmail(db, email)
	if (existing) return existing.id
	return insertUser(db, {
		email,
		name: `Demo contact point ${partyCode}`,
		passwordHash,
		roles: ['contact_point'],
		partyCodes: [partyCode],
	})
}

/**
 * The builders' trade rows name a few fixed partner countries; a Party never trades with itself,
 * so where a row names the reporting Party, the demo names Switzerland instead.
 */
function withOtherPartners(answers: Answers, party: string): Answers {
	const out: Answers = {}
	for (const [questionId, value] of Object.entries(answers)) {
		out[questionId] = isTableAnswer(value)
			? {
					rows: value.rows.map((row) => ({
						...row,
						cells: Object.fromEntries(
							Object.entries(row.cells).map(([column, cell]) => [
								column,
								cell === party ? 'CHE' : cell,
							]),
						),
					})),
				}
			: value
	}
	return out
}

/** The country's answers (illustrative figures from the test builders). */
const ANSWERS: Record<DemoCycle, (party: string) => Answers> = {
	'sc-art15-5': (party) => buildCompleteArt15V5Answers(art15V5Context(party)),
	'sc-art15-6': (party) => buildCompleteArt15V6Answers(art15V6Context(party)),
	'sc-ddt-2021-2023': (party) =>
		buildCompleteDdtAnswers({
			...ddtContext(party),
			periodStart: '2021-01-01',
			periodEnd: '2023-12-31',
		}),
	'sc-ddt-2024-2026': (party) => buildCompleteDdtAnswers(ddtContext(party)),
	'bc-art13-2025': (party) =>
		withOtherPartners(buildCompleteBaselAnswers(baselContext(party, 2025)), party),
	'rc-report-2025': (party) =>
		withOtherPartners(buildCompleteRotterdamAnswers(rotterdamContext(party, 2025)), party),
	'mc-art21-short-2023': (party) =>
		buildCompleteMinamataAnswers(
			minamataContext(party, 'short', { startYear: 2021, endYear: 2022 }),
		),
	'mc-art21-full-2025': (party) =>
		buildCompleteMinamataAnswers(
			minamataContext(party, 'full', { startYear: 2021, endYear: 2024 }),
		),
}

export function answersFor(demo: DemoReport): Answers {
	const answers = ANSWERS[demo.cycle](demo.party)
	return demo.confidentialExports ? withConfidentialExports(answers) : answers
}

/**
 * The exports of the first chemical the Article 15 statistics give exports for, every year, marked
 * confidential.
 */
function withConfidentialExports(answers: Answers): Answers {
	const table = answers.b3_statistics
	if (!isTableAnswer(table)) return answers
	const exported = table.rows.find(
		(row) => typeof row.cells.export_kg === 'number' && row.cells.export_kg > 0,
	)?.cells.chemical
	return {
		...answers,
		b3_statistics: {
			rows: table.rows.map((row) =>
				row.cells.chemical === exported
					? { ...row, cells: { ...row.cells, export_kg: { marker: 'confidential' } } }
					: row,
			),
		},
	}
}

const DAY_MS = 86_400_000

/** The workflow steps that lead a submitted demo report to its status, by the secretariat. */
const REVIEW_STEPS: Record<ReportStatus, WorkflowAction[]> = {
	draft: [],
	submitted: [],
	under_review: ['start_review'],
	accepted: ['start_review', 'accept'],
	returned: ['start_review', 'return'],
}

/**
 * One demo report, built the way a country builds it: started, filled, then taken through the
 * workflow (submission, review) by the domain, at the demo's past dates and without emails.
 */
async function seedOne(
	db: Kysely<Database>,
	demo: DemoReport,
	cycle: ReportingCycle,
	contactPoint: WorkflowActor,
	reviewer: WorkflowActor,
) {
	if (await findReportForCycle(db, demo.party, cycle.id)) return false
	const startedOn = demo.submittedOn
		? new Date(new Date(`${demo.submittedOn}T09:00:00Z`).getTime() - 30 * DAY_MS)
		: new Date('2026-10-01T09:00:00Z')
	const started = await startReport(db, {
		partyCode: demo.party,
		cycle,
		mode: 'blank',
		userId: contactPoint.id,
		today: startedOn.toISOString().slice(0, 10),
		at: startedOn,
	})
	if (!started.ok) throw new Error(`Demo report ${demo.party} ${cycle.code}: ${started.error}`)
	const { reportId } = started
	const current = await loadAnswerValues(db, reportId)
	const answers = await withStoredFiles(db, reportId, contactPoint.id, answersFor(demo))
	await writeRevision(
		db,
		reportId,
		contactPoint.id,
		Object.entries(answers).map(([questionId, value]) => ({
			questionId,
			oldValue: current[questionId] ?? null,
			newValue: value,
		})),
		'initial',
	)
	if (!demo.submittedOn) {
		await dateReportInThePast(db, reportId, { createdAt: startedOn, answersAt: startedOn })
		return true
	}
	const submittedAt = new Date(`${demo.submittedOn}T10:00:00Z`)
	const steps: [WorkflowAction, WorkflowActor, Date][] = [
		['submit', contactPoint, submittedAt],
		...REVIEW_STEPS[demo.status].map((action, i): [WorkflowAction, WorkflowActor, Date] => [
			action,
			reviewer,
			new Date(submittedAt.getTime() + (3 + i) * DAY_MS),
		]),
	]
	for (const [action, actor, at] of steps) {
		const outcome = await applyWorkflowAction(db, {
			reportId,
			actor,
			action,
			at,
			notify: false,
			comment:
				action === 'return'
					? 'Demo: please give the quantities of PCB-containing equipment eliminated.'
					: undefined,
		})
		if (!outcome.ok) {
			throw new Error(`Demo report ${demo.party} ${cycle.code}, ${action}: ${outcome.message}`)
		}
	}
	await dateReportInThePast(db, reportId, {
		createdAt: startedOn,
		answersAt: new Date(submittedAt.getTime() - DAY_MS),
	})
	return true
}

/** Seeds the demo reports that do not exist yet. Idempotent. */
export async function seedDemoReports(db: Kysely<Database>) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	const reviewerUser = await findUserByEmail(db, 'reviewer@demo.example.org')
	if (!reviewerUser) return
	const reviewer: WorkflowActor = { id: reviewerUser.id, roles: ['reviewer'], partyCodes: [] }
	for (const cycle of DEMO_PAST_CYCLES) await upsertCycleByCode(db, cycle)
	let created = 0
	for (const demo of DEMO_REPORTS) {
		const cycle = await findCycleByCode(db, demo.cycle)
		if (!cycle) continue
		const named = { KEN: 'ocp.kenya@demo.example.org', IND: 'ocp.india@demo.example.org' }[
			demo.party
		]
		const userId = named
			? (await findUserByEmail(db, named))?.id
			: await demoContactPoint(db, demo.party, passwordHash)
		if (!userId) continue
		const contactPoint: WorkflowActor = {
			id: userId,
			roles: ['contact_point'],
			partyCodes: [demo.party],
		}
		if (await seedOne(db, demo, cycle, contactPoint, reviewer)) created++
	}
	await seedDemoPublications(db)
	if (created === 0) return
	// Mark the demo data as such for anyone reading the audit log.
	await db
		.insertInto('audit_event')
		.values({
			actor_user_id: null,
			action: 'seed.demo_reports',
			subject_type: 'system',
			details: jsonb({ note: 'Demo data, not official', reports: created }),
		})
		.execute()
}
