import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LANGUAGE, NAMESPACES, type Language, type Resources } from './i18n.ts'

/** One synchronous i18next instance per render (server) or per page load (browser). */
export function createI18n(language: Language, resources: Resources): i18n {
	const instance = i18next.createInstance()
	void instance.use(initReactI18next).init({
		lng: language,
		fallbackLng: DEFAULT_LANGUAGE,
		ns: [...NAMESPACES],
		defaultNS: 'common',
		resources: { [language]: resources },
		interpolation: { escapeValue: false },
		initAsync: false,
		returnNull: false,
	})
	return instance
}
