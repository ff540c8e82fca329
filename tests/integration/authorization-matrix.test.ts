import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopExportWorker } from '#exports/worker/client.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { routeContext, settle } from '#tests/factories.ts'
import { installChangeLog, isolated, type Changes } from '#tests/authorization/isolation.ts'
import {
	paramsFor,
	requestFor,
	urlFor,
	VARIANTS,
	variantFor,
	type Variant,
} from '#tests/authorization/requests.ts'
import {
	describeSettled,
	frameworkOutcome,
	loadRouteModule,
	outcomeOf,
	routeEntries,
	type Outcome,
	type RouteEntry,
	type RouteModule,
} from '#tests/authorization/route-table.ts'
import {
	ACTOR_COUNTRY,
	ACTORS,
	buildWorld,
	emailsQueuedNow,
	forbiddenMarkers,
	MARKERS,
	type Email,
	OBJECTS,
	type ActorName,
	type ObjectName,
	type World,
} from '#tests/authorization/world.ts'

/**
 * The authorization matrix: every route of app/routes.ts, GET and POST (with each intent its action
 * takes), asked by every kind of actor about their own country's data, another country's, and data
 * that does not exist. POLICY below is the access policy, one row per request, one column per actor:
 * anon (signed out), ctbKEN (contributor of Kenya), cpKEN and cpIND (official contact points of
 * Kenya and of India), review (secretariat reviewer), analys (analyst), admin. A new route fails
 * the suite until its rows are written.
 *
 * - 'ok': let through (data, a file, or a redirect onwards after a write).
 * - 'redirect-login': sent to the sign-in page.
 * - 403: the actor's role may not do this (said openly: roles are no secret).
 * - 404: a country's data asked for by someone who may not see it, answered exactly as for data
 *   that does not exist, so its existence does not leak.
 * - 405 (no action) and 400 (a resource route without a loader) are the framework's answers.
 * - 400, 409, 410: asked in a state or with data that cannot work (shown to those who may know).
 *
 * Every cell runs in a transaction rolled back afterwards (all cells start from the same fixtures)
 * and also checks that a refused request wrote nothing, that an allowed write wrote what it must,
 * that a GET wrote nothing it should not, and that no payload, and no email it queued, carries data
 * planted for other eyes (another country's drafts and threads, secretariat notes).
 */

const OK = 'ok'
const LOGIN = 'redirect-login'

// The matrix asks the JSON API hundreds of times from one address in a minute: no limit here
// (tests/integration/api.test.ts tests the limits).
process.env.API_RATE_LIMIT_ANONYMOUS = '1000000'

type Row = readonly [
	route: string,
	method: 'GET' | 'POST',
	variant: string,
	object: ObjectName | '',
	...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
]

