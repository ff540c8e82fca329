import { describe, expect, it } from 'vitest'
import { definitionStats } from './definition-stats.ts'
import { miniDefinition } from './fixtures/mini.ts'
import { getFormDefinition } from './registry.ts'
import type { FormDefinition } from './types.ts'

describe('definitionStats', () => {
	it('counts questions marked reconstructed on themselves or through their section or part', () => {
		const def: FormDefinition = {
			...miniDefinition(),
			reconstructed: 'The whole wording (not counted per question).',
			parts: [
				{
					id: 'p1',
					sections: [
						{
							id: 's1',
							questions: [
								{ id: 'q1', type: 'text', reconstructed: 'Ours.' },
								{ id: 'q2', type: 'text' },
								{
									id: 't1',
									type: 'table',
									rows: { kind: 'open' },
									columns: [{ id: 'c1', type: 'text', reconstructed: 'Ours.' }],
								},
							],
						},
						{
							id: 's2',
							reconstructed: 'The section.',
							questions: [
								{ id: 'q3', type: 'text' },
								{ id: 'q4', type: 'text', reconstructed: 'Ours too.' },
							],
						},
					],
				},
				{
					id: 'p2',
					reconstructed: 'The part.',
					sections: [{ id: 's3', questions: [{ id: 'q5', type: 'yes_no' }] }],
				},
			],
			rules: [],
		}
		const stats = definitionStats(def)
		expect(stats.questions).toBe(6)
		expect(stats.tables).toBe(1)
		expect(stats.reconstructed).toEqual({ total: 5, own: 3, inherited: 2 })
	})

	it('counts the real forms: most questions of the Article 15 report are reconstructed', () => {
		const v6 = definitionStats(getFormDefinition('stockholm-art15', 6)!)
		expect(v6.reconstructed.total).toBeGreaterThan(0)
		expect(v6.reconstructed.total).toBeLessThanOrEqual(v6.questions)
		expect(v6.reconstructed.own).toBeGreaterThanOrEqual(6)
	})
})
