import { z } from 'zod'

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value)

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().positive().default(3000),
	DATABASE_URL: z.string().url().optional(),
	PGLITE_DIR: z.string().optional(),
	APP_ORIGIN: z.string().url().optional(),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('National reporting <no-reply@localhost>'),
	SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
	SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
	ATTACHMENT_MAX_MB: z.coerce.number().positive().default(20),
	/** Days before the deadline a reminder goes out; negative: days after it (overdue). */
	REMINDER_OFFSETS_DAYS: z
		.string()
		.default('60,30,7,-7')
		.transform((value) =>
			value
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean)
				.map(Number),
		)
		.pipe(z.array(z.number().int().min(-365).max(365)).min(1)),
	TRUST_PROXY: z
		.enum(['true', 'false'])
		.default('false')
		.transform((v) => v === 'true'),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

/** Parsed once; an invalid environment stops the server at boot with the offending variables. */
export function getEnv(): Env {
	if (cached) return cached
	const parsed = EnvSchema.safeParse(
		Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, blankAsUnset(v)])),
	)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		throw new Error(`Invalid environment variables: ${problems}`)
	}
	cached = parsed.data
	return cached
}

export function resetEnvForTests() {
	cached = undefined
}
