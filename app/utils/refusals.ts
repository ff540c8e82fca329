/**
 * Why the domain refuses a request, and the one HTTP status each reason is answered with. Domain
 * functions return a reason; routes answer `statusFor(reason)`.
 */
export const STATUS_FOR_REFUSAL = {
	invalid: 400,
	not_allowed_for_role: 403,
	not_found: 404,
	not_allowed_in_state: 409,
	precondition: 409,
	conflict: 409,
	too_large: 413,
	unsupported_type: 415,
	throttled: 429,
} as const

export type RefusalReason = keyof typeof STATUS_FOR_REFUSAL

export function statusFor(reason: RefusalReason) {
	return STATUS_FOR_REFUSAL[reason]
}
