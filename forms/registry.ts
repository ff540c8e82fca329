import baselEn from './basel-art13/i18n/en.json' with { type: 'json' }
import baselFr from './basel-art13/i18n/fr.json' with { type: 'json' }
import ddtEn from './ddt/i18n/en.json' with { type: 'json' }
import ddtFr from './ddt/i18n/fr.json' with { type: 'json' }
import type { FrozenForm, FrozenStatus } from './frozen.ts'
import { FROZEN_FORMS } from './published/index.ts'
import rotterdamEn from './rotterdam-report/i18n/en.json' with { type: 'json' }
import rotterdamFr from './rotterdam-report/i18n/fr.json' with { type: 'json' }
import minamataEn from './minamata-art21/i18n/en.json' with { type: 'json' }
import minamataFr from './minamata-art21/i18n/fr.json' with { type: 'json' }
import art15En from './stockholm-art15/i18n/en.json' with { type: 'json' }
import art15Fr from './stockholm-art15/i18n/fr.json' with { type: 'json' }
import baselEs from './basel-art13/i18n/es.json' with { type: 'json' }
import baselRu from './basel-art13/i18n/ru.json' with { type: 'json' }
import baselZh from './basel-art13/i18n/zh.json' with { type: 'json' }
import baselAr from './basel-art13/i18n/ar.json' with { type: 'json' }
import ddtEs from './ddt/i18n/es.json' with { type: 'json' }
import ddtRu from './ddt/i18n/ru.json' with { type: 'json' }
import ddtZh from './ddt/i18n/zh.json' with { type: 'json' }
import ddtAr from './ddt/i18n/ar.json' with { type: 'json' }
import rotterdamEs from './rotterdam-report/i18n/es.json' with { type: 'json' }
import rotterdamRu from './rotterdam-report/i18n/ru.json' with { type: 'json' }
import rotterdamZh from './rotterdam-report/i18n/zh.json' with { type: 'json' }
import rotterdamAr from './rotterdam-report/i18n/ar.json' with { type: 'json' }
import minamataEs from './minamata-art21/i18n/es.json' with { type: 'json' }
import minamataRu from './minamata-art21/i18n/ru.json' with { type: 'json' }
import minamataZh from './minamata-art21/i18n/zh.json' with { type: 'json' }
import minamataAr from './minamata-art21/i18n/ar.json' with { type: 'json' }
import art15Es from './stockholm-art15/i18n/es.json' with { type: 'json' }
import art15Ru from './stockholm-art15/i18n/ru.json' with { type: 'json' }
import art15Zh from './stockholm-art15/i18n/zh.json' with { type: 'json' }
import art15Ar from './stockholm-art15/i18n/ar.json' with { type: 'json' }
import type { FormTexts } from './text-core.ts'
import type { FormDefinition, Language } from './types.ts'

interface RegisteredForm {
	formId: string
	/** Texts shared by all versions (keys are stable ids; see `textKey` for changed wording). */
	texts: Partial<Record<Language, FormTexts>>
	/**
	 * What every quantity of the form is about when no row says it (a code of the Stockholm
	 * chemicals list): the DDT questionnaire weighs DDT. Cross-form facts use it
	 * (`forms/reuse/facts.ts`).
	 */
	implied?: { chemical?: string }
}

/** Explicit registry of every form (no registration by import side effect). */
const FORMS: readonly RegisteredForm[] = [
	{
		formId: 'stockholm-art15',
		texts: { en: art15En, fr: art15Fr, es: art15Es, ru: art15Ru, zh: art15Zh, ar: art15Ar },
	},
	{
		formId: 'ddt',
		texts: { en: ddtEn, fr: ddtFr, es: ddtEs, ru: ddtRu, zh: ddtZh, ar: ddtAr },
		implied: { chemical: 'DDT' },
	},
	{
		formId: 'basel-art13',
		texts: { en: baselEn, fr: baselFr, es: baselEs, ru: baselRu, zh: baselZh, ar: baselAr },
	},
	{
		formId: 'rotterdam-report',
		texts: {
			en: rotterdamEn,
			fr: rotterdamFr,
			es: rotterdamEs,
			ru: rotterdamRu,
			zh: rotterdamZh,
			ar: rotterdamAr,
		},
	},
	{
		formId: 'minamata-art21',
		texts: {
			en: minamataEn,
			fr: minamataFr,
			es: minamataEs,
			ru: minamataRu,
			zh: minamataZh,
			ar: minamataAr,
		},
	},
]

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value)
		for (const member of Object.values(value)) deepFreeze(member)
	}
	return value
}

/**
 * The versions the runtime serves: the frozen files of `forms/published/` (docs/decisions/011),
 * never the TypeScript builders, so a change to a builder cannot reach a frozen version. Each
 * form's versions are sorted oldest first.
 */
const byId = new Map(
	FORMS.map((form) => [
		form.formId,
		{
			...form,
			versions: FROZEN_FORMS.filter((frozen) => frozen.formId === form.formId)
				.map((frozen) => deepFreeze(frozen))
				.sort((a, b) => a.version - b.version),
		},
	]),
)

function frozenVersion(formId: string, version: number): FrozenForm | undefined {
	return byId.get(formId)?.versions.find((frozen) => frozen.version === version)
}

/** What the form's quantities are about when no row names it (see `RegisteredForm.implied`). */
export function impliedClassification(formId: string): { chemical?: string } {
	return byId.get(formId)?.implied ?? {}
}

export function getFormDefinition(formId: string, version: number): FormDefinition | undefined {
	return frozenVersion(formId, version)?.content.definition
}

/** Like `getFormDefinition`, but throws for an unknown form or version. */
export function requireFormDefinition(formId: string, version: number): FormDefinition {
	const def = getFormDefinition(formId, version)
	if (!def) throw new Error(`Unknown form definition ${formId} v${version}`)
	return def
}

/**
 * What identifies the exact content of a form version: the SHA-256 of its frozen content (stored
 * on every report and submission) and whether it is published or still a draft.
 */
export function formVersionIdentity(
	formId: string,
	version: number,
): { sha256: string; status: FrozenStatus } | undefined {
	const frozen = frozenVersion(formId, version)
	return frozen ? { sha256: frozen.sha256, status: frozen.status } : undefined
}

/** Like `formVersionIdentity`, but throws for an unknown form or version. */
export function requireFormSha256(formId: string, version: number): string {
	const identity = formVersionIdentity(formId, version)
	if (!identity) throw new Error(`Unknown form definition ${formId} v${version}`)
	return identity.sha256
}

/** Every served definition (all forms, all versions). */
export function listFormDefinitions(): FormDefinition[] {
	return [...byId.values()].flatMap((form) =>
		form.versions.map((frozen) => frozen.content.definition),
	)
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
