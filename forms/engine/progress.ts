import type { Progress } from '../types.ts'

/** Whole percent, rounded down: 100 only when nothing is missing. */
export function percentOf(progress: Pick<Progress, 'completeness'>): number {
	return Math.floor(progress.completeness * 100 + 1e-9)
}
