import { describe, expect, it } from 'vitest'
import { questionsOf } from '#forms/question-index.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import { validatePatch } from './patch-validation.ts'

const v6 = requireFormDefinition('stockholm-art15', 6)
const yesNo = questionsOf(v6).find((question) => question.type === 'yes_no')!.id

describe('validatePatch', () => {
	it('accepts answers of the right type and blanks', () => {
		expect(
			validatePatch(v6, [
				{ questionId: 'b7_nip_date', value: '2024-02-29' },
				{ questionId: yesNo, value: 'yes' },
				{ questionId: 'b_obstacles_reporting', value: null },
			]),
		).toEqual([])
	})

	it('names ids that are not questions first, then each refused answer in the order sent', () => {
		expect(
			validatePatch(v6, [
				{ questionId: 'b7_nip_date', value: '2023-02-29' },
				{ questionId: '__proto__', value: 'text' },
				{ questionId: yesNo, value: 'maybe' },
				{ questionId: 'constructor', value: 'text' },
				{ questionId: 'b_obstacles_reporting', value: 42 },
			]),
		).toEqual([
			{ questionId: '__proto__', message: 'save.errors.unknownQuestion' },
			{ questionId: 'constructor', message: 'save.errors.unknownQuestion' },
			{ questionId: 'b7_nip_date', message: 'save.errors.invalidDate' },
			{ questionId: yesNo, message: 'save.errors.unknownCode' },
			{ questionId: 'b_obstacles_reporting', message: 'save.errors.invalidValue' },
		])
	})

	it('refuses a question sent twice, once, and checks the last value sent', () => {
		expect(
			validatePatch(v6, [
				{ questionId: yesNo, value: 'maybe' },
				{ questionId: yesNo, value: 'no' },
				{ questionId: yesNo, value: 'yes' },
			]),
		).toEqual([{ questionId: yesNo, message: 'save.errors.duplicateQuestion' }])
	})
})
