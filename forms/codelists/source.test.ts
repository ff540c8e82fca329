import { describe, expect, it } from 'vitest'
import {
	codeListKey,
	codeListReferences,
	contextData,
	resolvedCodeListSource,
	type FormContextData,
	type ResolvedCodeLists,
} from '../engine/code-lists.ts'
import { rowsFor } from '../engine/compile.ts'
import { evaluate } from '../engine/evaluate.ts'
import { art15V6Context, ddtContext, depositaryRecordCommunicating } from '../fixtures/builders.ts'
import { completeReportOfEveryForm } from '../fixtures/complete-reports.ts'
import { requireFormDefinition } from '../registry.ts'
import type { Answers, FormContext, FormDefinition } from '../types.ts'
import {
	codeListLabelsOf,
	codeListSearchTerms,
	registeredCodeLists,
	resolveCodeLists,
} from './source.ts'

/** The context as the editor's page rebuilds it from what its loader sent (JSON). */
function asThePageHasIt(def: FormDefinition, ctx: FormContext): FormContext {
	const wire = JSON.parse(
		JSON.stringify({ context: contextData(ctx), codeLists: resolveCodeLists(def, ctx) }),
	) as { context: FormContextData; codeLists: ResolvedCodeLists }
	return { ...wire.context, codeLists: resolvedCodeListSource(wire.codeLists) }
}

const cop12Communicated = depositaryRecordCommunicating('sc12-2025', '2026-02-10')

const reports: { name: string; def: FormDefinition; ctx: FormContext; answers: Answers }[] = [
	...completeReportOfEveryForm().map(({ label, ...report }) => ({ name: label, ...report })),
	{
		name: 'Article 15, 6th cycle, a later period with the COP-12 amendment communicated',
		def: requireFormDefinition('stockholm-art15', 6),
		ctx: {
			...art15V6Context('ARG'),
			periodStart: '2026-01-01',
			periodEnd: '2029-12-31',
			depositaryRecord: cop12Communicated,
		},
		answers: {},
	},
]

describe('the code lists a page receives', () => {
	it.each(reports)(
		'give the engine the same rows and evaluation as the registry: $name',
		(report) => {
			const { def, ctx, answers } = report
			const page = asThePageHasIt(def, ctx)
			for (const part of def.parts)
				for (const section of part.sections)
					for (const question of section.questions)
						if (question.type === 'table')
							expect(rowsFor(def, question, page)).toEqual(rowsFor(def, question, ctx))
			expect(evaluate(def, answers, page)).toEqual(evaluate(def, answers, ctx))
			// Answers outside the lists are refused the same way.
			const wrong = Object.fromEntries(Object.keys(answers).map((id) => [id, 'NOT-A-CODE']))
			expect(evaluate(def, wrong, page)).toEqual(evaluate(def, wrong, ctx))
		},
	)

	it('are the codes of every list a definition reads, once per filter', () => {
		const def = requireFormDefinition('stockholm-art15', 6)
		const resolved = resolveCodeLists(def, art15V6Context())
		expect(Object.keys(resolved.codes).sort()).toEqual(
			codeListReferences(def)
				.map(({ listId, filter }) => codeListKey(listId, filter))
				.sort(),
		)
		expect(resolved.codes.countries).toContain('UGA')
		// Chemicals that do not bind the Party (yet) are left out.
		expect(resolved.chemicalsInForceFrom.PFHXS).toBe('2023-11-16')
		expect(resolved.chemicalsInForceFrom.MCCP).toBeUndefined()
	})

	it('refuse another context and lists the page was not given', () => {
		const def = requireFormDefinition('ddt', 1)
		const page = asThePageHasIt(def, ddtContext())
		expect(() =>
			page.codeLists.codes('countries', undefined, { ...page, partyCode: 'KEN' }, def.codeLists),
		).toThrow(/resolved for IND/)
		expect(() => page.codeLists.codes('basel-y', undefined, page, def.codeLists)).toThrow(
			/basel-y was not resolved/,
		)
	})

	it('carry the labels of the lists the form reads, in the language, and the units', () => {
		const def = requireFormDefinition('ddt', 1)
		const labels = codeListLabelsOf(def, 'fr')
		expect(Object.keys(labels)).toContain('units')
		expect(Object.keys(labels)).not.toContain('basel-y')
		expect(labels['ddt-diseases']?.malaria).toBe('Paludisme')
		expect(labels.countries?.DEU).toBe('Allemagne')
	})

	it('carry what pickers search besides the label, without repeating the label', () => {
		const def = requireFormDefinition('stockholm-art15', 6)
		const english = codeListSearchTerms(def, 'en')
		expect(english.countries?.CIV?.codes).toEqual(['CI'])
		expect(english.countries?.CIV?.keywords).toContain('Ivory Coast')
		expect(english.countries?.DEU?.keywords).not.toContain('Germany')
		expect(codeListSearchTerms(def, 'fr').countries?.DEU?.keywords).toContain('Germany')
		expect(english['sc-chemicals']?.PFHXS?.keywords).toContain('355-46-4')
	})

	it('come from the registry on the server', () => {
		expect(art15V6Context().codeLists).toBe(registeredCodeLists)
	})
})
