/**
 * Checks a translated text file (UI namespace, form texts, code-list labels) against its English
 * source: the same keys (plural categories per CLDR for the language), the same placeholders, and
 * no English left except where the file allows it. Pure: the tests and the admin page of draft
 * translations read the files and call these.
 */

/** The top-level object every translated file carries: its review state and its allowances. */
export interface TranslationMeta {
	/** `draft` until a person has reviewed the file against the official wording; then `reviewed`. */
	status: string
	note?: string
	/** Dotted keys whose value is rightly the same as the English one (codes, product names). */
	sameAsEnglish?: string[]
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Words that stay in Latin letters in every language: codes, formats, units, proper names. */
const LATIN_TOKENS = new Set(
	[
		'Excel',
		'XLSX',
		'JSON',
		'HTML',
		'SHA',
		'UNEP',
		'OpenAPI',
		'http',
		'https',
		'www',
		'example',
		'mailto',
		'CSV',
		'PDF',
		'TEQ',
		'YYYY',
		'ISO',
		'UTC',
		'CAS',
		'BRS',
		'MEA',
		'PCB',
		'PCBs',
		'DDT',
		'PFOS',
		'PFOA',
		'PFHxS',
		'HBCD',
		'PBDE',
		'PCDD',
		'PCDF',
		'PeCB',
		'HCBD',
		'SCCP',
		'SCCPs',
		'UV-328',
		'WHO',
		'GEF',
		'NIP',
		'DNA',
		'ASGM',
	].map((token) => token.toLowerCase()),
)

/** A file's strings by dotted key, leaving out its `translation` object. */
export function flattenTexts(value: unknown, prefix = ''): Record<string, string> {
	if (typeof value === 'string') return { [prefix]: value }
	if (typeof value !== 'object' || value === null) return {}
	const out: Record<string, string> = {}
	for (const [key, member] of Object.entries(value)) {
		if (!prefix && key === 'translation') continue
		Object.assign(out, flattenTexts(member, prefix ? `${prefix}.${key}` : key))
	}
	return out
}

/** The file's `translation` object, if any. */
export function translationMeta(file: unknown): TranslationMeta | undefined {
	const meta = (file as { translation?: TranslationMeta } | null)?.translation
	return meta && typeof meta.status === 'string' ? meta : undefined
}

/** `{{name}}` placeholders (other than the count) and `$t(...)` references of a text, sorted. */
export function placeholdersOf(text: string): string[] {
	const names = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]!)
	const nested = [...text.matchAll(/\$t\(([\w:.-]+)/g)].map((match) => `$t(${match[1]!})`)
	return [...new Set([...names.filter((name) => name !== 'count'), ...nested])].sort()
}

function baseKey(key: string): string {
	return key.replace(PLURAL_SUFFIX, '')
}

/** Latin-letter words of four or more letters a text keeps that are not codes or names. */
function englishWords(text: string): string[] {
	const stripped = text
		.replace(/\{\{[^}]*\}\}/g, ' ')
		.replace(/\$t\([^)]*\)/g, ' ')
		.replace(/<\/?\d+>/g, ' ')
		.replace(/\S+@\S+/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
	return [...stripped.matchAll(/[A-Za-z][A-Za-z-]{3,}/g)]
		.map((match) => match[0])
		.filter((word) => !LATIN_TOKENS.has(word.toLowerCase()))
}

/**
 * What is wrong with a translation of an English file, as readable lines (empty: nothing).
 * `latinScript`: the language is written in Latin letters, so only values identical to the
 * English ones count as English left; otherwise any English word does.
 */
export function translationProblems(
	english: unknown,
	translated: unknown,
	language: string,
	latinScript: boolean,
): string[] {
	const problems: string[] = []
	const meta = translationMeta(translated)
	if (!meta) problems.push('no "translation": { "status": … } object')
	const allowed = new Set(meta?.sameAsEnglish ?? [])
	const source = flattenTexts(english)
	const target = flattenTexts(translated)
	const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
	const sourceBases = new Map<string, string[]>()
	for (const key of Object.keys(source)) {
		const base = baseKey(key)
		sourceBases.set(base, [...(sourceBases.get(base) ?? []), key])
	}
	const expected = new Set<string>()
	for (const [base, keys] of sourceBases) {
		const plural = keys.some((key) => PLURAL_SUFFIX.test(key))
		if (plural) for (const category of categories) expected.add(`${base}_${category}`)
		else expected.add(base)
	}
	for (const key of expected) if (!(key in target)) problems.push(`missing ${key}`)
	for (const key of Object.keys(target)) if (!expected.has(key)) problems.push(`extra ${key}`)
	for (const key of expected) {
		const value = target[key]
		if (value === undefined) continue
		const base = baseKey(key)
		const englishValue =
			source[key] ?? source[`${base}_other`] ?? source[base] ?? source[`${base}_one`] ?? ''
		const want = placeholdersOf(englishValue)
		const got = placeholdersOf(value)
		if (want.join() !== got.join())
			problems.push(`${key}: placeholders ${got.join(', ') || '∅'} instead of ${want.join(', ')}`)
		if (allowed.has(key) || allowed.has(base)) continue
		if (value.trim() === '' && englishValue.trim() !== '') problems.push(`${key}: empty`)
		else if (latinScript) {
			if (value === englishValue && englishWords(englishValue).length > 0)
				problems.push(`${key}: same as English ("${value.slice(0, 60)}")`)
		} else {
			const left = englishWords(value)
			if (left.length > 0) problems.push(`${key}: English words left (${left.join(', ')})`)
		}
	}
	return problems
}

/** Languages written in Latin letters (where a loanword may rightly equal the English word). */
export const LATIN_SCRIPT_LANGUAGES: readonly string[] = ['en', 'fr', 'es']
