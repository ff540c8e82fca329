import { type Language, type Namespace, type Resources } from './i18n.ts'

/**
 * UI strings in one language, read from `locales/<lang>/<namespace>.json` as the server merged them
 * (`resourcesFor`: the language's own strings over English). The files are in i18next's JSON v4
 * format, which translation tools such as Weblate edit, and this runtime reads the part of that
 * format the files use (ADR 023; `translator.test.ts` checks every string against i18next itself):
 *
 * - `ns:a.b` looks up key `a.b` of namespace `ns`; without `ns:`, the namespace the caller is
 *   scoped to (`common` unless told).
 * - `{{name}}` is replaced by `options.name` as text, never HTML-escaped (React escapes). A name
 *   not passed stays as it is; one passed as `undefined` or `null` becomes empty.
 * - A number `count` chooses the plural form by the language's CLDR rules (`Intl.PluralRules`):
 *   `key_zero` when the count is 0 and there is one, then `key_one`, `key_few`, … as the rule
 *   says, then `key` itself.
 * - `$t(ns:key, {"count": {{n}}})` in a string is replaced by that key's text, with the JSON's
 *   values (after `{{…}}` in it are replaced) over the outer call's.
 * - A key with no text gives `defaultValue` if passed (with its `{{…}}` replaced), else the key.
 *
 * Values are inserted once: a value holding `{{…}}` or `$t(…)` is printed, never read as either.
 */
export type TranslateOptions = {
	count?: number
	defaultValue?: string
	[name: string]: unknown
}

export type TFunction = (key: string, options?: TranslateOptions) => string

export type Translator = {
	language: Language
	/** Keys without a namespace are looked up in `common`. */
	t: TFunction
	/** Keys without a namespace are looked up in `namespace`, under `keyPrefix.` when given. */
	scoped(namespace: Namespace, keyPrefix?: string): TFunction
}

/** `{{name}}` (also `{{- name}}`, i18next's unescaped form) or `$t(key)` / `$t(key, {json})`. */
const PLACEHOLDER =
	/\{\{(.+?)\}\}|\$t\(((?:[^()"']|"[^"]*"|'[^']*'|\((?:[^()"']|"[^"]*"|'[^']*')*\))*?)\)/g
const VARIABLE = /\{\{(.+?)\}\}/g
const NESTED_OPTIONS = /,\s*\{/

/** Nested `$t(…)` deeper than this is printed as it is (a string nesting itself). */
const MAX_NESTING = 5

export function createTranslator(language: Language, resources: Resources): Translator {
	const plural = new Intl.PluralRules(language)
	const scopes = new Map<string, TFunction>()

	/** The string at `parts[from…]` under `node`; a key may hold dots itself (`"auth.login"`). */
	function find(node: unknown, parts: string[], from: number): string | undefined {
		if (from === parts.length) return typeof node === 'string' ? node : undefined
		if (typeof node !== 'object' || node === null) return undefined
		for (let to = from + 1; to <= parts.length; to++) {
			const key = parts.slice(from, to).join('.')
			if (!Object.hasOwn(node, key)) continue
			const found = find((node as Record<string, unknown>)[key], parts, to)
			if (found !== undefined) return found
		}
		return undefined
	}

	function lookup(namespace: string, path: string) {
		return find((resources as Record<string, unknown>)[namespace], path.split('.'), 0)
	}

	function text(value: unknown) {
		return value === undefined || value === null ? '' : String(value)
	}

	/** `{{name}}` replaced from `options`: a name not passed at all stays as written. */
	function variable(name: string, options: TranslateOptions, written: string) {
		const key = name.replace(/^-/, '').trim()
		return Object.hasOwn(options, key) ? text(options[key]) : written
	}

	function nested(
		inner: string,
		options: TranslateOptions,
		namespace: string,
		depth: number,
	): string {
		const split = inner.search(NESTED_OPTIONS)
		const key = (split < 0 ? inner : inner.slice(0, split)).trim()
		let own: TranslateOptions = {}
		if (split >= 0) {
			const json = inner
				.slice(inner.indexOf('{', split))
				.replace(VARIABLE, (written, name: string) => variable(name.trim(), options, written))
			try {
				own = JSON.parse(json) as TranslateOptions
			} catch {
				return `$t(${inner})`
			}
		}
		const { defaultValue: _outerDefault, ...inherited } = options
		return translate(key, { ...inherited, ...own }, namespace, depth + 1)
	}

	function render(
		template: string,
		options: TranslateOptions,
		namespace: string,
		depth: number,
	): string {
		if (!template.includes('{{') && !template.includes('$t(')) return template
		return template.replace(PLACEHOLDER, (written, name?: string, inner?: string): string => {
			if (name !== undefined) return variable(name.trim(), options, written)
			if (depth >= MAX_NESTING) return written
			return nested(inner!, options, namespace, depth)
		})
	}

	function translate(key: string, options: TranslateOptions, scope: string, depth: number): string {
		const separator = key.indexOf(':')
		const namespace = separator < 0 ? scope : key.slice(0, separator)
		const path = separator < 0 ? key : key.slice(separator + 1)
		const { count } = options
		const candidates =
			typeof count === 'number'
				? [...(count === 0 ? [`${path}_zero`] : []), `${path}_${plural.select(count)}`, path]
				: [path]
		for (const candidate of candidates) {
			const found = lookup(namespace, candidate)
			if (found !== undefined) return render(found, options, namespace, depth)
		}
		if (options.defaultValue !== undefined)
			return render(options.defaultValue, options, namespace, depth)
		return path
	}

	function scoped(namespace: Namespace, keyPrefix?: string): TFunction {
		const id = `${namespace}:${keyPrefix ?? ''}`
		let t = scopes.get(id)
		if (!t) {
			t = (key, options = {}) =>
				translate(
					keyPrefix && !key.includes(':') ? `${keyPrefix}.${key}` : key,
					options,
					namespace,
					0,
				)
			scopes.set(id, t)
		}
		return t
	}

	return { language, t: scoped('common'), scoped }
}
