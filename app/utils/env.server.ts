import { z } from 'zod'

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value)

/**
 * A public origin such as `https://reporting.example.org`: scheme, host and port only. A path,
 * query, fragment or credentials would make links in emails ambiguous, so they are refused.
 */
const OriginSchema = z.string().transform((value, ctx) => {
	let url: URL
	try {
		url = new URL(value)
	} catch {
		ctx.addIssue({ code: 'custom', message: 'must be an origin such as https://example.org' })
		return z.NEVER
	}
	const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
	if (!['http:', 'https:'].includes(url.protocol) || !bare) {
		ctx.addIssue({
			code: 'custom',
			message: 'must be an origin (http or https, no path), e.g. https://example.org',
		})
		return z.NEVER
	}
	return url.origin
})

/**
 * How many proxies in front of the app to trust for X-Forwarded-For / X-Forwarded-Proto: the client
 * address is the one the outermost trusted proxy saw, so a client cannot choose its own. `false` or
 * `0`: none (the default); `true`: one (a single TLS-terminating proxy); `2`, `3`…: that many hops.
 */
const TrustProxySchema = z
	.string()
	.default('false')
	.transform((value, ctx) => {
		const normalized = value.trim().toLowerCase()
		if (normalized === 'false') return 0
		if (normalized === 'true') return 1
		if (/^\d{1,2}$/.test(normalized)) return Number(normalized)
		ctx.addIssue({
			code: 'custom',
			message: 'must be false, true (one proxy) or a number of proxy hops (0–99)',
		})
		return z.NEVER
	})

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().positive().default(3000),
	DATABASE_URL: z.string().url().optional(),
	/** PostgreSQL connections per instance (read by `targetFromEnv`; checked here). */
	DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(1000).optional(),
	/** `off`: every statement unprepared, for poolers that cannot keep them (ADR 020). */
	DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
	PGLITE_DIR: z.string().optional(),
	APP_ORIGIN: OriginSchema.optional(),
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
	/** Number of trusted proxy hops (see TrustProxySchema). */
	TRUST_PROXY: TrustProxySchema,
	/** `/api/v1` requests a minute per client address without a token, and per token (per instance). */
	API_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().positive().default(120),
	API_RATE_LIMIT_TOKEN: z.coerce.number().int().positive().default(600),
	/** The licence published data are offered under (the secretariat's choice), and whom to credit. */
	OPEN_DATA_LICENCE: z.string().default('CC-BY-4.0'),
	OPEN_DATA_LICENCE_URL: z.string().url().default('https://creativecommons.org/licenses/by/4.0/'),
	OPEN_DATA_ATTRIBUTION: z
		.string()
		.default(
			'National reports to the chemicals and waste conventions, published by the secretariat',
		),
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

/**
 * The app's public origin, from configuration only: `APP_ORIGIN`, else the local listen address
 * (`http://localhost:PORT`, for the demo and development). Links in emails and the cross-site
 * request check use it; request headers (Host, X-Forwarded-Host) never decide it. The production
 * server refuses to start without APP_ORIGIN (see server/startup-checks.ts).
 */
export function publicOrigin(): string {
	const env = getEnv()
	return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
}

/** Whether the public origin is served over HTTPS (Secure cookies, HSTS). */
export function servedOverHttps(): boolean {
	return publicOrigin().startsWith('https:')
}

export function resetEnvForTests() {
	cached = undefined
}
