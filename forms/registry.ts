import ddtEn from './ddt/i18n/en.json' with { type: 'json' }
import ddtFr from './ddt/i18n/fr.json' with { type: 'json' }
import { DDT_V1 } from './ddt/v1.ts'
import art15En from './stockholm-art15/i18n/en.json' with { type: 'json' }
import art15Fr from './stockholm-art15/i18n/fr.json' with { type: 'json' }
import { ART15_V5 } from './stockholm-art15/v5.ts'
import { ART15_V6 } from './stockholm-art15/v6.ts'
import type { FormTexts } from './text-types.ts'
import type { FormDefinition, Language } from './types.ts'

interface RegisteredForm {
	formId: string
	/** Published versions, oldest first. */
	versions: FormDefinition[]
	/** Texts shared by all versions (keys are stable ids; see `textKey` for changed wording). */
	texts: Partial<Record<Language, FormTexts>>
}

/** Explicit registry of every published form (no registration by import side effect). */
const FORMS: readonly RegisteredForm[] = [
	{
		formId: 'stockholm-art15',
		versions: [ART15_V5, ART15_V6],
		texts: { en: art15En, fr: art15Fr },
	},
	{ formId: 'ddt', versions: [DDT_V1], texts: { en: ddtEn, fr: ddtFr } },
]

const byId = new Map(FORMS.map((form) => [form.formId, form]))

export function getFormDefinition(formId: string, version: number): FormDefinition | undefined {
	return byId.get(formId)?.versions.find((def) => def.version === version)
}

/** Like `getFormDefinition`, but throws for an unknown form or version. */
export function requireFormDefinition(formId: string, version: number): FormDefinition {
	const def = getFormDefinition(formId, version)
	if (!def) throw new Error(`Unknown form definition ${formId} v${version}`)
	return def
}

/** Every published definition (all forms, all versions). */
export function listFormDefinitions(): FormDefinition[] {
	return FORMS.flatMap((form) => form.versions)
}

export function listFormIds(): string[] {
	return FORMS.map((form) => form.formId)
}

export function latestVersion(formId: string): number | undefined {
	const versions = byId.get(formId)?.versions
	return versions?.[versions.length - 1]?.version
}

export function getFormTexts(formId: string, lang: Language): FormTexts | undefined {
	return byId.get(formId)?.texts[lang]
}
