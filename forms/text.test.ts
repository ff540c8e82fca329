import { describe, expect, it } from 'vitest'
import commonEn from './i18n/en.json' with { type: 'json' }
import commonFr from './i18n/fr.json' with { type: 'json' }
import { getFormTexts, listFormDefinitions, requireFormDefinition } from './registry.ts'
import { formText, formTextFrom, missingTexts, textExtrasFor } from './text.ts'
import { MINI_CONTEXT, miniDefinition } from './fixtures/mini.ts'
import { evaluate } from './engine/evaluate.ts'
import { junkAnswersArbitrary } from './fixtures/arbitraries.ts'
import fc from 'fast-check'

const art15 = requireFormDefinition('stockholm-art15', 6)
const formTextFixtures = { en: getFormTexts('stockholm-art15', 'en')! }

describe('every text key a definition uses exists in English and French', () => {
	it.each(
		listFormDefinitions().flatMap((def) =>
			(['en', 'fr'] as const).map(
				(lang) => [`${def.formId} v${def.version} ${lang}`, def, lang] as const,
			),
		),
	)('%s', (_name, def, lang) => {
		expect(missingTexts(def, lang)).toEqual([])
	})

	it('the engine texts have the same keys in English and French', () => {
		const keysOf = (value: object): string[] =>
			Object.entries(value).flatMap(([key, inner]) =>
				typeof inner === 'object' && inner !== null
					? keysOf(inner).map((sub) => `${key}.${sub}`)
					: [key],
			)
		const texts = (keys: string[]) => keys.filter((key) => !key.startsWith('translation.'))
		expect(texts(keysOf(commonFr)).sort()).toEqual(keysOf(commonEn).sort())
	})

	it('reports what is missing', () => {
		expect(missingTexts(art15, 'es', { es: {} })).toContain('questions.b3_statistics')
		expect(missingTexts(art15, 'es')).toEqual([])
		expect(missingTexts(miniDefinition(), 'en', { en: { form: { title: 'Mini' } } })).toContain(
			'questions.has_plan',
		)
	})
})

describe('formText', () => {
	const en = formText(art15, 'en')
	const fr = formText(art15, 'fr')
	const es = formText(art15, 'es')

	it('resolves questions, columns, contact fields, sections and parts', () => {
		expect(fr.label('b3_statistics.export_kg')).toBe('Exportation (kg)')
		expect(fr.label('a_nfp_contact.email')).toBe('Courriel')
		expect(en.section('b_art5')).toBe(
			'Part B, Section IV — Article 5: releases from unintentional production',
		)
		expect(en.label('part_c')).toBe(
			'Part C. Progress in eliminating polychlorinated biphenyls (PCB)',
		)
		expect(en.help('b3_statistics')).toMatch(/^Enter 0 only/)
		expect(en.help('b3_exported_to_non_parties')).toBeUndefined()
		expect(fr.title()).toMatch(/^Rapport national/)
	})

	it('formTextFrom resolves from the language files it is given (browser bundles)', () => {
		const onlyEnglish = formTextFrom(art15, 'fr', { en: formTextFixtures.en }, textExtrasFor('fr'))
		expect(onlyEnglish.label('b3_statistics.export_kg')).toBe('Export (kg)')
		expect(onlyEnglish.option('yes_no', 'yes')).toBe('Oui')
		expect(onlyEnglish.option('countries', 'DEU')).toBe('Allemagne')
		// Without the extras (what a page did not receive), English is the fallback, and a code-list
		// entry reads as its code: code-list labels reach a page only with its loader's data.
		const bare = formTextFrom(art15, 'fr', { en: formTextFixtures.en })
		expect(bare.option('yes_no', 'yes')).toBe('Yes')
		expect(bare.option('countries', 'DEU')).toBe('DEU')
		const english = formTextFrom(art15, 'en', { en: formTextFixtures.en }, textExtrasFor('en'))
		expect(english.option('countries', 'DEU')).toBe('Germany')
		expect(english.unit('kg_ai')).toBe('kg of active ingredient')
	})

	it('falls back to English, then to the id', () => {
		const bare = formTextFrom(art15, 'es', { en: formTextFixtures.en })
		expect(bare.label('b3_statistics')).toBe(en.label('b3_statistics'))
		expect(bare.option('yes_no', 'yes')).toBe('Yes')
		expect(es.label('b3_statistics.export_kg')).toBe('Exportación (kg)')
		expect(es.option('yes_no', 'yes')).toBe('Sí')
		expect(es.unit('kg_ai')).toBe('kg de ingrediente activo')
		expect(en.label('no_such_question')).toBe('no_such_question')
	})

	it('resolves options from inline lists, code lists and the shared sets', () => {
		expect(fr.option('b3_export_partners.purpose', 'esm_disposal')).toBe(
			'Élimination écologiquement rationnelle',
		)
		expect(fr.option('b3_statistics.chemical', 'DDT')).toMatch(/^DDT/)
		expect(es.option('b3_import_partners.exporting_country', 'DEU')).toBe('Alemania')
		expect(fr.option('b5_releases.source_group', 'SG1')).toBe('Incinération des déchets')
		expect(fr.option('b3_new_chemicals_scheme', 'under_development')).toBe('En cours d’élaboration')
		expect(fr.option('ddt-diseases', 'malaria')).toBe('Paludisme')
		expect(fr.marker('not_available')).toBe('Information non disponible')
		expect(fr.unit('kg_ai')).toBe('kg de matière active')
	})

	it('renders issue messages with params, markers and group labels', () => {
		expect(
			en.message({
				questionId: 'b3_export_partners',
				columnId: 'quantity_kg',
				severity: 'error',
				messageKey: 'partner_exports_exceed_total',
				ruleId: 'export_partners_within_total',
				params: { group: 'DDT', total: 20, reference: 10 },
			}),
		).toBe(
			'The quantities exported to partner States for DDT (1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane) (20 kg) are more than the total exports reported (10 kg).',
		)
		expect(
			fr.message({
				questionId: 'x',
				severity: 'error',
				messageKey: 'below_min',
				params: { min: 0 },
			}),
		).toBe('La valeur ne doit pas être inférieure à 0.')
		expect(
			en.message({
				questionId: 'x',
				severity: 'error',
				messageKey: 'marker_not_allowed',
				params: { marker: 'confidential' },
			}),
		).toBe('“Confidential” cannot be used for this item.')
	})

	it('has a text for every message the engine emits on the fixture form', () => {
		const def = miniDefinition()
		const text = formText(def, 'fr', {
			en: {},
			fr: {
				messages: {
					partners_exceed: 'x',
					count_above_amount: 'x',
					none_alone: 'x',
					flag_estimate: 'x',
				},
			},
		})
		fc.assert(
			fc.property(junkAnswersArbitrary(def), (answers) =>
				evaluate(def, answers, MINI_CONTEXT).issues.every(
					(issue) => text.message(issue) !== issue.messageKey,
				),
			),
			{ numRuns: 200 },
		)
	})
})
