import { sql, type Kysely } from 'kysely'
import { toFormValues } from '#app/routes/admin/cycles.server.ts'
import type { Database } from '#db/types.ts'
import { formRequest, getRequest, TEST_ORIGIN, TEST_PASSWORD } from '#tests/factories.ts'
import { parameterNames } from './route-table.ts'
import type { ActorName, Target, World } from './world.ts'

export type Body =
	| { form: Record<string, string | string[]> }
	| { json: unknown }
	| { multipart: Record<string, string | File> }

type Asked = { world: World; target: Target }

type Settled = { thrown: boolean; value: unknown }

/** One kind of request to a route: what it sends, and what an allowed one must write. */
export type Variant = {
	/** Appended to the URL. */
	query?: string
	body?: (asked: Asked) => Body
	/**
	 * Tables a request that is let through must write; a GET may write nothing else, and a refused
	 * request nothing at all.
	 */
	writes?: readonly string[] | ((actor: ActorName) => readonly string[])
	/** Waits for work the request started in the background, before the cell is rolled back. */
	settle?: (db: Kysely<Database>, settled: Settled) => Promise<void>
}

type Variants = { GET?: Record<string, Variant>; POST?: Record<string, Variant> }

const NEW_PASSWORD = 'a brand new password 2026'

const pdfFile = (world: World, name = 'evidence.pdf') =>
	new File([world.files.pdf as BlobPart], name, { type: 'application/pdf' })

const form =
	(fields: (asked: Asked) => Record<string, string | string[]>) =>
	(asked: Asked): Body => ({ form: fields(asked) })

/** The workflow's intents, as the workflow route and the pages that post to it send them. */
const WORKFLOW: Record<string, Variant> = {
	submit: {
		body: form(() => ({ intent: 'submit', confirm: 'yes' })),
		writes: ['report', 'submission', 'report_event'],
	},
	resubmit: {
		body: form(() => ({ intent: 'resubmit', confirm: 'yes' })),
		writes: ['report', 'submission', 'report_event'],
	},
	recall: { body: form(() => ({ intent: 'recall' })), writes: ['report', 'report_event'] },
	start_review: {
		body: form(() => ({ intent: 'start_review' })),
		writes: ['report', 'report_event'],
	},
	return: {
		body: form(() => ({ intent: 'return', comment: 'Please add the 2024 figures.' })),
		writes: ['report', 'report_event'],
	},
	accept: {
		body: form(() => ({ intent: 'accept', confirm: 'yes' })),
		writes: ['report', 'report_event'],
	},
	request_reopen: {
		body: form(() => ({ intent: 'request_reopen', comment: 'We found an error.' })),
		writes: ['report', 'report_event'],
	},
	reopen: { body: form(() => ({ intent: 'reopen' })), writes: ['report', 'report_event'] },
	// Only the submit page takes it, with the country's document: never through the plain route.
	submit_on_behalf: { body: form(() => ({ intent: 'submit_on_behalf', confirm: 'yes' })) },
}

const pick = (...intents: string[]) =>
	Object.fromEntries(intents.map((intent) => [intent, WORKFLOW[intent]!]))

/** Waits until the export job a request started has finished (its runner shares the cell). */
async function exportJobFinished(db: Kysely<Database>, settled: Settled) {
	const location = settled.value instanceof Response ? settled.value.headers.get('Location') : null
	const jobId = /^\/analysis\/jobs\/([\w-]+)$/.exec(location ?? '')?.[1]
	if (!jobId) return
	const deadline = Date.now() + 30_000
	while (Date.now() < deadline) {
		const { rows } = await sql<{ state: string; error: string | null }>`
			select state, error from export_job where id = ${jobId}
		`.execute(db)
		if (rows[0]?.state === 'done') return
		if (rows[0]?.state === 'failed') throw new Error(`export job failed: ${rows[0].error}`)
		await new Promise((resolve) => setTimeout(resolve, 20))
	}
	throw new Error(`export job ${jobId} did not finish`)
}

/**
 * How each route is asked, by method and variant; the policy's rows name the variant ('' for a
 * plain GET). Bodies are realistic and minimal: what the app's own forms and scripts send.
 */
