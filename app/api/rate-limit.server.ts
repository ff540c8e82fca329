import { getEnv } from '../utils/env.server.ts'

/**
 * Rate limits of `/api/v1`, counted in this process's memory in fixed one-minute windows: per
 * client address for requests without a token, per token for requests with one. Behind several
 * instances each counts on its own (docs/decisions/015): a client may get up to N times the limit
 * across N instances, which is acceptable for a read-only API whose reason to limit is fairness.
 */
const WINDOW_MS = 60_000

export type RatePolicy = { name: 'anonymous' | 'token'; quota: number; windowSeconds: number }

export type RateDecision = {
	policy: RatePolicy
	allowed: boolean
	remaining: number
	/** Seconds until the window ends and the quota is whole again. */
	resetSeconds: number
}

type Window = { startedAt: number; count: number }
const windows = new Map<string, Window>()
let lastSweep = 0

/** Forgets windows that have ended (at most once a window), so the map stays small. */
function sweep(now: number) {
	if (now - lastSweep < WINDOW_MS) return
	lastSweep = now
	for (const [key, window] of windows) {
		if (now - window.startedAt >= WINDOW_MS) windows.delete(key)
	}
}

export function ratePolicy(kind: RatePolicy['name']): RatePolicy {
	const env = getEnv()
	return {
		name: kind,
		quota: kind === 'token' ? env.API_RATE_LIMIT_TOKEN : env.API_RATE_LIMIT_ANONYMOUS,
		windowSeconds: WINDOW_MS / 1000,
	}
}

/** Counts one request against `key` under `policy`; a refused request is not counted. */
export function takeRequest(policy: RatePolicy, key: string, now = Date.now()): RateDecision {
	sweep(now)
	const id = `${policy.name}:${key}`
	let window = windows.get(id)
	if (!window || now - window.startedAt >= WINDOW_MS) {
		window = { startedAt: now, count: 0 }
		windows.set(id, window)
	}
	const resetSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000))
	if (window.count >= policy.quota) {
		return { policy, allowed: false, remaining: 0, resetSeconds }
	}
	window.count += 1
	return { policy, allowed: true, remaining: policy.quota - window.count, resetSeconds }
}

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers (structured fields): the policy (`q` quota,
 * `w` window in seconds) and what is left of it (`r` remaining, `t` seconds until it is whole).
 */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
	const { policy } = decision
	return {
		'RateLimit-Policy': `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
		RateLimit: `"${policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`,
	}
}
