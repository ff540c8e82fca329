import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { sectionsOf } from '#app/components/editor/form-model.ts'
import { loadReportContext } from '#app/domain/report-context.server.ts'
import { runThreadCommand, type ThreadCommand } from '#app/domain/threads.server.ts'
import type { WorkflowAction } from '#app/domain/workflow.ts'
import { runExportJob } from '#app/jobs/export-jobs.server.ts'
import { action as importAction } from '#app/routes/reports/import.tsx'
import { action as submitAction } from '#app/routes/reports/submit.tsx'
import { loader as templateLoader } from '#app/routes/reports/template.tsx'
import { randomToken, sha256 } from '#app/utils/crypto.server.ts'
import { todayIso } from '#app/utils/dates.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { createApiToken } from '#app/domain/api-tokens.server.ts'
import { insertAttachment } from '#db/queries/attachments.ts'
import { findCycleByCode, insertCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import { insertExportJob } from '#db/queries/exports.ts'
import { findReport, loadAnswers, setAcknowledgements } from '#db/queries/reports.ts'
import { setCyclePublication } from '#db/queries/publication.ts'
import { insertOneTimeToken } from '#db/queries/tokens.ts'
import { setUserActive } from '#db/queries/users.ts'
import type { Database, TokenPurpose } from '#db/types.ts'
import { fill, load, save } from '#exports/excel/test-support.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { issueKey, validateForSubmission } from '#forms/engine/index.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
import {
	applyTestWorkflow,
	createUser,
	getRequest,
	routeContext,
	saveTestAnswers,
	settle,
	startTestReport,
	statusOf,
	TEST_ORIGIN,
} from '#tests/factories.ts'

/** Who asks: the columns of the policy. */
export const ACTORS = [
	'anonymous',
	'contributorKEN',
	'contactPointKEN',
	'contactPointIND',
	'reviewer',
	'analyst',
	'admin',
] as const
export type ActorName = (typeof ACTORS)[number]

export type Country = 'KEN' | 'IND'

/** The country each national actor works for; the others have none. */
export const ACTOR_COUNTRY: Record<ActorName, Country | undefined> = {
	anonymous: undefined,
	contributorKEN: 'KEN',
	contactPointKEN: 'KEN',
	contactPointIND: 'IND',
	reviewer: undefined,
	analyst: undefined,
	admin: undefined,
}

/** What a request is about: the ids that go into its URL parameters and body. */
export type Target = {
	/** Whose data this is: for national users, own or another country's. */
	country?: Country
	reportId?: string
	/** The report's revision once the fixtures are built, for a save that writes. */
	revision?: number
	attachmentId?: string
	threadId?: string
	number?: string
	partyCode?: string
	cycleId?: string
	/** A cycle's code, as the public portal's URLs name it. */
	cycleCode?: string
	userId?: string
	jobId?: string
	messageId?: string
	token?: string
	importId?: string
	sectionId?: string
	apiTokenId?: string
	'*'?: string
}

/** The objects the policy's rows name, in the words of the rows. */
export const OBJECTS = [
	'KEN draft',
	'KEN submitted',
	'KEN under review',
	'KEN returned',
	'KEN accepted',
	'KEN on-behalf draft',
	'KEN on-behalf submitted',
	'IND draft',
	'IND submitted',
	'IND under review',
	'IND returned',
	'IND accepted',
	'no such report',
	'malformed report id',
	'KEN draft · KEN file',
	'IND draft · IND file',
	'KEN draft · IND file',
	'IND draft · KEN file',
	'KEN draft · malformed file id',
	'KEN under review · no. 1',
	'IND under review · no. 1',
	'KEN draft · no. 1',
	'KEN under review · shared thread',
	'KEN under review · resolved thread',
	'KEN under review · secretariat note',
	'KEN under review · IND thread',
	'IND under review · shared thread',
	'IND under review · resolved thread',
	"KEN draft · KEN contact point's import",
	'KEN',
	'IND',
	'unknown country',
	'malformed country code',
	'cycle sc-art15-6',
	'no such cycle',
	// The public portal: the matrix publishes the cycles of the accepted and submitted reports.
	'the public profile of KEN',
	'the accepted report of KEN, published cycle',
	'a report of KEN not accepted, published cycle',
	'a report of KEN, unpublished cycle',
	'a published cycle',
	'an unpublished cycle',
	'no such cycle code',
	'a Kenya contributor account',
	'a deactivated account',
	'malformed user id',
	"analyst's export",
	"reviewer's export",
	'an outbox message',
	'reset link',
	'invitation link',
	'unknown link',
	'no such page',
	"analyst's API token",
	'API forms',
	'API form ddt v1',
	'API code lists',
	'API code list units',
	'API concepts',
	'API cycles',
	'API cycle sc-art15-6',
	'API data of sc-art15-6',
	'API codebook of sc-art15-6',
	'API open data',
	'API files of sc-art15-6',
	'API parties',
	'API party KEN',
	'API public reports',
	'API public · KEN accepted',
	'API public · KEN accepted · no. 1',
	'API secretariat reports',
	'API secretariat · KEN under review',
	'API secretariat · KEN under review · no. 1',
	'API OpenAPI document',
	'API no such resource',
] as const
export type ObjectName = (typeof OBJECTS)[number]

/**
 * Strings planted in data only some actors may see. Every payload a cell gets back is searched for
 * the markers its actor must not see (drafts of another country, secretariat notes, …).
 */
export const MARKERS = {
	kenDraft: 'MATRIX-MARKER-KEN-DRAFT',
	indDraft: 'MATRIX-MARKER-IND-DRAFT',
	kenSubmitted: 'MATRIX-MARKER-KEN-SUBMITTED',
	indSubmitted: 'MATRIX-MARKER-IND-SUBMITTED',
	kenThread: 'MATRIX-MARKER-KEN-THREAD',
	indThread: 'MATRIX-MARKER-IND-THREAD',
	kenNote: 'MATRIX-MARKER-KEN-SECRETARIAT-NOTE',
	indNote: 'MATRIX-MARKER-IND-SECRETARIAT-NOTE',
} as const
type Marker = keyof typeof MARKERS

const COUNTRY_MARKERS: Record<Country, readonly Marker[]> = {
	KEN: ['kenDraft', 'kenSubmitted', 'kenThread'],
	IND: ['indDraft', 'indSubmitted', 'indThread'],
}

/**
 * The markers someone must never get back, by page or by email: the secretariat (reviewers,
 * administrators) sees everything; analysts see submitted data only; national users their own
 * countries' drafts, submissions and shared threads; a visitor nothing.
 */
export function forbiddenMarkers(
	user: { roles: readonly string[]; partyCodes: readonly string[] } | null,
): Marker[] {
	const all = Object.keys(MARKERS) as Marker[]
	if (!user) return all
	if (user.roles.some((role) => role === 'reviewer' || role === 'admin')) return []
	const allowed = new Set<Marker>()
	if (user.roles.includes('analyst'))
		['kenSubmitted', 'indSubmitted'].forEach((m) => allowed.add(m as Marker))
	if (user.roles.some((role) => role === 'contributor' || role === 'contact_point')) {
		for (const code of user.partyCodes) {
			for (const marker of COUNTRY_MARKERS[code as Country] ?? []) allowed.add(marker)
		}
	}
	return all.filter((marker) => !allowed.has(marker))
}

export type Email = { to: string; text: string; roles: string[]; partyCodes: string[] }

/**
 * Emails queued in the current transaction (its `now()`; everything older was queued before), with
 * what their recipients may see.
 */
export async function emailsQueuedNow(db: Kysely<Database>, since: 'now' | 'ever' = 'now') {
	const { rows } = await sql<Email>`
		select m.to_address as "to", m.subject || ' ' || m.body_text as text,
			coalesce((select array_agg(r.role) from user_role r where r.user_id = u.id), '{}') as roles,
			coalesce((select array_agg(p.party_code) from user_party p where p.user_id = u.id), '{}')
				as "partyCodes"
		from outbox_message m
		left join app_user u on lower(u.email) = lower(m.to_address)
		where ${since === 'ever' ? sql`true` : sql`m.created_at = now()`}
	`.execute(db)
	return rows
}

export type World = {
	actors: Record<ActorName, CurrentUser | null>
	objects: Record<ObjectName, Target>
	/** A cycle no country has a report for yet (starting one is a write that may be allowed). */
	freshCycle: ReportingCycle
	cycle6: ReportingCycle
	/** An account whose password every actor may use on the sign-in form. */
	signIn: { email: string; password: string }
	/** Someone who may ask for a password reset. */
	resetEmail: string
	files: { pdf: Uint8Array; kenTemplate: Uint8Array; indTemplate: Uint8Array }
	/** The warning the drafts raise and explain, as the validation page names it. */
	warningKey: string
	/** The editor's first section, for the section route. */
	sectionId: string
}

export const MATRIX_PASSWORD = 'matrix password 2026'

/** A minimal PDF: the bytes say what it is. */
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

const V6 = requireFormDefinition('stockholm-art15', 6)

/** Builds the fixtures once per test file: users, reports in every state, files, threads, jobs. */
export async function buildWorld(db: Kysely<Database>): Promise<World> {
	const actors: Record<ActorName, CurrentUser | null> = {
		anonymous: null,
		contributorKEN: await createUser(db, { roles: ['contributor'], partyCodes: ['KEN'] }),
		contactPointKEN: await createUser(db, { roles: ['contact_point'], partyCodes: ['KEN'] }),
		contactPointIND: await createUser(db, { roles: ['contact_point'], partyCodes: ['IND'] }),
		reviewer: await createUser(db, { roles: ['reviewer'] }),
		analyst: await createUser(db, { roles: ['analyst'] }),
		admin: await createUser(db, { roles: ['admin'] }),
	}
	const national = (country: Country) =>
		(country === 'KEN' ? actors.contactPointKEN : actors.contactPointIND)!
	const reviewer = actors.reviewer!
	const today = todayIso()

	const cycle6 = (await findCycleByCode(db, 'sc-art15-6'))!
	/** One report per country and cycle: each workflow state gets a cycle of its own. */
	const cycleFor = async (code: string) => {
		await insertCycle(db, {
			code: `matrix-${code}`,
			convention: 'stockholm',
			formId: 'stockholm-art15',
			formVersion: 6,
			title: { en: `Authorization matrix: ${code}` },
			periodStart: cycle6.periodStart,
			periodEnd: cycle6.periodEnd,
			opensOn: '2020-01-01',
			deadline: '2099-12-31',
		})
		return (await findCycleByCode(db, `matrix-${code}`))!
	}

	/** A file of the report's attachment question, as the editor's upload stores it. */
	const attach = async (reportId: string, uploader: CurrentUser) =>
		(
			await insertAttachment(db, {
				reportId,
				questionId: 'b_attachments',
				fileName: 'inventory.pdf',
				contentType: 'application/pdf',
				sha256: createHash('sha256').update(PDF).digest('hex'),
				content: PDF,
				uploadedBy: uploader.id,
			})
		).id

	/** Each report's own file, which its answers refer to. */
	const files = new Map<string, string>()

	async function report(
		country: Country,
		cycle: ReportingCycle,
		steps: { action: WorkflowAction; comment?: string }[],
		options: { marker?: string; onBehalf?: boolean; explainedWarning?: boolean } = {},
	) {
		const author = options.onBehalf ? reviewer : national(country)
		const reportId = await startTestReport(db, {
			partyCode: country,
			cycle,
			user: author,
			today,
			onBehalf: options.onBehalf,
		})
		let answers: Answers = {
			...buildCompleteArt15V6Answers(art15V6Context(country)),
			...(options.marker ? { b_format_comments: options.marker } : {}),
		}
		const fileId = await attach(reportId, author)
		files.set(reportId, fileId)
		answers.b_attachments = [{ attachmentId: fileId, name: 'inventory.pdf' }]
		if (options.explainedWarning) {
			answers = withPcbStillInUse(answers)
			const key = warningKey(answers, country)
			await setAcknowledgements(db, reportId, [key], 'Still in use.', author.id)
		}
		await saveTestAnswers(db, reportId, author, answers)
		for (const step of steps) {
			if (step.action === 'submit_on_behalf') {
				await submitOnBehalf(db, reviewer, reportId)
				continue
			}
			await applyTestWorkflow(db, {
				reportId,
				actor: step.action === 'submit' ? national(country) : reviewer,
				action: step.action,
				comment: step.comment,
				openThreadsConfirmed: true,
			})
		}
		return reportId
	}

	const submitted = [{ action: 'submit' as const }]
	const underReview = [...submitted, { action: 'start_review' as const }]
	const returned = [...underReview, { action: 'return' as const, comment: 'Please check.' }]
	const accepted = [...underReview, { action: 'accept' as const }]
	const cycles = {
		submitted: await cycleFor('submitted'),
		underReview: await cycleFor('under-review'),
		returned: await cycleFor('returned'),
		accepted: await cycleFor('accepted'),
		onBehalf: await cycleFor('on-behalf'),
		onBehalfSubmitted: await cycleFor('on-behalf-submitted'),
	}
	const freshCycle = await cycleFor('fresh')
	for (const published of [cycles.accepted, cycles.submitted]) {
		await setCyclePublication(db, {
			cycleId: published.id,
			publishedFrom: '2020-01-01',
			decidedBy: actors.admin!.id,
		})
	}

	const reports = {
		kenDraft: await report('KEN', cycle6, [], { marker: MARKERS.kenDraft, explainedWarning: true }),
		kenSubmitted: await report('KEN', cycles.submitted, submitted),
		kenUnderReview: await report('KEN', cycles.underReview, underReview, {
			marker: MARKERS.kenSubmitted,
		}),
		kenReturned: await report('KEN', cycles.returned, returned),
		kenAccepted: await report('KEN', cycles.accepted, accepted),
		kenOnBehalf: await report('KEN', cycles.onBehalf, [], { onBehalf: true }),
		kenOnBehalfSubmitted: await report(
			'KEN',
			cycles.onBehalfSubmitted,
			[{ action: 'submit_on_behalf' }],
			{ onBehalf: true },
		),
		indDraft: await report('IND', cycle6, [], { marker: MARKERS.indDraft, explainedWarning: true }),
		indSubmitted: await report('IND', cycles.submitted, submitted),
		indUnderReview: await report('IND', cycles.underReview, underReview, {
			marker: MARKERS.indSubmitted,
		}),
		indReturned: await report('IND', cycles.returned, returned),
		indAccepted: await report('IND', cycles.accepted, accepted),
	}

	const kenFile = files.get(reports.kenDraft)!
	const indFile = files.get(reports.indDraft)!

	const thread = async (reportId: string, command: ThreadCommand) => {
		const context = (await loadReportContext(db, reportId))!
		const outcome = await runThreadCommand(db, {
			context,
			user: reviewer,
			command,
			origin: TEST_ORIGIN,
		})
		if (!outcome.ok) throw new Error(`fixture thread: ${outcome.message}`)
		return outcome.threadId
	}
	const shared = (body: string) =>
		({ intent: 'create', questionId: 'b_format_comments', visibility: 'shared', body }) as const
	const resolvedThread = async (reportId: string) => {
		const threadId = await thread(reportId, shared('Resolved already.'))
		await thread(reportId, { intent: 'resolve', threadId })
		return threadId
	}
	const threads = {
		kenShared: await thread(reports.kenUnderReview, shared(MARKERS.kenThread)),
		kenResolved: await resolvedThread(reports.kenUnderReview),
		kenNote: await thread(reports.kenUnderReview, {
			...shared(MARKERS.kenNote),
			visibility: 'secretariat',
		}),
		indShared: await thread(reports.indUnderReview, shared(MARKERS.indThread)),
		indResolved: await resolvedThread(reports.indUnderReview),
	}
	await thread(reports.indUnderReview, {
		...shared(MARKERS.indNote),
		visibility: 'secretariat',
	})

	const filledTemplate = async (country: Country, reportId: string) => {
		const user = national(country)
		const response = (await templateLoader({
			request: getRequest(`/reports/${reportId}/template?mode=prefilled&lang=en`),
			params: { reportId },
			context: routeContext(db, user),
		} as never)) as Response
		const { workbook, layout } = await load(new Uint8Array(await response.arrayBuffer()))
		// What the report holds, with one answer changed: what a person does in Excel.
		const stored = await loadAnswers(db, reportId)
		const answers: Answers = {
			...Object.fromEntries(Object.entries(stored).map(([id, answer]) => [id, answer.value])),
			b_format_comments: `Changed in Excel by ${country}.`,
		}
		fill(workbook, layout, { definition: V6, formContext: art15V6Context(country) }, answers)
		return save(workbook)
	}
	const uploads = {
		pdf: PDF,
		kenTemplate: await filledTemplate('KEN', reports.kenDraft),
		indTemplate: await filledTemplate('IND', reports.indDraft),
	}
	// The last change to Kenya's draft: applying a preview needs the revision it was made on.
	const kenImport = await previewImport(
		db,
		actors.contactPointKEN!,
		reports.kenDraft,
		uploads.kenTemplate,
	)

	const exportJob = async (user: CurrentUser) => {
		const jobId = await insertExportJob(db, {
			requestedBy: user.id,
			cycleId: cycles.underReview.id,
			format: 'csv',
			params: { status: 'submitted', questions: [], lang: 'en' },
		})
		await runExportJob(db, jobId)
		return jobId
	}
	const analystJob = await exportJob(actors.analyst!)
	const reviewerJob = await exportJob(reviewer)

	const account = await createUser(db, {
		roles: ['contributor'],
		partyCodes: ['KEN'],
		password: MATRIX_PASSWORD,
	})
	const deactivated = await createUser(db, { roles: ['contributor'], partyCodes: ['KEN'] })
	await setUserActive(db, deactivated.id, false)
	const invitee = await createUser(db, {
		roles: ['contributor'],
		partyCodes: ['KEN'],
		password: null,
	})
	const link = async (userId: string, purpose: TokenPurpose) => {
		const token = randomToken()
		await insertOneTimeToken(db, {
			tokenHash: sha256(token),
			userId,
			purpose,
			expiresAt: new Date(Date.now() + 3_600_000),
			createdBy: null,
		})
		return token
	}
	const message = await db
		.selectFrom('outbox_message')
		.select('id')
		.orderBy('created_at')
		.executeTakeFirstOrThrow()

	const analystToken = await createApiToken(
		db,
		actors.analyst!,
		{ name: 'Matrix', scopes: ['read:public'], lifetimeDays: 30 },
		'127.0.0.1',
	)
	if (!analystToken.ok) throw new Error('the analyst could not get an API token')
	const api = (path: string) => ({ '*': path })

	const kenDraft = { country: 'KEN', reportId: reports.kenDraft } as const
	const indDraft = { country: 'IND', reportId: reports.indDraft } as const
	const kenUnderReview = { country: 'KEN', reportId: reports.kenUnderReview } as const
	const indUnderReview = { country: 'IND', reportId: reports.indUnderReview } as const
	const objects: Record<ObjectName, Target> = {
		'KEN draft': kenDraft,
		'KEN submitted': { country: 'KEN', reportId: reports.kenSubmitted },
		'KEN under review': kenUnderReview,
		'KEN returned': { country: 'KEN', reportId: reports.kenReturned },
		'KEN accepted': { country: 'KEN', reportId: reports.kenAccepted },
		'KEN on-behalf draft': { country: 'KEN', reportId: reports.kenOnBehalf },
		'KEN on-behalf submitted': { country: 'KEN', reportId: reports.kenOnBehalfSubmitted },
		'IND draft': indDraft,
		'IND submitted': { country: 'IND', reportId: reports.indSubmitted },
		'IND under review': indUnderReview,
		'IND returned': { country: 'IND', reportId: reports.indReturned },
		'IND accepted': { country: 'IND', reportId: reports.indAccepted },
		'no such report': { reportId: '00000000-0000-4000-8000-000000000000' },
		'malformed report id': { reportId: 'not-a-report' },
		'KEN draft · KEN file': { ...kenDraft, attachmentId: kenFile },
		'IND draft · IND file': { ...indDraft, attachmentId: indFile },
		'KEN draft · IND file': { ...kenDraft, attachmentId: indFile },
		'IND draft · KEN file': { ...indDraft, attachmentId: kenFile },
		'KEN draft · malformed file id': { ...kenDraft, attachmentId: 'not-a-file' },
		'KEN under review · no. 1': { ...kenUnderReview, number: '1' },
		'IND under review · no. 1': { ...indUnderReview, number: '1' },
		'KEN draft · no. 1': { ...kenDraft, number: '1' },
		'KEN under review · shared thread': { ...kenUnderReview, threadId: threads.kenShared },
		'KEN under review · resolved thread': { ...kenUnderReview, threadId: threads.kenResolved },
		'KEN under review · secretariat note': { ...kenUnderReview, threadId: threads.kenNote },
		'KEN under review · IND thread': { ...kenUnderReview, threadId: threads.indShared },
		'IND under review · shared thread': { ...indUnderReview, threadId: threads.indShared },
		'IND under review · resolved thread': { ...indUnderReview, threadId: threads.indResolved },
		"KEN draft · KEN contact point's import": { ...kenDraft, importId: kenImport },
		KEN: { country: 'KEN', partyCode: 'KEN' },
		IND: { country: 'IND', partyCode: 'IND' },
		'unknown country': { partyCode: 'ZZZ' },
		'malformed country code': { partyCode: '\u0000' },
		'cycle sc-art15-6': { cycleId: cycle6.id },
		'no such cycle': { cycleId: '00000000-0000-4000-8000-000000000000' },
		'the public profile of KEN': { partyCode: 'KEN' },
		'the accepted report of KEN, published cycle': {
			partyCode: 'KEN',
			cycleCode: cycles.accepted.code,
		},
		'a report of KEN not accepted, published cycle': {
			partyCode: 'KEN',
			cycleCode: cycles.submitted.code,
		},
		'a report of KEN, unpublished cycle': { partyCode: 'KEN', cycleCode: cycles.underReview.code },
		'a published cycle': { cycleId: cycles.accepted.id, cycleCode: cycles.accepted.code },
		'an unpublished cycle': { cycleId: cycles.underReview.id, cycleCode: cycles.underReview.code },
		'no such cycle code': { partyCode: 'KEN', cycleCode: 'no-such-cycle' },
		'a Kenya contributor account': { userId: account.id },
		'a deactivated account': { userId: deactivated.id },
		'malformed user id': { userId: '-'.repeat(36) },
		"analyst's export": { jobId: analystJob },
		"reviewer's export": { jobId: reviewerJob },
		'an outbox message': { messageId: message.id },
		'reset link': { token: await link(account.id, 'password_reset') },
		'invitation link': { token: await link(invitee.id, 'invitation') },
		'unknown link': { token: randomToken() },
		'no such page': { '*': 'no/such/page' },
		"analyst's API token": { apiTokenId: analystToken.id },
		// The JSON API routes itself under /api/v1/* (app/api/router.server.ts).
		'API forms': api('forms'),
		'API form ddt v1': api('forms/ddt/1'),
		'API code lists': api('code-lists'),
		'API code list units': api('code-lists/units'),
		'API concepts': api('concepts'),
		'API cycles': api('cycles'),
		'API cycle sc-art15-6': api('cycles/sc-art15-6'),
		'API data of sc-art15-6': api('cycles/sc-art15-6/data'),
		'API codebook of sc-art15-6': api('cycles/sc-art15-6/codebook'),
		'API open data': api('open-data'),
		'API files of sc-art15-6': api('cycles/sc-art15-6/open-data'),
		'API parties': api('parties'),
		'API party KEN': api('parties/KEN'),
		'API public reports': api('reports'),
		'API public · KEN accepted': api(`reports/${reports.kenAccepted}`),
		'API public · KEN accepted · no. 1': api(`reports/${reports.kenAccepted}/submissions/1`),
		'API secretariat reports': api('secretariat/reports'),
		'API secretariat · KEN under review': api(`secretariat/reports/${reports.kenUnderReview}`),
		'API secretariat · KEN under review · no. 1': api(
			`secretariat/reports/${reports.kenUnderReview}/submissions/1`,
		),
		'API OpenAPI document': api('openapi.json'),
		'API no such resource': api('no/such/resource'),
	}
	for (const target of Object.values(objects)) {
		if (target.reportId) target.revision = (await findReport(db, target.reportId))?.revision
	}
	return {
		actors,
		objects,
		freshCycle,
		cycle6,
		signIn: { email: account.email, password: MATRIX_PASSWORD },
		resetEmail: account.email,
		files: uploads,
		warningKey: warningKey(
			withPcbStillInUse(buildCompleteArt15V6Answers(art15V6Context('KEN'))),
			'KEN',
		),
		sectionId: sectionsOf(V6)[0]!.sectionId,
	}
}

/** PCB equipment still in use although its use has ended: a warning, not an error. */
function withPcbStillInUse(answers: Answers): Answers {
	const table = answers.c_pcb_equipment_table as TableAnswer
	const [first, ...rest] = table.rows
	return {
		...answers,
		c_pcb_equipment_table: {
			...table,
			rows: [{ ...first!, cells: { ...first!.cells, in_use_t: 5 } }, ...rest],
		},
	}
}

/** The key of the one warning `answers` raise (what the validation page posts to explain it). */
function warningKey(answers: Answers, country: Country) {
	const check = validateForSubmission(V6, answers, art15V6Context(country), {})
	if (check.errors.length > 0 || check.warnings.length !== 1) {
		throw new Error(`fixture: expected one warning, got ${check.warnings.length}`)
	}
	return issueKey(check.warnings[0]!)
}

/** Submits a report the secretariat entered, with the country's document, as the submit page does. */
async function submitOnBehalf(db: Kysely<Database>, reviewer: CurrentUser, reportId: string) {
	const form = new FormData()
	form.append('reason', 'The country sent its signed report by post.')
	form.append('confirm', 'yes')
	form.append('file', new File([PDF as BlobPart], 'signed-report.pdf', { type: 'application/pdf' }))
	const submitted = await settle(() =>
		submitAction({
			request: new Request(`${TEST_ORIGIN}/reports/${reportId}/submit`, {
				method: 'POST',
				headers: { Origin: TEST_ORIGIN },
				body: form,
			}),
			params: { reportId },
			context: routeContext(db, reviewer),
		} as never),
	)
	if (statusOf(submitted.value) !== 302) throw new Error('fixture: the on-behalf submission failed')
}

async function previewImport(
	db: Kysely<Database>,
	user: CurrentUser,
	reportId: string,
	bytes: Uint8Array,
) {
	const form = new FormData()
	form.append('file', new File([bytes as BlobPart], 'template.xlsx'))
	const response = (await importAction({
		request: new Request(`${TEST_ORIGIN}/reports/${reportId}/import`, {
			method: 'POST',
			headers: { Origin: TEST_ORIGIN },
			body: form,
		}),
		params: { reportId },
		context: routeContext(db, user),
	} as never)) as Response
	const importId = new URL(response.headers.get('Location') ?? '', TEST_ORIGIN).searchParams.get(
		'preview',
	)
	if (!importId) throw new Error(`fixture import: ${response.status}`)
	return importId
}
