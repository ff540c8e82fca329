/**
 * Operator commands for a production database (DATABASE_URL), run on a server's shell:
 *
 *   npm run admin:create -- --email you@example.org --name "Your Name" [--language fr]
 *       Creates an administrator. On a terminal it asks for the password (twice, not echoed);
 *       with --password-stdin it reads it from the first line of standard input; with --invite
 *       (or without a terminal) it sends an invitation link instead (SMTP_URL, else printed here).
 *   npm run admin:disable-demo
 *       Deactivates the demo accounts (published password) and removes their passwords.
 */
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { createAdministrator } from '#app/domain/users.server.ts'
import { getEnv, publicOrigin } from '#app/utils/env.server.ts'
import { LANGUAGES } from '#app/utils/i18n.ts'
import { NewPasswordSchema } from '#app/utils/password.server.ts'
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { disableDemoAccounts } from './demo/accounts.ts'
import { isSeeded, seedReferenceData } from '#db/seed/reference.ts'

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
	const index = args.indexOf(`--${name}`)
	if (index < 0) return undefined
	const value = args[index + 1]
	if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`)
	return value
}

const CreateAdminSchema = z.object({
	email: z.string().trim().email('--email must be an email address').max(320),
	name: z.string().trim().min(1, '--name is required').max(200),
	preferredLanguage: z.enum(LANGUAGES, {
		message: `--language must be one of ${LANGUAGES.join(', ')}`,
	}),
})

function firstIssue(error: z.ZodError) {
	return error.issues[0]?.message ?? 'invalid input'
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
	const muted = rl as unknown as { _writeToOutput: (text: string) => void }
	process.stdout.write(question)
	muted._writeToOutput = () => {}
	return new Promise((resolve) =>
		rl.question('', (answer) => {
			rl.close()
			process.stdout.write('\n')
			resolve(answer)
		}),
	)
}

async function readStdinLine(): Promise<string> {
	let text = ''
	for await (const chunk of process.stdin) {
		text += String(chunk)
		if (text.includes('\n')) break
	}
	return text.split(/\r?\n/)[0] ?? ''
}

async function passwordFor(args: string[]): Promise<string | undefined> {
	let password: string
	if (args.includes('--password-stdin')) {
		password = await readStdinLine()
	} else if (!args.includes('--invite') && process.stdin.isTTY) {
		password = await promptHidden('Password (12–200 characters): ')
		if ((await promptHidden('Same password again: ')) !== password) {
			throw new UsageError('The two passwords are not the same.')
		}
	} else {
		return undefined
	}
	const checked = NewPasswordSchema.safeParse(password)
	if (!checked.success) throw new UsageError('The password must have 12 to 200 characters.')
	return checked.data
}

async function createAdmin(args: string[]) {
	const parsed = CreateAdminSchema.safeParse({
		email: option(args, 'email'),
		name: option(args, 'name'),
		preferredLanguage: option(args, 'language') ?? 'en',
	})
	if (!parsed.success) throw new UsageError(firstIssue(parsed.error))
	const password = await passwordFor(args)
	const env = getEnv()
	if (password === undefined && !env.APP_ORIGIN) {
		console.warn(`APP_ORIGIN is not set: the invitation link will point at ${publicOrigin()}.`)
	}
	const db = createDatabase(targetFromEnv())
	try {
		await migrateToLatest(db)
		if (!(await isSeeded(db))) await seedReferenceData(db)
		const result = await createAdministrator(db, { ...parsed.data, password })
		if (!result.ok) {
			throw new UsageError(
				result.error === 'admin:errors.emailTaken'
					? `An account with the email ${parsed.data.email} already exists.`
					: result.error,
			)
		}
		if (password !== undefined) {
			console.log(`Administrator ${parsed.data.email} created: sign in at ${publicOrigin()}/login`)
		} else if (env.SMTP_URL) {
			console.log(
				`Administrator ${parsed.data.email} invited: the link is emailed by the running server.`,
			)
		} else {
			console.log(`Administrator ${parsed.data.email} invited. Without SMTP_URL no email is sent:`)
			console.log(`give them this link (valid 7 days, once): ${result.link}`)
		}
	} finally {
		await db.destroy()
	}
}

async function disableDemo() {
	const db = createDatabase(targetFromEnv())
	try {
		await migrateToLatest(db)
		const disabled = await disableDemoAccounts(db)
		console.log(
			disabled.length > 0
				? `Disabled ${disabled.length} demo accounts: ${disabled.join(', ')}`
				: 'No usable demo accounts.',
		)
	} finally {
		await db.destroy()
	}
}

const [command, ...args] = process.argv.slice(2)
try {
	if (command === 'create') await createAdmin(args)
	else if (command === 'disable-demo') await disableDemo()
	else throw new UsageError('Usage: tsx db/admin.ts create --email … --name … | disable-demo')
} catch (error) {
	if (!(error instanceof UsageError)) throw error
	console.error(error.message)
	process.exitCode = 1
}
