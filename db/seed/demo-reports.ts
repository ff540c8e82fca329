import { submissionFingerprint } from '#app/domain/report-workflow.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import {
	art15V5Context,
	art15V6Context,
	buildCompleteArt15V5Answers,
	buildCompleteArt15V6Answers,
} from '#forms/fixtures/builders.ts'
import type { Answers } from '#forms/types.ts'
import { findCycleByCode, type ReportingCycle } from '../queries/cycles.ts'
import type { DbHandle } from '../queries/handle.ts'
import {
	findReportForCycle,
	insertReport,
	insertSubmission,
	setReportStatus,
	setSubmissionState,
	writeRevision,
} from '../queries/reports.ts'
import { findUserByEmail, insertUser } from '../queries/users.ts'
import type { ReportStatus } from '../types.ts'
import { jsonb } from '../json.ts'
import { DEMO_PASSWORD } from './demo.ts'

/**
 * DEMO DATA, not official: fictitious reports so that the review queue, the dashboard and the
 * "start from the previous report" flow have something to show. The answers come from the
 * test builders (illustrative figures).
 */
type DemoReport = {
	party: string
	cycle: 'sc-art15-5' | 'sc-art15-6'
	status: ReportStatus
	submittedOn?: string
}

export const DEMO_REPORTS: DemoReport[] = [
	{ party: 'KEN', cycle: 'sc-art15-5', status: 'accepted', submittedOn: '2022-08-15' },
	{ party: 'IND', cycle: 'sc-art15-6', status: 'draft' },
	{ party: 'AUS', cycle: 'sc-art15-6', status: 'accepted', submittedOn: '2026-05-10' },
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

function answersFor(demo: DemoReport): Answers {
	return demo.cycle === 'sc-art15-5'
		? buildCompleteArt15V5Answers(art15V5Context(demo.party))
		: buildCompleteArt15V6Answers(art15V6Context(demo.party))
}

async function seedOne(
	db: DbHandle,
	demo: DemoReport,
	cycle: ReportingCycle,
	userId: string,
	reviewerId: string,
) {
	if (await findReportForCycle(db, demo.party, cycle.id)) return false
	const reportId = (await insertReport(db, {
		partyCode: demo.party,
		cycleId: cycle.id,
		formId: cycle.formId,
		formVersion: cycle.formVersion,
		createdBy: userId,
	}))!
	const answers = answersFor(demo)
	const revision = await writeRevision(
		db,
		reportId,
		userId,
		Object.entries(answers).map(([questionId, value]) => ({
			questionId,
			oldValue: null,
			newValue: value,
		})),
		'initial',
	)
	await event(db, reportId, 'create', null, 'draft', userId, demo.submittedOn ?? '2026-10-01')
	if (!demo.submittedOn) return true
	const submittedAt = new Date(`${demo.submittedOn}T10:00:00Z`)
	const sha256 = submissionFingerprint({
		formId: cycle.formId,
		formVersion: cycle.formVersion,
		partyCode: demo.party,
		cycleCode: cycle.code,
		answers,
		acknowledgements: [],
	})
	const submission = await insertSubmission(db, {
		reportId,
		reportRevision: revision,
		formId: cycle.formId,
		formVersion: cycle.formVersion,
		answers,
		acknowledgements: [],
		sha256,
		submittedBy: userId,
		submittedAt,
	})
	await event(db, reportId, 'submit', 'draft', 'submitted', userId, demo.submittedOn, submission.id)
	const later = new Date(submittedAt.getTime() + 3 * 86_400_000).toISOString().slice(0, 10)
	if (demo.status !== 'submitted') {
		await event(
			db,
			reportId,
			'start_review',
			'submitted',
			'under_review',
			reviewerId,
			later,
			submission.id,
		)
	}
	if (demo.status === 'accepted') {
		await event(
			db,
			reportId,
			'accept',
			'under_review',
			'accepted',
			reviewerId,
			later,
			submission.id,
		)
		await setSubmissionState(db, submission.id, 'accepted')
	}
	if (demo.status === 'returned') {
		await event(
			db,
			reportId,
			'return',
			'under_review',
			'returned',
			reviewerId,
			later,
			submission.id,
		)
		await setSubmissionState(db, submission.id, 'returned')
	}
	await setReportStatus(db, reportId, demo.status)
	return true
}

function event(
	db: DbHandle,
	reportId: string,
	action: string,
	from: ReportStatus | null,
	to: ReportStatus,
	actorId: string,
	on: string,
	submissionId: string | null = null,
) {
	return db
		.insertInto('report_event')
		.values({
			report_id: reportId,
			action,
			from_status: from,
			to_status: to,
			actor_id: actorId,
			submission_id: submissionId,
			occurred_at: new Date(`${on}T12:00:00Z`),
		})
		.execute()
}

/** Seeds the demo reports that do not exist yet. Idempotent. */
export async function seedDemoReports(db: DbHandle) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	const reviewer = await findUserByEmail(db, 'reviewer@demo.example.org')
	if (!reviewer) return
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
		if (await seedOne(db, demo, cycle, userId, reviewer.id)) created++
	}
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
