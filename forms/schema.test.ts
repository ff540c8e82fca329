import { describe, expect, it } from 'vitest'
import { miniDefinition } from './fixtures/mini.ts'
import { listFormDefinitions } from './registry.ts'
import type { DefinitionErrorCode } from './schema.ts'
import { validateDefinition } from './schema.ts'
import type { FormDefinition, Question, TableQuestion } from './types.ts'

function question(def: FormDefinition, id: string): Question {
	for (const part of def.parts) {
		for (const section of part.sections) {
			const found = section.questions.find((candidate) => candidate.id === id)
			if (found) return found
		}
	}
	throw new Error(`no question ${id}`)
}

function table(def: FormDefinition, id: string): TableQuestion {
	return question(def, id) as TableQuestion
}

function codesOf(def: unknown): DefinitionErrorCode[] {
	const result = validateDefinition(def)
	return result.ok ? [] : result.errors.map((error) => error.code)
}

describe('meta-schema accepts the real forms', () => {
	it.each(listFormDefinitions().map((def) => [`${def.formId} v${def.version}`, def] as const))(
		'%s',
		(_name, def) => {
			const result = validateDefinition(def)
			expect(result.errors).toEqual([])
			expect(result.ok).toBe(true)
		},
	)

	it('accepts the test fixture definition', () => {
		expect(validateDefinition(miniDefinition()).ok).toBe(true)
	})
})

/** One broken definition per error code; each must be rejected with exactly that code. */
const broken: [DefinitionErrorCode, (def: FormDefinition) => unknown][] = [
	['invalid_shape', (def) => ({ ...def, version: 'six' })],
	[
		'duplicate_id',
		(def) => {
			def.parts[0]!.sections[0]!.questions.push({ id: 'has_plan', type: 'text' })
			return def
		},
	],
	[
		'duplicate_column',
		(def) => {
			table(def, 'partners').columns.push({ id: 'country', type: 'text' })
			return def
		},
	],
	[
		'duplicate_field',
		(def) => {
			const contact = question(def, 'contact') as Extract<Question, { type: 'contact' }>
			contact.fields.push({ id: 'name', type: 'text' })
			return def
		},
	],
	[
		'duplicate_option',
		(def) => {
			;(question(def, 'activities') as { options: string[] }).options.push('a')
			return def
		},
	],
	[
		'duplicate_rule',
		(def) => {
			def.rules.push({ ...def.rules[1]! })
			return def
		},
	],
	[
		'invalid_options',
		(def) => {
			Object.assign(question(def, 'activities'), { codeList: 'countries' })
			return def
		},
	],
	[
		'unknown_question',
		(def) => {
			question(def, 'plan_date').visibleIf = {
				left: { question: 'no_such_question' },
				op: 'equals',
				right: 'yes',
			}
			return def
		},
	],
	[
		'unknown_column',
		(def) => {
			table(def, 'partners').visibleIf = {
				anyRow: 'stats',
				where: { left: { cell: 'no_such_column' }, op: 'gt', right: 0 },
			}
			return def
		},
	],
	[
		'unknown_field',
		(def) => {
			question(def, 'files').visibleIf = {
				left: { question: 'contact', field: 'fax' },
				op: 'answered',
			}
			return def
		},
	],
	[
		'invalid_reference',
		(def) => {
			question(def, 'plan_date').visibleIf = { left: { cell: 'export_kg' }, op: 'gt', right: 0 }
			return def
		},
	],
	[
		'unknown_option',
		(def) => {
			question(def, 'plan_date').visibleIf = {
				left: { question: 'has_plan' },
				op: 'equals',
				right: 'maybe',
			}
			return def
		},
	],
	[
		'invalid_comparison',
		(def) => {
			question(def, 'plan_date').visibleIf = {
				left: { question: 'has_plan' },
				op: 'in',
				right: 'yes',
			}
			return def
		},
	],
	[
		'condition_cycle',
		(def) => {
			question(def, 'has_plan').visibleIf = { left: { question: 'plan_date' }, op: 'answered' }
			return def
		},
	],
	[
		'unknown_code_list',
		(def) => {
			table(def, 'stats').rows = {
				kind: 'fixed',
				dimensions: [{ column: 'chemical', codeList: 'no-such-list' }],
			}
			def.codeLists['no-such-list'] = '1'
			return def
		},
	],
	[
		'undeclared_code_list',
		(def) => {
			Object.assign(question(def, 'activities'), { options: undefined, codeList: 'ddt-diseases' })
			delete (question(def, 'activities') as { options?: unknown }).options
			return def
		},
	],
	[
		'unknown_concept',
		(def) => {
			question(def, 'has_plan').concept = 'NOT.A.CONCEPT'
			return def
		},
	],
	[
		'unknown_unit',
		(def) => {
			Object.assign(question(def, 'amount'), { unit: 'furlongs' })
			return def
		},
	],
	[
		'invalid_fixed_rows',
		(def) => {
			const stats = table(def, 'stats')
			stats.columns = stats.columns.map((column) =>
				column.id === 'year' ? { ...column, readOnly: false } : column,
			)
			return def
		},
	],
	[
		'invalid_fill',
		(def) => {
			table(def, 'stats').fillEmpty = [{ marker: 'confidential' }]
			return def
		},
	],
	[
		'invalid_rule_target',
		(def) => {
			def.rules.push({
				id: 'range_on_text',
				kind: 'range',
				severity: 'warning',
				messageKey: 'x',
				target: { question: 'note' },
				max: 3,
			})
			return def
		},
	],
	[
		'invalid_bounds',
		(def) => {
			Object.assign(question(def, 'count'), { min: 10, max: 1 })
			return def
		},
	],
	[
		'missing_english',
		(def) => {
			def.languages = ['fr']
			return def
		},
	],
]

