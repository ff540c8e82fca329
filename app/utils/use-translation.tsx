import { createContext, useContext, type ReactNode } from 'react'
import type { Namespace } from './i18n.ts'
import type { Translator } from './translator.ts'

const TranslatorContext = createContext<Translator | null>(null)

/** The page's translator, made by the root layout from its loader's language and strings. */
export function TranslationProvider({
	translator,
	children,
}: {
	translator: Translator
	children: ReactNode
}) {
	return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
}

/**
 * `t` for keys of `namespace` (`common` unless told; `other:key` reaches another), and the page's
 * translator as `i18n` (its `language`). `t` keeps its identity for the page's life.
 */
export function useTranslation(namespace: Namespace = 'common') {
	const i18n = useContext(TranslatorContext)
	if (!i18n) throw new Error('useTranslation needs a TranslationProvider (the root layout has one)')
	return { t: i18n.scoped(namespace), i18n }
}
