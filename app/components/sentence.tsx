import { Fragment, useCallback, type ReactNode } from 'react'
import { useTranslation } from '../utils/use-translation.tsx'
import type { Namespace } from '../utils/i18n.ts'
import type { TFunction } from '../utils/translator.ts'

/** Options the translator reads itself: they choose the text and are never printed as a value. */
const OPTIONS = new Set(['count', 'defaultValue'])

/** Private-use characters around a value's index: never in a translation or a value. */
const SLOT = /\uE000(\d+)\uE001/

export type SentenceValues = Record<string, ReactNode>

/**
 * A translated sentence with each value (a date, a name, a code, a number, or an element such as
 * `<time>`) in its own `<bdi>`, so that it reads right whatever its direction and the sentence's:
 * "Due 31 Aug 2026" in Arabic, a Latin chemical name in an Arabic sentence, an Arabic Party name
 * in an English one. `count` and `defaultValue` choose the text as in `t()`; `{{count}}`
 * prints as the translation has it.
 */
export function isolatedSentence(
	t: TFunction,
	key: string,
	values: SentenceValues = {},
): ReactNode {
	const slots: ReactNode[] = []
	const params: Record<string, unknown> = {}
	for (const [name, value] of Object.entries(values)) {
		if (OPTIONS.has(name)) {
			params[name] = value
			continue
		}
		params[name] = `\uE000${slots.length}\uE001`
		slots.push(value)
	}
	const parts = String(t(key, params)).split(SLOT)
	// split() with a capturing group: text, slot index, text, slot index, …, text.
	return (
		<>
			{parts.map((part, index) =>
				index % 2 === 0 ? (
					<Fragment key={index}>{part}</Fragment>
				) : (
					<bdi key={index}>{slots[Number(part)]}</bdi>
				),
			)}
		</>
	)
}

/** `isolatedSentence` in the page's language, for a namespace (`common` unless told). */
export function useSentence(namespace?: Namespace) {
	const { t } = useTranslation(namespace)
	return useCallback(
		(key: string, values?: SentenceValues) => isolatedSentence(t, key, values),
		[t],
	)
}
