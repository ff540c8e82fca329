import type { DbHandle } from '#db/queries/handle.ts'
import { findParty } from '#db/queries/parties.ts'
import { listActiveUsersWithRoles } from '#db/queries/users.ts'
import { isLanguage } from '../utils/i18n.ts'
import { serverTranslator } from '../utils/i18n.server.ts'
import { queueEmail } from '../utils/mail.server.ts'
import type { Report } from '#db/queries/reports.ts'
import type { ReportContext } from './report-context.server.ts'
import type { WorkflowAction } from './workflow.ts'

/** A workflow transition that happened, as the notifications need it. */
export type TransitionNotice = {
	report: Report
	context: ReportContext
	action: WorkflowAction
	comment?: string
	submission?: { number: number; sha256: string }
	/** The public origin links in emails start with. */
	origin: string
}

type Recipient = { id: string; email: string; name: string; preferredLanguage: string }

async function countryRecipients(db: DbHandle, partyCode: string) {
	return listActiveUsersWithRoles(db, ['contact_point', 'contributor'], partyCode)
}

async function reviewers(db: DbHandle) {
	return listActiveUsersWithRoles(db, ['reviewer'])
}

function send(
	db: DbHandle,
	recipients: Recipient[],
	kind: string,
	build: (
		t: ReturnType<typeof serverTranslator>,
		r: Recipient,
	) => { subject: string; body: string },
	dedupe?: (r: Recipient) => string,
) {
	return Promise.all(
		recipients.map((r) => {
			const t = serverTranslator(isLanguage(r.preferredLanguage) ? r.preferredLanguage : 'en')
			const { subject, body } = build(t, r)
			return queueEmail(db, { to: r.email, subject, bodyText: body, kind, dedupeKey: dedupe?.(r) })
		}),
	)
}

/**
 * Emails after a workflow transition, queued in the same transaction (so they exist exactly when
 * the transition happened): reviewers on submission, the country's contact points and contributors
 * on return, acceptance and reopening.
 */
export const notifyTransition = async (db: DbHandle, event: TransitionNotice) => {
	const party = await findParty(db, event.report.partyCode)
	const link = `${event.origin}/reports/${event.report.id}`
	const params = (lang: string) => ({
		country: party?.names[lang as 'en'] || party?.names.en || event.report.partyCode,
		cycle:
			event.context.cycle.title[lang as 'en'] ??
			event.context.cycle.title.en ??
			event.context.cycle.code,
		link,
		comment: event.comment ?? '',
		interpolation: { escapeValue: false },
	})
	switch (event.action) {
		case 'submit':
		case 'resubmit':
		case 'submit_on_behalf':
			await send(db, await reviewers(db), 'report.submitted', (t, r) => ({
				subject: t('email:submitted.subject', params(r.preferredLanguage)),
				body: t('email:submitted.body', {
					...params(r.preferredLanguage),
					name: r.name,
					number: event.submission?.number,
					hash: event.submission?.sha256,
				}),
			}))
			break
		case 'return':
		case 'accept':
		case 'reopen': {
			const kind =
				event.action === 'return' ? 'returned' : event.action === 'accept' ? 'accepted' : 'reopened'
			await send(
				db,
				await countryRecipients(db, event.report.partyCode),
				`report.${kind}`,
				(t, r) => ({
					subject: t(`email:${kind}.subject`, params(r.preferredLanguage)),
					body: t(`email:${kind}.body`, { ...params(r.preferredLanguage), name: r.name }),
				}),
			)
			break
		}
		case 'request_reopen':
			await send(db, await reviewers(db), 'report.reopen_requested', (t, r) => ({
				subject: t('email:reopenRequested.subject', params(r.preferredLanguage)),
				body: t('email:reopenRequested.body', { ...params(r.preferredLanguage), name: r.name }),
			}))
			break
		default:
			break
	}
}

export { countryRecipients, reviewers, send as sendToRecipients }
