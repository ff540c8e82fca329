import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { formatDate } from '#forms/locale-format.ts'
import { resourcesFor } from '../utils/i18n.server.ts'
import { LANGUAGES, type Language } from '../utils/i18n.ts'
import { createTranslator } from '../utils/translator.ts'
import { isolatedSentence } from './sentence.tsx'

/** The translator a page in `language` has (its strings only, English filling gaps). */
const translator = (language: Language) => createTranslator(language, resourcesFor(language)).t

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>)

describe('sentences with values', () => {
	it('puts a date in its own bidi isolate inside an Arabic sentence', () => {
		const t = translator('ar')
		const date = formatDate('2026-08-31', 'ar')
		expect(html(isolatedSentence(t, 'deadline.due', { date }))).toBe(
			`الموعد النهائي: <bdi>${date}</bdi>`,
		)
	})

	it('keeps count choosing the plural form, and isolates the other values', () => {
		const t = translator('ar')
		const date = <time dateTime="2026-09-03">3 سبتمبر 2026</time>
		// 3 is "few" in Arabic.
		expect(html(isolatedSentence(t, 'deadline.submittedLate', { date, count: 3 }))).toBe(
			'قُدِّم في <bdi><time dateTime="2026-09-03">3 سبتمبر 2026</time></bdi>، بتأخير 3 أيام',
		)
		expect(
			html(isolatedSentence(translator('en'), 'deadline.submittedLate', { date: 'x', count: 1 })),
		).toBe('Submitted on <bdi>x</bdi>, 1 day late')
	})

	it('isolates a Latin name in a sentence of any language, and leaves sentences without values alone', () => {
		expect(
			html(isolatedSentence(translator('zh'), 'home.welcome', { name: 'Ana Analyst' })),
		).toMatch(/<bdi>Ana Analyst<\/bdi>/)
		expect(html(isolatedSentence(translator('fr'), 'deadline.today'))).toBe('échéance aujourd’hui')
	})
})

describe('deadline badges', () => {
	// Arabic has six plural forms (0, 1, 2, 3–10, 11–99, 100…); each count here reaches another.
	const COUNTS = [0, 1, 2, 3, 11, 100, 101, 102]

	it.each(LANGUAGES)('never show a raw key in %s, whatever the number of days', (language) => {
		const t = translator(language)
		for (const key of ['deadline.left', 'deadline.overdue', 'deadline.submittedLate'])
			for (const count of COUNTS) {
				const text = t(key, { count, date: 'D' })
				expect(text, `${key} ${count}`).not.toMatch(/deadline\.|_(zero|one|two|few|many|other)/)
				if (language !== 'en')
					expect(text, `${key} ${count}`).not.toBe(translator('en')(key, { count, date: 'D' }))
			}
	})
})
