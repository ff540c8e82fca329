import { useMemo } from 'react'
import { useTranslation } from './use-translation.tsx'
import {
	formatDate,
	formatDateTime,
	formatFileSize,
	formatList,
	formatLocalTime,
	formatMonth,
	formatNumber,
	formatPercent,
} from '#forms/locale-format.ts'

/**
 * The formatters of `#forms/locale-format.ts` in the page's language, for components: numbers,
 * percentages (from a ratio), file sizes, lists, dates (UTC calendar dates), date-times (UTC,
 * labelled) and the time of day on the reader's clock.
 */
export function useFormat() {
	const { i18n } = useTranslation()
	const lang = i18n.language
	return useMemo(
		() => ({
			lang,
			number: (value: number, options?: { maximumFractionDigits?: number }) =>
				formatNumber(value, lang, options),
			percent: (ratio: number, options?: { maximumFractionDigits?: number }) =>
				formatPercent(ratio, lang, options),
			fileSize: (bytes: number) => formatFileSize(bytes, lang),
			list: (items: readonly string[]) => formatList(items, lang),
			date: (value: string | Date) => formatDate(value, lang),
			dateTime: (value: string | Date) => formatDateTime(value, lang),
			localTime: (value: Date | number) => formatLocalTime(value, lang),
			month: (value: Date | number) => formatMonth(value, lang),
		}),
		[lang],
	)
}

export type Formats = ReturnType<typeof useFormat>