export const VARIANTS: Record<string, Variants> = {
	'/login': {
		POST: {
			'': {
				body: form(({ world }) => ({ ...world.signIn, redirectTo: '/' })),
				writes: ['session'],
			},
		},
	},
	'/logout': {
		POST: {
			'': { body: form(() => ({})), writes: (a) => (a === 'anonymous' ? [] : ['audit_event']) },
		},
	},
	'/forgot-password': {
		POST: {
			'': {
				body: form(({ world }) => ({ email: world.resetEmail })),
				writes: ['one_time_token', 'outbox_message'],
			},
		},
	},
	'/reset-password/:token': {
		POST: {
			'': {
				body: form(() => ({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
				writes: ['app_user', 'one_time_token', 'session'],
			},
		},
	},
	'/invitation/:token': {
		POST: {
			'': {
				body: form(() => ({
					name: 'Invited Person',
					password: NEW_PASSWORD,
					confirmPassword: NEW_PASSWORD,
				})),
				writes: ['app_user', 'one_time_token', 'session'],
			},
		},
	},
	'/set-language': {
		POST: {
			'': {
				body: form(() => ({ language: 'fr', redirectTo: '/' })),
				writes: (a) => (a === 'anonymous' ? [] : ['app_user']),
			},
		},
	},
	'/account': {
		POST: {
			profile: {
				body: form(() => ({ intent: 'profile', name: 'Renamed Person', preferredLanguage: 'fr' })),
				writes: ['app_user'],
			},
			password: {
				body: form(() => ({
					intent: 'password',
					currentPassword: TEST_PASSWORD,
					password: NEW_PASSWORD,
					confirmPassword: NEW_PASSWORD,
				})),
				writes: ['app_user'],
			},
			'sign-out-others': { body: form(() => ({ intent: 'sign-out-others' })) },
			'create-token': {
				body: form(() => ({
					intent: 'create-token',
					name: 'Matrix token',
					scopes: 'read:public',
					lifetimeDays: '30',
				})),
				writes: ['api_token', 'audit_event'],
			},
			'revoke-token': {
				body: form(({ target }) => ({ intent: 'revoke-token', tokenId: target.apiTokenId! })),
				writes: ['api_token', 'audit_event'],
			},
		},
	},
	'/api/v1/*': { POST: { '': { body: form(() => ({})) } } },
	'/countries/:partyCode': {
		POST: {
			start: {
				body: form(({ world }) => ({
					intent: 'start',
					cycleId: world.freshCycle.id,
					mode: 'blank',
				})),
				writes: ['report', 'report_answer'],
			},
		},
	},
	'/reports/:reportId/answers': {
		POST: {
			save: {
				body: ({ target }) => ({
					json: {
						sinceRevision: target.revision ?? 0,
						changes: [
							{
								questionId: 'b_obstacles_reporting',
								baseRevision: target.revision ?? 0,
								value: 'Saved by the authorization matrix.',
							},
						],
					},
				}),
				writes: ['report', 'report_answer', 'report_change'],
			},
		},
	},
	'/reports/:reportId/presence': {
		POST: {
			heartbeat: {
				body: ({ world }) => ({ json: { sectionId: world.sectionId } }),
				writes: ['report_presence'],
			},
		},
	},
	'/reports/:reportId/attachments': {
		POST: {
			'answer file': {
				body: ({ world }) => ({
					multipart: { questionId: 'b_attachments', file: pdfFile(world) },
				}),
				writes: ['attachment'],
			},
			'source document': {
				body: ({ world }) => ({
					multipart: { questionId: '_source_document', file: pdfFile(world, 'source.pdf') },
				}),
				writes: ['attachment'],
			},
		},
	},
	'/reports/:reportId/workflow': { POST: WORKFLOW },
	'/reports/:reportId/threads': {
		POST: {
			'create shared': {
				body: form(() => ({
					intent: 'create',
					questionId: 'b_format_comments',
					visibility: 'shared',
					body: 'Which year do these figures cover?',
				})),
				writes: ['review_thread', 'review_message'],
			},
			'create note': {
				body: form(() => ({
					intent: 'create',
					visibility: 'secretariat',
					body: 'Check against the national inventory.',
				})),
				writes: ['review_thread', 'review_message'],
			},
			reply: {
				body: form(({ target }) => ({
					intent: 'reply',
					threadId: target.threadId!,
					body: 'They cover 2024.',
				})),
				writes: ['review_message'],
			},
			resolve: {
				body: form(({ target }) => ({ intent: 'resolve', threadId: target.threadId! })),
				writes: ['review_thread'],
			},
			reopen: {
				body: form(({ target }) => ({ intent: 'reopen', threadId: target.threadId! })),
				writes: ['review_thread'],
			},
		},
	},
	'/reports/:reportId/validation': {
		POST: {
			explain: {
				body: form(({ world }) => ({
					issueKey: world.warningKey,
					explanation: 'The last transformers are replaced in 2027.',
				})),
				writes: ['warning_acknowledgement'],
			},
		},
	},
	'/reports/:reportId/reuse': {
		POST: {
			// The matrix's reports are complete: nothing is on offer, so nothing is written.
			'accept all': { body: form(() => ({ intent: 'accept_all' })) },
		},
	},
	'/reports/:reportId/submit': {
		POST: {
			...pick('submit', 'resubmit'),
			'on behalf': {
				body: ({ world }) => ({
					multipart: {
						reason: 'The country sent its report by post.',
						confirm: 'yes',
						file: pdfFile(world, 'signed-report.pdf'),
					},
				}),
				writes: ['attachment', 'report', 'submission'],
			},
		},
	},
	'/reports/:reportId/submissions': { POST: pick('recall', 'request_reopen') },
	'/reports/:reportId/history': {
		GET: { 'one question': { query: '?question=b_format_comments' } },
	},
	'/reports/:reportId/review': { POST: pick('start_review', 'return', 'accept', 'reopen') },
	'/reports/:reportId/export': {
		GET: {
			pdf: { query: '?format=pdf&lang=en', writes: ['audit_event'] },
			xlsx: { query: '?format=xlsx&lang=fr', writes: ['audit_event'] },
		},
	},
	'/reports/:reportId/template': { GET: { '': { query: '?mode=prefilled&lang=en' } } },
	'/reports/:reportId/import': {
		POST: {
			upload: {
				body: ({ world, target }) => ({
					multipart: {
						file: new File(
							[
								(target.country === 'IND'
									? world.files.indTemplate
									: world.files.kenTemplate) as BlobPart,
							],
							'template.xlsx',
						),
					},
				}),
				writes: ['answer_import'],
			},
			apply: {
				body: form(({ target }) => ({ intent: 'apply', importId: target.importId! })),
				writes: ['report_answer', 'answer_import'],
			},
		},
	},
	'/review/enter': {
		POST: {
			'': {
				body: form(({ world }) => ({ partyCode: 'KEN', cycleId: world.freshCycle.id })),
				writes: ['report'],
			},
		},
	},
	'/analysis': {
		GET: { 'cycle of drafts': { query: '?cycle=sc-art15-6&status=submitted' } },
		POST: {
			prepare: {
				body: form(() => ({
					intent: 'prepare',
					format: 'csv',
					cycle: 'matrix-under-review',
					status: 'submitted',
				})),
				writes: ['export_job'],
				settle: exportJobFinished,
			},
		},
	},
	'/analysis/export': {
		GET: {
			json: { query: '?cycle=matrix-under-review&format=json&status=submitted' },
			csv: { query: '?cycle=matrix-under-review&format=csv&status=submitted' },
			'cycle of drafts': { query: '?cycle=sc-art15-6&format=ndjson&status=submitted' },
		},
	},
	'/analysis/commonality': { GET: { party: { query: '?party=KEN' } } },
	'/analysis/commonality/export': {
		GET: {
			json: { query: '?format=json&party=KEN' },
			xlsx: { query: '?format=xlsx&lang=fr' },
			'no such party': { query: '?format=csv&party=ZZZ' },
		},
	},
	'/admin/users/invite': {
		POST: {
			'': {
				body: form(() => ({
					email: 'invited.by.the.matrix@test.example.org',
					name: 'Invited Person',
					preferredLanguage: 'en',
					roles: 'contributor',
					partyCodes: 'KEN',
				})),
				writes: ['app_user', 'one_time_token', 'outbox_message'],
			},
		},
	},
	'/admin/users/:userId': {
		POST: {
			access: {
				body: form(() => ({
					intent: 'access',
					roles: ['contributor', 'contact_point'],
					partyCodes: 'KEN',
				})),
				writes: ['user_role'],
			},
			deactivate: { body: form(() => ({ intent: 'deactivate' })), writes: ['app_user'] },
			reactivate: { body: form(() => ({ intent: 'reactivate' })), writes: ['app_user'] },
			'revoke-sessions': {
				body: form(() => ({ intent: 'revoke-sessions' })),
				writes: ['audit_event'],
			},
			'send-link': {
				body: form(() => ({ intent: 'send-link' })),
				writes: ['one_time_token', 'outbox_message'],
			},
		},
	},
	'/admin/countries/:partyCode': {
		POST: {
			status: {
				body: form(() => ({ convention: 'basel', status: 'party', note: 'Ratified.' })),
				writes: ['party_convention_status'],
			},
		},
	},
	'/admin/cycles/new': {
		POST: {
			'': {
				body: form(({ world }) => ({
					...cycleFields(world),
					code: 'matrix-created',
					titleEn: 'A cycle created by the matrix',
				})),
				writes: ['reporting_cycle'],
			},
		},
	},
	'/admin/code-lists': {
		GET: { 'one Party': { query: '?party=ARG' } },
		POST: {
			communication: {
				body: form(() => ({
					kind: 'communication',
					amendment: 'sc12-2025',
					date: '2025-10-01',
					reference: 'C.N.999.2025.TREATIES-XXVII.15',
					source: 'Written by the authorization matrix.',
					verified: 'yes',
				})),
				writes: ['code_list_release', 'audit_event'],
			},
			deposit: {
				body: form(() => ({
					kind: 'ratification',
					partyCode: 'ARG',
					amendment: 'sc10-2022',
					date: '2024-03-01',
					source: 'Written by the authorization matrix.',
				})),
				writes: ['code_list_release', 'audit_event'],
			},
			'not opt-in': {
				body: form(() => ({
					kind: 'ratification',
					partyCode: 'KEN',
					amendment: 'sc10-2022',
					date: '2024-03-01',
					source: 'Written by the authorization matrix.',
				})),
			},
		},
	},
	'/*': { POST: { '': { body: form(() => ({})) } } },
	'/admin/cycles/:cycleId': {
		POST: {
			'': {
				body: form(({ world }) => ({ ...cycleFields(world), titleEn: 'Renamed by the matrix' })),
				writes: ['reporting_cycle'],
			},
			// The cycle page's publication form (issue 16).
			publish: {
				body: form(() => ({
					intent: 'publication',
					decision: 'publish',
					publishedFrom: '2026-01-01',
				})),
				writes: ['cycle_publication', 'audit_event'],
			},
			withdraw: {
				body: form(() => ({ intent: 'publication', decision: 'withdraw' })),
				writes: ['cycle_publication', 'audit_event'],
			},
		},
	},
}

function cycleFields(world: World) {
	const values = toFormValues(world.cycle6)
	return Object.fromEntries(
		Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
	)
}

export function variantFor(route: string, method: 'GET' | 'POST', name: string) {
	const variant = VARIANTS[route]?.[method]?.[name]
	if (variant) return variant
	// A plain GET needs no description.
	return method === 'GET' && name === '' ? {} : undefined
}

/** The route's parameters, from the target (and the world, for the editor's section). */
export function paramsFor(pattern: string, target: Target, world: World) {
	const values: Record<string, string | number | undefined> = {
		sectionId: world.sectionId,
		...target,
	}
	return Object.fromEntries(
		parameterNames(pattern).map((name) => {
			const value = values[name]
			if (value === undefined) throw new Error(`no value for :${name} in the row's object`)
			return [name, String(value)]
		}),
	)
}

/** The URL a browser would ask for: the pattern with its parameters, and the variant's query. */
export function urlFor(pattern: string, params: Record<string, string>, variant: Variant) {
	const path = pattern
		.split('/')
		.map((segment) =>
			segment === '*'
				? params['*']!
				: segment.startsWith(':')
					? encodeURIComponent(params[segment.slice(1)]!)
					: segment,
		)
		.join('/')
	return `/${path}${variant.query ?? ''}`
}

export function requestFor(url: string, method: 'GET' | 'POST', body: Body | undefined) {
	if (method === 'GET') return getRequest(url)
	if (!body || 'form' in body) return formRequest(url, body?.form ?? {})
	if ('json' in body) {
		const text = JSON.stringify(body.json)
		return new Request(`${TEST_ORIGIN}${url}`, {
			method: 'POST',
			headers: {
				Origin: TEST_ORIGIN,
				'Content-Type': 'application/json',
				'Content-Length': String(new TextEncoder().encode(text).length),
			},
			body: text,
		})
	}
	const data = new FormData()
	for (const [name, value] of Object.entries(body.multipart)) data.append(name, value)
	return new Request(`${TEST_ORIGIN}${url}`, {
		method: 'POST',
		headers: { Origin: TEST_ORIGIN },
		body: data,
	})
}