// prettier-ignore
const POLICY: readonly Row[] = [
	// route                                         method  variant             object                                    anon   ctbKEN cpKEN  cpIND  review analys admin
	['root',                                          'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	// Visitors get the public overview (issue 16), signed-in users their home.
	['/',                                             'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/',                                             'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	// Signing in and out, and one-time links: open to anyone (the link's token is the credential).
	['/login',                                        'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/login',                                        'POST', '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/logout',                                       'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/logout',                                       'POST', '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/forgot-password',                              'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/forgot-password',                              'POST', '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/reset-password/:token',                        'GET',  '',                 'reset link',                             OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/reset-password/:token',                        'GET',  '',                 'unknown link',                           OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/reset-password/:token',                        'POST', '',                 'reset link',                             OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/reset-password/:token',                        'POST', '',                 'invitation link',                        410,   410,   410,   410,   410,   410,   410],
	['/reset-password/:token',                        'POST', '',                 'unknown link',                           410,   410,   410,   410,   410,   410,   410],
	['/invitation/:token',                            'GET',  '',                 'invitation link',                        OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/invitation/:token',                            'GET',  '',                 'unknown link',                           OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/invitation/:token',                            'POST', '',                 'invitation link',                        OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/invitation/:token',                            'POST', '',                 'reset link',                             410,   410,   410,   410,   410,   410,   410],
	['/invitation/:token',                            'POST', '',                 'unknown link',                           410,   410,   410,   410,   410,   410,   410],
	['/set-language',                                 'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/set-language',                                 'POST', '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	// One's own account only: there is no account id to ask for someone else's.
	['/account',                                      'GET',  '',                 '',                                       LOGIN, OK,    OK,    OK,    OK,    OK,    OK],
	['/account',                                      'POST', 'profile',          '',                                       LOGIN, OK,    OK,    OK,    OK,    OK,    OK],
	['/account',                                      'POST', 'password',         '',                                       LOGIN, OK,    OK,    OK,    OK,    OK,    OK],
	['/account',                                      'POST', 'sign-out-others',  '',                                       LOGIN, OK,    OK,    OK,    OK,    OK,    OK],
	// Personal API tokens: analysts and the secretariat create them; anyone revokes only their own.
	['/account',                                      'POST', 'create-token',     '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/account',                                      'POST', 'revoke-token',     "analyst's API token",                    LOGIN, 404,   404,   404,   404,   OK,    404],
	// A country's home: its national users and the secretariat; starting a report: its national users.
	['/countries/:partyCode',                         'GET',  '',                 'KEN',                                    LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/countries/:partyCode',                         'GET',  '',                 'IND',                                    LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/countries/:partyCode',                         'GET',  '',                 'unknown country',                        LOGIN, 404,   404,   404,   404,   404,   404],
	['/countries/:partyCode',                         'GET',  '',                 'malformed country code',                 LOGIN, 404,   404,   404,   404,   404,   404],
	['/countries/:partyCode',                         'POST', 'start',            'KEN',                                    LOGIN, OK,    OK,    404,   403,   404,   403],
	['/countries/:partyCode',                         'POST', 'start',            'IND',                                    LOGIN, 404,   404,   OK,    403,   404,   403],
	['/countries/:partyCode',                         'POST', 'start',            'unknown country',                        LOGIN, 404,   404,   404,   403,   404,   403],

	// --- A report: its country's national users and the secretariat read it; everyone else gets 404.
	['/reports/:reportId (layout)',                   'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId (layout)',                   'GET',  '',                 'KEN under review',                       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId (layout)',                   'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId (layout)',                   'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId (layout)',                   'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId (layout)',                   'GET',  '',                 'malformed report id',                    LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId (layout)',                   'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId',                            'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId',                            'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId',                            'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId',                            'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/sections',                   'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/sections',                   'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/sections',                   'GET',  '',                 'malformed report id',                    LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/sections',                   'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/sections/:sectionId',        'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/sections/:sectionId',        'GET',  '',                 'KEN under review',                       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/sections/:sectionId',        'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/sections/:sectionId',        'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/sections/:sectionId',        'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/sections/:sectionId',        'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/validation',                 'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/validation',                 'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/validation',                 'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/validation',                 'POST', 'explain',          'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/validation',                 'POST', 'explain',          'KEN under review',                       LOGIN, 403,   403,   404,   403,   404,   403],
	['/reports/:reportId/validation',                 'POST', 'explain',          'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/validation',                 'POST', 'explain',          'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	// Report once: the report's readers see the offers; its national users (while editable) decide.
	['/reports/:reportId/reuse',                      'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/reuse',                      'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/reuse',                      'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/reuse',                      'POST', 'accept all',       'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/reuse',                      'POST', 'accept all',       'KEN under review',                       LOGIN, 403,   403,   404,   403,   404,   403],
	['/reports/:reportId/reuse',                      'POST', 'accept all',       'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/reuse',                      'POST', 'accept all',       'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/history',                    'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/history',                    'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/history',                    'GET',  'one question',     'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/history',                    'GET',  'one question',     'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/history',                    'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/history',                    'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/carried-over',               'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/carried-over',               'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/carried-over',               'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/carried-over',               'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/compare',                    'GET',  '',                 'KEN under review',                       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/compare',                    'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/compare',                    'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/compare',                    'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/compare',                    'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/export',                     'GET',  'pdf',              'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/export',                     'GET',  'xlsx',             'KEN under review',                       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/export',                     'GET',  'xlsx',             'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/export',                     'GET',  'pdf',              'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/export',                     'GET',  'pdf',              'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/export',                     'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/reports/:reportId/template',                   'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/template',                   'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/template',                   'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/template',                   'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],

	// Changing answers: the country's national users while the report is editable; reviewers only
	// in a report the secretariat enters on the country's behalf.
	['/reports/:reportId/answers',                    'GET',  '',                 '',                                       400,   400,   400,   400,   400,   400,   400],
	['/reports/:reportId/answers',                    'POST', 'save',             'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'KEN under review',                       LOGIN, 409,   409,   404,   403,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'KEN on-behalf draft',                    LOGIN, OK,    OK,    404,   OK,    404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'KEN returned',                           LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'KEN on-behalf submitted',                LOGIN, 409,   409,   404,   409,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'IND under review',                       LOGIN, 404,   404,   409,   403,   404,   403],
	['/reports/:reportId/answers',                    'POST', 'save',             'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/answers',                    'POST', 'save',             'malformed report id',                    LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/presence',                   'GET',  '',                 '',                                       400,   400,   400,   400,   400,   400,   400],
	['/reports/:reportId/presence',                   'POST', 'heartbeat',        'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/presence',                   'POST', 'heartbeat',        'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/presence',                   'POST', 'heartbeat',        'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/import',                     'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/import',                     'GET',  '',                 'KEN under review',                       LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/import',                     'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/import',                     'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/import',                     'POST', 'upload',           'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/import',                     'POST', 'upload',           'KEN under review',                       LOGIN, 400,   400,   404,   403,   404,   403],
	['/reports/:reportId/import',                     'POST', 'upload',           'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	// A preview is applied by the person who made it; to anyone else it does not exist.
	['/reports/:reportId/import',                     'POST', 'apply',            "KEN draft · KEN contact point's import", LOGIN, 404,   OK,    404,   403,   404,   403],

	// Files: uploading follows the answers: who may write them (else 403), while the report is
	// editable (else 409). The secretariat's source document comes only with an on-behalf submission
	// (the submit page), never on its own (defect 5). Reading follows the report.
	['/reports/:reportId/attachments',                'GET',  '',                 '',                                       400,   400,   400,   400,   400,   400,   400],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'KEN draft',                              LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'KEN under review',                       LOGIN, 409,   409,   404,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'KEN on-behalf draft',                    LOGIN, OK,    OK,    404,   OK,    404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'KEN returned',                           LOGIN, OK,    OK,    404,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'KEN on-behalf submitted',                LOGIN, 409,   409,   404,   409,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'IND under review',                       LOGIN, 404,   404,   409,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'answer file',      'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/attachments',                'POST', 'source document',  'KEN draft',                              LOGIN, 400,   400,   404,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'source document',  'KEN under review',                       LOGIN, 409,   409,   404,   403,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'source document',  'KEN on-behalf draft',                    LOGIN, 400,   400,   404,   400,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'source document',  'KEN on-behalf submitted',                LOGIN, 409,   409,   404,   409,   404,   403],
	['/reports/:reportId/attachments',                'POST', 'source document',  'IND draft',                              LOGIN, 404,   404,   400,   403,   404,   403],
	['/reports/:reportId/attachments/:attachmentId',  'GET',  '',                 'KEN draft · KEN file',                   LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/attachments/:attachmentId',  'GET',  '',                 'IND draft · IND file',                   LOGIN, 404,   404,   OK,    OK,    404,   OK],
	// A file is found only through its own report.
	['/reports/:reportId/attachments/:attachmentId',  'GET',  '',                 'KEN draft · IND file',                   LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/attachments/:attachmentId',  'GET',  '',                 'IND draft · KEN file',                   LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/attachments/:attachmentId',  'GET',  '',                 'KEN draft · malformed file id',          LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/attachments/:attachmentId',  'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],

	// The workflow: each intent on a report in the state it applies to. The country's contact point
	// submits, recalls and asks to reopen; reviewers review. Other countries: 404.
	['/reports/:reportId/workflow',                   'GET',  '',                 '',                                       400,   400,   400,   400,   400,   400,   400],
	['/reports/:reportId/workflow',                   'POST', 'submit',           'KEN draft',                              LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'submit',           'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'submit',           'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/workflow',                   'POST', 'recall',           'KEN submitted',                          LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'recall',           'IND submitted',                          LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'start_review',     'KEN submitted',                          LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'start_review',     'IND submitted',                          LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'return',           'KEN under review',                       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'return',           'IND under review',                       LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'resubmit',         'KEN returned',                           LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'resubmit',         'IND returned',                           LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'accept',           'KEN under review',                       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'accept',           'IND under review',                       LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'request_reopen',   'KEN accepted',                           LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'request_reopen',   'IND accepted',                           LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/workflow',                   'POST', 'reopen',           'KEN accepted',                           LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'reopen',           'IND accepted',                           LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/workflow',                   'POST', 'submit_on_behalf', 'KEN on-behalf draft',                    LOGIN, 400,   400,   404,   400,   404,   400],
	['/reports/:reportId/submit',                     'GET',  '',                 'KEN draft',                              LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/submit',                     'GET',  '',                 'IND draft',                              LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/submit',                     'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/submit',                     'POST', 'submit',           'KEN draft',                              LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/submit',                     'POST', 'submit',           'IND draft',                              LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/submit',                     'POST', 'resubmit',         'KEN returned',                           LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/submit',                     'POST', 'on behalf',        'KEN on-behalf draft',                    LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/submit',                     'POST', 'on behalf',        'KEN on-behalf submitted',                LOGIN, 403,   403,   404,   409,   404,   403],
	['/reports/:reportId/submit',                     'POST', 'on behalf',        'KEN draft',                              LOGIN, 403,   403,   404,   403,   404,   403],
	['/reports/:reportId/submit',                     'POST', 'on behalf',        'IND draft',                              LOGIN, 404,   404,   403,   403,   404,   403],
	['/reports/:reportId/submissions',                'GET',  '',                 'KEN under review',                       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/submissions',                'GET',  '',                 'IND under review',                       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/submissions',                'GET',  '',                 'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/submissions',                'POST', 'recall',           'KEN submitted',                          LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/submissions',                'POST', 'recall',           'IND submitted',                          LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/submissions',                'POST', 'request_reopen',   'KEN accepted',                           LOGIN, 403,   OK,    404,   403,   404,   403],
	['/reports/:reportId/submissions',                'POST', 'request_reopen',   'IND accepted',                           LOGIN, 404,   404,   OK,    403,   404,   403],
	['/reports/:reportId/submissions/:number',        'GET',  '',                 'KEN under review · no. 1',               LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/submissions/:number',        'GET',  '',                 'IND under review · no. 1',               LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/submissions/:number',        'GET',  '',                 'KEN draft · no. 1',                      LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/submissions/:number',        'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],

	// Review: the page is the secretariat's (a role, so 403); its actions are the workflow's.
	['/reports/:reportId/review',                     'GET',  '',                 'KEN under review',                       LOGIN, 403,   403,   403,   OK,    403,   OK],
	['/reports/:reportId/review',                     'GET',  '',                 'IND under review',                       LOGIN, 403,   403,   403,   OK,    403,   OK],
	['/reports/:reportId/review',                     'GET',  '',                 'no such report',                         LOGIN, 403,   403,   403,   404,   403,   404],
	['/reports/:reportId/review',                     'POST', 'start_review',     'KEN submitted',                          LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/review',                     'POST', 'return',           'KEN under review',                       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/review',                     'POST', 'accept',           'IND under review',                       LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/review',                     'POST', 'reopen',           'KEN accepted',                           LOGIN, 403,   403,   404,   OK,    404,   403],
	// Threads: reviewers open, resolve and reopen them; the country replies to shared ones and never
	// sees the secretariat's notes; a thread is found only through its own report.
	['/reports/:reportId/threads',                    'GET',  '',                 '',                                       400,   400,   400,   400,   400,   400,   400],
	['/reports/:reportId/threads',                    'POST', 'create shared',    'KEN under review',                       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'create shared',    'IND under review',                       LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'create note',      'KEN under review',                       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'create shared',    'no such report',                         LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/threads',                    'POST', 'reply',            'KEN under review · shared thread',       LOGIN, OK,    OK,    404,   OK,    404,   OK],
	['/reports/:reportId/threads',                    'POST', 'reply',            'KEN under review · secretariat note',    LOGIN, 404,   404,   404,   OK,    404,   OK],
	['/reports/:reportId/threads',                    'POST', 'reply',            'KEN under review · IND thread',          LOGIN, 404,   404,   404,   404,   404,   404],
	['/reports/:reportId/threads',                    'POST', 'reply',            'IND under review · shared thread',       LOGIN, 404,   404,   OK,    OK,    404,   OK],
	['/reports/:reportId/threads',                    'POST', 'resolve',          'KEN under review · shared thread',       LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'resolve',          'KEN under review · secretariat note',    LOGIN, 404,   404,   404,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'resolve',          'IND under review · shared thread',       LOGIN, 404,   404,   403,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'reopen',           'KEN under review · resolved thread',     LOGIN, 403,   403,   404,   OK,    404,   403],
	['/reports/:reportId/threads',                    'POST', 'reopen',           'IND under review · resolved thread',     LOGIN, 404,   404,   403,   OK,    404,   403],
	['/review',                                       'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   OK,    403,   OK],
	['/review',                                       'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/review/enter',                                 'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   OK,    403,   403],
	['/review/enter',                                 'POST', '',                 '',                                       LOGIN, 403,   403,   403,   OK,    403,   403],
	['/review/cycles/:cycleId/dashboard',             'GET',  '',                 'cycle sc-art15-6',                       LOGIN, 403,   403,   403,   OK,    403,   OK],
	['/review/cycles/:cycleId/dashboard',             'GET',  '',                 'no such cycle',                          LOGIN, 403,   403,   403,   404,   403,   404],
	['/review/cycles/:cycleId/dashboard',             'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],

	// Compiled data of submitted reports: analysts and the secretariat. A background export is its
	// requester's alone.
	['/analysis',                                     'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis',                                     'GET',  'cycle of drafts',  '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis',                                     'POST', 'prepare',          '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/export',                              'GET',  'json',             '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/export',                              'GET',  'csv',              '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/export',                              'GET',  'cycle of drafts',  '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/export',                              'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	// The commonality analysis compares the forms and the cycles (no country's answers): analysts
	// and the secretariat; a Party's calendar is public treaty data, for them too.
	['/analysis/commonality',                         'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/commonality',                         'GET',  'party',            '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/commonality',                         'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/analysis/commonality/export',                  'GET',  'json',             '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/commonality/export',                  'GET',  'xlsx',             '',                                       LOGIN, 403,   403,   403,   OK,    OK,    OK],
	['/analysis/commonality/export',                  'GET',  'no such party',    '',                                       LOGIN, 403,   403,   403,   404,   404,   404],
	['/analysis/commonality/export',                  'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/analysis/jobs/:jobId',                         'GET',  '',                 "analyst's export",                       LOGIN, 403,   403,   403,   404,   OK,    404],
	['/analysis/jobs/:jobId',                         'GET',  '',                 "reviewer's export",                      LOGIN, 403,   403,   403,   OK,    404,   404],
	['/analysis/jobs/:jobId',                         'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/analysis/jobs/:jobId/download',                'GET',  '',                 "analyst's export",                       LOGIN, 403,   403,   403,   404,   OK,    404],
	['/analysis/jobs/:jobId/download',                'GET',  '',                 "reviewer's export",                      LOGIN, 403,   403,   403,   OK,    404,   404],
	['/analysis/jobs/:jobId/download',                'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],

	// Administration: administrators only.
	['/admin (layout)',                               'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin',                                        'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin',                                        'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/users',                                  'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users',                                  'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/users/invite',                           'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/invite',                           'POST', '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'GET',  '',                 'a Kenya contributor account',            LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'GET',  '',                 'malformed user id',                      LOGIN, 403,   403,   403,   403,   403,   404],
	['/admin/users/:userId',                          'POST', 'access',           'a Kenya contributor account',            LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'POST', 'deactivate',       'a Kenya contributor account',            LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'POST', 'reactivate',       'a deactivated account',                  LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'POST', 'revoke-sessions',  'a Kenya contributor account',            LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'POST', 'send-link',        'a Kenya contributor account',            LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/users/:userId',                          'POST', 'deactivate',       'malformed user id',                      LOGIN, 403,   403,   403,   403,   403,   404],
	['/admin/countries',                              'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/countries',                              'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/countries/:partyCode',                   'GET',  '',                 'KEN',                                    LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/countries/:partyCode',                   'GET',  '',                 'unknown country',                        LOGIN, 403,   403,   403,   403,   403,   404],
	['/admin/countries/:partyCode',                   'POST', 'status',           'KEN',                                    LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles',                                 'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles',                                 'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/cycles/new',                             'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles/new',                             'POST', '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles/:cycleId',                        'GET',  '',                 'cycle sc-art15-6',                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles/:cycleId',                        'GET',  '',                 'no such cycle',                          LOGIN, 403,   403,   403,   403,   403,   404],
	['/admin/cycles/:cycleId',                        'POST', '',                 'cycle sc-art15-6',                       LOGIN, 403,   403,   403,   403,   403,   OK],
	// Publishing a cycle on the public portal, or withdrawing it: administrators only, audited.
	['/admin/cycles/:cycleId',                        'POST', 'publish',          'cycle sc-art15-6',                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/cycles/:cycleId',                        'POST', 'publish',          'no such cycle',                          LOGIN, 403,   403,   403,   403,   403,   404],
	['/admin/cycles/:cycleId',                        'POST', 'withdraw',         'a published cycle',                      LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/translations',                           'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/translations',                           'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/code-lists',                             'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/code-lists',                             'GET',  'one Party',        '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/code-lists',                             'POST', 'communication',    '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/code-lists',                             'POST', 'deposit',          '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/code-lists',                             'POST', 'not opt-in',       '',                                       LOGIN, 403,   403,   403,   403,   403,   400],
	['/admin/outbox',                                 'GET',  '',                 '',                                       LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/outbox',                                 'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/admin/outbox/:messageId',                      'GET',  '',                 'an outbox message',                      LOGIN, 403,   403,   403,   403,   403,   OK],
	['/admin/outbox/:messageId',                      'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	// The JSON API: public data to anyone; everything else only to a bearer token with the scope,
	// never to a session cookie, so every signed-in actor gets what the signed-out one gets. Kenya's
	// accepted report is in a published cycle (the public portal's rows), so it is public here too.
	['/api/v1/docs',                                  'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/docs',                                  'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/api/v1/*',                                     'GET',  '',                 'API forms',                              OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API form ddt v1',                        OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API code lists',                         OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API code list units',                    OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API concepts',                           OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API cycles',                             OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API cycle sc-art15-6',                   OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API data of sc-art15-6',                 401,   401,   401,   401,   401,   401,   401],
	['/api/v1/*',                                     'GET',  '',                 'API codebook of sc-art15-6',             OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API open data',                          OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API files of sc-art15-6',                404,   404,   404,   404,   404,   404,   404],
	['/api/v1/*',                                     'GET',  '',                 'API parties',                            OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API party KEN',                          OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API public reports',                     OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API public · KEN accepted',              OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API public · KEN accepted · no. 1',      OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API secretariat reports',                401,   401,   401,   401,   401,   401,   401],
	['/api/v1/*',                                     'GET',  '',                 'API secretariat · KEN under review',     401,   401,   401,   401,   401,   401,   401],
	['/api/v1/*',                                     'GET',  '',                 'API secretariat · KEN under review · no. 1', 401, 401,  401,   401,   401,   401,   401],
	['/api/v1/*',                                     'GET',  '',                 'API OpenAPI document',                   OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/api/v1/*',                                     'GET',  '',                 'API no such resource',                   404,   404,   404,   404,   404,   404,   404],
	['/api/v1/*',                                     'POST', '',                 'API forms',                              405,   405,   405,   405,   405,   405,   405],
	// The public portal (issue 16): open to anyone, published cycles only; what is not published
	// is 404 for everyone, as what does not exist.
	['/parties/:partyCode',                           'GET',  '',                 'the public profile of KEN',              OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/parties/:partyCode',                           'GET',  '',                 'unknown country',                        404,   404,   404,   404,   404,   404,   404],
	['/parties/:partyCode',                           'GET',  '',                 'malformed country code',                 404,   404,   404,   404,   404,   404,   404],
	['/parties/:partyCode',                           'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/parties/:partyCode/reports/:cycleCode',        'GET',  '',                 'the accepted report of KEN, published cycle', OK, OK,  OK,    OK,    OK,    OK,    OK],
	['/parties/:partyCode/reports/:cycleCode',        'GET',  '',                 'a report of KEN not accepted, published cycle', 404, 404, 404, 404, 404,  404,   404],
	['/parties/:partyCode/reports/:cycleCode',        'GET',  '',                 'a report of KEN, unpublished cycle',     404,   404,   404,   404,   404,   404,   404],
	['/parties/:partyCode/reports/:cycleCode',        'GET',  '',                 'no such cycle code',                     404,   404,   404,   404,   404,   404,   404],
	['/parties/:partyCode/reports/:cycleCode',        'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/cycles/:cycleCode',                            'GET',  '',                 'a published cycle',                      OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/cycles/:cycleCode',                            'GET',  '',                 'an unpublished cycle',                   404,   404,   404,   404,   404,   404,   404],
	['/cycles/:cycleCode',                            'GET',  '',                 'no such cycle code',                     404,   404,   404,   404,   404,   404,   404],
	['/cycles/:cycleCode',                            'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/sdg-12-4-1',                                   'GET',  '',                 '',                                       OK,    OK,    OK,    OK,    OK,    OK,    OK],
	['/sdg-12-4-1',                                   'POST', '',                 '',                                       405,   405,   405,   405,   405,   405,   405],
	['/*',                                            'GET',  '',                 'no such page',                           404,   404,   404,   404,   404,   404,   404],
	['/*',                                            'POST', '',                 'no such page',                           404,   404,   404,   404,   404,   404,   404],
]

const describeRow = (row: Row) =>
	`${row[1]} ${row[0]}${row[2] ? ` [${row[2]}]` : ''}${row[3] ? ` · ${row[3]}` : ''}`

const routes = routeEntries()
const byKey = new Map(routes.map((entry) => [entry.key, entry]))
const modules = new Map<string, RouteModule>(
	await Promise.all(
		routes.map(async (entry) => [entry.key, await loadRouteModule(entry)] as const),
	),
)

describe('the authorization policy table', () => {
	it('names every route of app/routes.ts, for every method it answers', () => {
		const missing = routes.flatMap((entry) =>
			entry.methods
				.filter((method) => !POLICY.some((row) => row[0] === entry.key && row[1] === method))
				.map(
					(method) => `route ${entry.key} (${entry.file}) has no expected outcomes for ${method}`,
				),
		)
		expect(missing).toEqual([])
	})

	it('names only routes, objects and variants that exist', () => {
		const problems = POLICY.flatMap((row) => {
			const [route, method, variant, object] = row
			const entry = byKey.get(route)
			if (!entry) return [`${describeRow(row)}: no route ${route} in app/routes.ts`]
			if (!entry.methods.includes(method))
				return [`${describeRow(row)}: ${route} takes no ${method}`]
			if (object && !(OBJECTS as readonly string[]).includes(object))
				return [`${describeRow(row)}: no object "${object}"`]
			const framework = frameworkOutcome(modules.get(route)!, method)
			if (framework !== undefined) {
				// Nothing of the app's runs: one row, the framework's answer for everyone.
				return row.slice(4).every((outcome) => outcome === framework) && !object && !variant
					? []
					: [`${describeRow(row)}: ${entry.file} has no ${method === 'GET' ? 'loader' : 'action'}`]
			}
			return variantFor(route, method, variant)
				? []
				: [`${describeRow(row)}: no variant "${variant}" in tests/authorization/requests.ts`]
		})
		expect(problems).toEqual([])
		const seen = POLICY.map(describeRow)
		expect(seen.filter((name, i) => seen.indexOf(name) !== i)).toEqual([])
	})

	it('asks every variant and every object the helpers describe', () => {
		expect(OBJECTS.filter((object) => !POLICY.some((row) => row[3] === object))).toEqual([])
		const unused = Object.entries(VARIANTS).flatMap(([route, methods]) =>
			Object.entries(methods).flatMap(([method, variants]) =>
				Object.keys(variants)
					.filter((name) => !POLICY.some((r) => r[0] === route && r[1] === method && r[2] === name))
					.map((name) => `${method} ${route} [${name}] is in no row`),
			),
		)
		expect(unused).toEqual([])
	})

	it("never lets a national user through to another country's data", () => {
		const countryOf = (object: string) =>
			/^(KEN|IND)\b/.exec(object)?.[1] as 'KEN' | 'IND' | undefined
		const leaks = POLICY.flatMap((row) =>
			ACTORS.filter((actor, i) => {
				const own = ACTOR_COUNTRY[actor]
				const country = countryOf(row[3])
				return own && country && own !== country && row[4 + i] === OK
			}).map((actor) => `${describeRow(row)}: ${actor} is let through`),
		)
		expect(leaks).toEqual([])
	})
})

describe(`the authorization matrix (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	let t: TestDatabase
	let world: World
	/** Planted data seen by those who may see it: the proof the leak search can find something. */
	const seen = new Set<string>()

	beforeAll(async () => {
		t = await createTestDatabase()
		world = await buildWorld(t.db)
		await installChangeLog(t.db)
	}, 180_000)

	afterAll(async () => {
		await stopExportWorker()
		await t?.destroy()
	})

	it.each(POLICY.map((row) => [describeRow(row), row] as const))('%s', async (_name, row) => {
		const entry = byKey.get(row[0])!
		const module = modules.get(entry.key)!
		const failures: string[] = []
		for (const [i, actor] of ACTORS.entries()) {
			const expected = row[4 + i] as Outcome
			const cell = await runCell(world, t, entry, module, row, actor)
			const variant = variantFor(row[0], row[1], row[2]) ?? {}
			const problem = judge(expected, cell, actor, world.actors[actor], variant, row[1])
			if (problem) failures.push(`${actor}: ${problem}`)
			for (const [name, marker] of Object.entries(MARKERS)) {
				if (cell.payload.includes(marker)) seen.add(name)
			}
		}
		expect(failures, describeRow(row)).toEqual([])
	})

	it('finds the planted data where it may be seen, so the search for leaks is not blind', () => {
		expect([...seen].sort()).toEqual(Object.keys(MARKERS).sort())
	})

	it('emailed the planted data only to those who may see it', async () => {
		const emails = await emailsQueuedNow(t.db, 'ever')
		const leaks = emails.flatMap((email) =>
			leaksIn(email.text, forbiddenMarkers(email.roles.length ? email : null)).map(
				(marker) => `${email.to}: ${marker}`,
			),
		)
		expect(leaks).toEqual([])
		// The country was told about the thread opened with it (so the search can find something).
		const told = emails.filter((email) => email.text.includes(MARKERS.kenThread))
		expect(told.some((email) => email.partyCodes.includes('KEN'))).toBe(true)
	})
})

type Cell = {
	outcome: Outcome
	detail: string
	changes: Changes
	payload: string
	emails: Email[]
}

async function runCell(
	world: World,
	t: TestDatabase,
	entry: RouteEntry,
	module: RouteModule,
	row: Row,
	actor: ActorName,
): Promise<Cell> {
	const [, method, variantName, object] = row
	const framework = frameworkOutcome(module, method)
	if (framework !== undefined) {
		return { outcome: framework, detail: 'framework', changes: {}, payload: '', emails: [] }
	}
	const variant = variantFor(entry.key, method, variantName)!
	const target = object ? world.objects[object] : {}
	const user = world.actors[actor]
	const params = paramsFor(entry.pattern, target, world)
	const run = method === 'GET' ? module.loader! : module.action!
	const { value, changes } = await isolated(t.db, async (db) => {
		const request = requestFor(
			urlFor(entry.pattern, params, variant),
			method,
			variant.body?.({ world, target }),
		)
		const settled = await settle(() =>
			run({ request, params, context: routeContext(db, user) } as never),
		)
		// Bodies may stream from the database: read them before the cell is rolled back.
		const payload = await payloadOf(settled.value)
		await variant.settle?.(db, settled)
		return { settled, payload, emails: await emailsQueuedNow(db) }
	})
	return {
		outcome: outcomeOf(value.settled),
		detail: describeSettled(value.settled),
		changes,
		payload: value.payload,
		emails: value.emails,
	}
}

const TEXT = /^(text\/|application\/(json|x-ndjson))/

/** What came back, as text where it is text (binary files are not searched). */
async function payloadOf(value: unknown): Promise<string> {
	if (value instanceof Response) {
		const bytes = new Uint8Array(await value.arrayBuffer())
		return TEXT.test(value.headers.get('Content-Type') ?? '') ? new TextDecoder().decode(bytes) : ''
	}
	if (value instanceof Error) return value.message
	try {
		return JSON.stringify(value) ?? ''
	} catch {
		return String(value)
	}
}

/** Markers of `forbidden` found in `text`. */
const leaksIn = (text: string, forbidden: ReturnType<typeof forbiddenMarkers>) =>
	forbidden.filter((marker) => text.includes(MARKERS[marker]))

function judge(
	expected: Outcome,
	cell: Cell,
	actor: ActorName,
	user: World['actors'][ActorName],
	variant: Variant,
	method: 'GET' | 'POST',
): string | undefined {
	if (cell.outcome !== expected) return `expected ${expected}, got ${cell.outcome} (${cell.detail})`
	const leaked = leaksIn(cell.payload, forbiddenMarkers(user))
	if (leaked.length > 0) return `got data it must not see: ${leaked.join(', ')}`
	for (const email of cell.emails) {
		const emailed = leaksIn(email.text, forbiddenMarkers(email.roles.length ? email : null))
		if (emailed.length > 0)
			return `emailed ${email.to} data they must not see: ${emailed.join(', ')}`
	}
	if (cell.changes === 'unknown') return 'a statement failed and aborted the transaction'
	const written = Object.keys(cell.changes)
	const writes =
		typeof variant.writes === 'function' ? variant.writes(actor) : (variant.writes ?? [])
	if (expected !== OK) {
		return written.length > 0 ? `was refused but wrote to ${written.join(', ')}` : undefined
	}
	const missing = writes.filter((table) => !written.includes(table))
	if (missing.length > 0) return `was let through but did not write to ${missing.join(', ')}`
	const stray = method === 'GET' ? written.filter((table) => !writes.includes(table)) : []
	if (stray.length > 0) return `a GET that wrote to ${stray.join(', ')}`
	return undefined
}