describe('meta-schema rejects broken definitions', () => {
	it.each(broken)('%s', (code, breakIt) => {
		const codes = codesOf(breakIt(miniDefinition()))
		expect(codes).toContain(code)
		expect(new Set(codes)).toEqual(new Set([code]))
	})

	it('covers every error code with an example', () => {
		const covered = new Set(broken.map(([code]) => code))
		const all: DefinitionErrorCode[] = [
			'invalid_shape',
			'duplicate_id',
			'duplicate_column',
			'duplicate_field',
			'duplicate_option',
			'duplicate_rule',
			'invalid_options',
			'unknown_question',
			'unknown_column',
			'unknown_field',
			'invalid_reference',
			'unknown_option',
			'invalid_comparison',
			'condition_cycle',
			'unknown_code_list',
			'undeclared_code_list',
			'unknown_concept',
			'unknown_unit',
			'invalid_fixed_rows',
			'invalid_fill',
			'invalid_rule_target',
			'invalid_bounds',
			'missing_english',
		]
		expect([...covered].sort()).toEqual([...all].sort())
	})

	it('checks row conditions, lookups and in-force years of fixed tables', () => {
		const lookupOutsideRow = miniDefinition()
		question(lookupOutsideRow, 'plan_date').visibleIf = {
			left: { lookup: { table: 'stats', key: ['chemical'], column: 'export_kg' } },
			op: 'answered',
		}
		expect(codesOf(lookupOutsideRow)).toEqual(['invalid_reference'])

		const wrongKey = miniDefinition()
		const partners = table(wrongKey, 'partners')
		partners.columns[0] = { ...partners.columns[0]!, visibleIf: undefined }
		const stats = table(wrongKey, 'stats')
		if (stats.rows.kind !== 'fixed') throw new Error('fixed')
		stats.rows.visibleIf = {
			left: { lookup: { table: 'stats', key: ['chemical'], column: 'export_kg' } },
			op: 'answered',
		}
		// Keyed by chemical only, but the table has two dimensions (and reads itself: a cycle).
		expect(new Set(codesOf(wrongKey))).toEqual(new Set(['invalid_reference', 'condition_cycle']))

		const yearsOfNothing = miniDefinition()
		const rows = table(yearsOfNothing, 'stats').rows
		if (rows.kind !== 'fixed') throw new Error('fixed')
		rows.dimensions[1] = { column: 'year', periodYears: true, inForceFor: 'year' }
		expect(codesOf(yearsOfNothing)).toEqual(['invalid_fixed_rows'])
	})

	it('reports references in rules, not only in conditions', () => {
		const def = miniDefinition()
		def.rules.push({
			id: 'bad_aggregate',
			kind: 'aggregate',
			severity: 'error',
			messageKey: 'x',
			source: { table: 'partners', column: 'quantity', groupBy: ['chemical'] },
			op: 'lte',
			reference: { table: 'missing_table', column: 'export_kg', groupBy: ['chemical'] },
		})
		expect(codesOf(def).sort()).toEqual(['unknown_column', 'unknown_question'])
	})

	it('gives the path of the problem', () => {
		const def = miniDefinition()
		question(def, 'plan_date').visibleIf = { left: { question: 'ghost' }, op: 'answered' }
		const result = validateDefinition(def)
		expect(result.ok).toBe(false)
		if (!result.ok) {
			expect(result.errors[0]!.path).toEqual([
				'parts',
				0,
				'sections',
				0,
				'questions',
				2,
				'visibleIf',
				'left',
			])
		}
	})

	it('never throws on arbitrary input', () => {
		for (const value of [
			null,
			42,
			'form',
			[],
			{ parts: 'x' },
			{ ...miniDefinition(), parts: [{ id: 'p', sections: [] }] },
		]) {
			expect(validateDefinition(value).ok).toBe(false)
		}
	})
})
