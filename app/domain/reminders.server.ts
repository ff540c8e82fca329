import type { Kysely } from 'kysely'
import type { ReportingCycle } from '#db/queries/cycles.ts'
import { listCycles } from '#db/queries/cycles.ts'
import { queuedDedupeKeys } from '#db/queries/outbox.ts'
import { partyReportRows } from '#db/queries/party-reports.ts'
import { listReminderRecipients } from '#db/queries/users.ts'
import type { Database, LocalizedNames, ReportStatus } from '#db/types.ts'
import { formatDate } from '#forms/locale-format.ts'
import { daysUntil, todayIso } from '../utils/dates.ts'
import { getEnv, publicOrigin } from '../utils/env.server.ts'
import { isLanguage, type Language } from '../utils/i18n.ts'
import { serverTranslator } from '../utils/i18n.server.ts'
import { queueEmail } from '../utils/mail.server.ts'

/**
 * Deadline reminders. Offsets are days before the deadline (60, 30, 7), negative ones days after
 * it (−7: the report is overdue). Every run works out, per open cycle, the one reminder due today
 * and queues it for each national user of each Party still owing the report. The outbox's unique
 * dedupe key (`reminder:<cycle>:<party>:<offset>:<user>`) makes runs idempotent, however many app
 * instances run the job at once and however often.
 */

/** A reminder whose day passed while no instance ran is still sent this many days later. */
export const REMINDER_CATCH_UP_DAYS = 30

/**
 * The offset whose reminder is due on `today` for a `deadline` (both `YYYY-MM-DD`): the nearest
 * offset already reached (an offset is reached on the day `deadline − offset`, and stays the one
 * due until a nearer one is reached), or undefined before the first offset, when the nearest
 * reached offset is more than `REMINDER_CATCH_UP_DAYS` old, or when no offset is set.
 */
export function dueReminderOffset(
	deadline: string,
	today: string,
	offsets: readonly number[],
): number | undefined {
	const daysLeft = daysUntil(deadline, today)
	const reached = offsets.filter((offset) => daysLeft <= offset)
	if (reached.length === 0) return undefined
	const nearest = Math.min(...reached)
	return daysLeft >= nearest - REMINDER_CATCH_UP_DAYS ? nearest : undefined
}

/** Overdue reminders (offsets after the deadline) go to the official contact points only. */
export function isOverdueOffset(offset: number) {
	return offset < 0
}

/** Report states in which the Party still owes the report (no report at all also counts). */
const OWING: readonly ReportStatus[] = ['draft', 'returned']

export type ReminderRunResult = {
	/** Cycle code → the offset due today (cycles without a due reminder are left out). */
	due: Record<string, number>
	/** Emails queued by this run (those already queued earlier are not counted). */
	queued: number
}

type Recipient = {
	id: string
	email: string
	name: string
	language: Language
	partyCode: string
	isContactPoint: boolean
}

async function nationalRecipients(db: Kysely<Database>): Promise<Recipient[]> {
	const byUserParty = new Map<string, Recipient>()
	for (const row of await listReminderRecipients(db)) {
		const key = `${row.id}:${row.partyCode}`
		const existing = byUserParty.get(key)
		const isContactPoint = row.role === 'contact_point'
		if (existing) existing.isContactPoint ||= isContactPoint
		else
			byUserParty.set(key, {
				id: row.id,
				email: row.email,
				name: row.name,
				language: isLanguage(row.preferredLanguage) ? row.preferredLanguage : 'en',
				partyCode: row.partyCode,
				isContactPoint,
			})
	}
	return [...byUserParty.values()]
}

/** Parties to the cycle's convention that have not submitted (no report, a draft or a returned one). */
async function owingParties(db: Kysely<Database>, cycle: ReportingCycle) {
	const rows = await partyReportRows(db, cycle)
	return rows.filter((row) => row.status === null || OWING.includes(row.status))
}

export function reminderDedupeKey(
	cycleId: string,
	partyCode: string,
	offset: number,
	userId: string,
) {
	return `reminder:${cycleId}:${partyCode}:${offset}:${userId}`
}

function reminderText(
	recipient: Recipient,
	input: {
		cycle: ReportingCycle
		countryNames: LocalizedNames
		status: ReportStatus | null
		daysLeft: number
		overdue: boolean
		link: string
	},
) {
	const lang = recipient.language
	const t = serverTranslator(lang)
	const params = {
		name: recipient.name,
		country: input.countryNames[lang] || input.countryNames.en,
		cycle: input.cycle.title[lang] || input.cycle.title.en || input.cycle.code,
		deadline: formatDate(input.cycle.deadline, lang),
		days: input.daysLeft,
		status: t(`review-dashboard:status.${input.status ?? 'not_started'}`),
		link: input.link,
	}
	return input.overdue
		? {
				subject: t('email:reminder.overdueSubject', params),
				body: t('email:reminder.overdueBody', params),
			}
		: { subject: t('email:reminder.subject', params), body: t('email:reminder.body', params) }
}

/**
 * Queues the reminders due on `today` (default: the current UTC day). Cycles count while open:
 * opened, and not further past the deadline than the last offset plus the catch-up window.
 */
export async function sendDeadlineReminders(
	db: Kysely<Database>,
	options: { today?: string; offsets?: readonly number[] } = {},
): Promise<ReminderRunResult> {
	const today = options.today ?? todayIso()
	const offsets = options.offsets ?? getEnv().REMINDER_OFFSETS_DAYS
	const result: ReminderRunResult = { due: {}, queued: 0 }
	const cycles = (await listCycles(db, { openOn: today }))
		.map((cycle) => ({ cycle, offset: dueReminderOffset(cycle.deadline, today, offsets) }))
		.filter(
			(entry): entry is { cycle: ReportingCycle; offset: number } => entry.offset !== undefined,
		)
	if (cycles.length === 0) return result
	const recipients = await nationalRecipients(db)
	const origin = publicOrigin()
	for (const { cycle, offset } of cycles) {
		result.due[cycle.code] = offset
		const overdue = isOverdueOffset(offset)
		const daysLeft = daysUntil(cycle.deadline, today)
		const parties = new Map((await owingParties(db, cycle)).map((p) => [p.code, p]))
		const messages = recipients
			.filter((r) => parties.has(r.partyCode) && (!overdue || r.isContactPoint))
			.map((recipient) => ({
				recipient,
				party: parties.get(recipient.partyCode)!,
				key: reminderDedupeKey(cycle.id, recipient.partyCode, offset, recipient.id),
			}))
		const queuedBefore = await queuedDedupeKeys(
			db,
			messages.map((m) => m.key),
		)
		for (const { recipient, party, key } of messages) {
			if (queuedBefore.has(key)) continue
			const link = party.reportId
				? `${origin}/reports/${party.reportId}`
				: `${origin}/countries/${party.code}`
			const { subject, body } = reminderText(recipient, {
				cycle,
				countryNames: party.names,
				status: party.status,
				daysLeft,
				overdue,
				link,
			})
			const id = await queueEmail(db, {
				to: recipient.email,
				subject,
				bodyText: body,
				kind: overdue ? 'reminder.overdue' : 'reminder.deadline',
				dedupeKey: key,
			})
			if (id) result.queued++
		}
	}
	return result
}
