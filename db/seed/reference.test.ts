import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '#forms/types.ts'
import { DEMO_PAST_CYCLES } from '../../server/demo/reports.ts'
import { REFERENCE_CYCLES } from './reference.ts'

describe('seeded reporting cycles', () => {
	it.each([...REFERENCE_CYCLES, ...DEMO_PAST_CYCLES].map((cycle) => [cycle.code, cycle] as const))(
		'%s has a title in each of the six UN languages',
		(_code, cycle) => {
			for (const language of LANGUAGES) expect(cycle.title[language]?.trim()).toBeTruthy()
		},
	)
})
