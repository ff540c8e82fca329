import type { Kysely } from 'kysely'
import nodemailer, { type Transporter } from 'nodemailer'
import {
	enqueueMessage,
	leaseQueuedMessages,
	markMessageFailed,
	markMessageSent,
	type NewOutboxMessage,
} from '#db/queries/outbox.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import type { Database } from '#db/types.ts'
import { getEnv } from './env.server.ts'

/**
 * Every email goes through the outbox table: admins can read it in the app, and when SMTP_URL is set
 * the background job delivers it. Queuing inside the caller's transaction means an email exists
 * exactly when the change that caused it was committed.
 */
export async function queueEmail(db: DbHandle, message: NewOutboxMessage) {
	return enqueueMessage(db, message)
}

let transporter: Transporter | undefined

function smtpTransport(): Transporter | undefined {
	const url = getEnv().SMTP_URL
	if (!url) return undefined
	transporter ??= nodemailer.createTransport(url)
	return transporter
}

export function isSmtpConfigured() {
	return Boolean(getEnv().SMTP_URL)
}

/** Delivers queued messages through SMTP; returns how many were sent. No-op without SMTP_URL. */
export async function deliverQueuedEmail(db: Kysely<Database>, batchSize = 20) {
	const transport = smtpTransport()
	if (!transport) return 0
	const messages = await leaseQueuedMessages(db, batchSize)
	let sent = 0
	for (const message of messages) {
		try {
			await transport.sendMail({
				from: getEnv().MAIL_FROM,
				to: message.toAddress,
				subject: message.subject,
				text: message.bodyText,
			})
			await markMessageSent(db, message.id)
			sent++
		} catch (error) {
			await markMessageFailed(
				db,
				message.id,
				error instanceof Error ? error.message : String(error),
			)
		}
	}
	return sent
}
