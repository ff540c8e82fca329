import { useTranslation } from '../../utils/use-translation.tsx'
import { formatDate, formatNumber, formatPercent } from '#forms/locale-format.ts'

/**
 * Numbers, percentages and dates of the public pages in the page's language (through `forms/locale-format.ts`), and the names of the things they list.
 */
export function usePublicFormats() {
	const { t, i18n } = useTranslation('public')
	const language = i18n.language
	return {
		number: (value: number) => formatNumber(value, language, { maximumFractionDigits: 1 }),
		/** A share given in % (0–100), or a dash when there is none. */
		percent: (value: number | null) =>
			value === null ? '—' : formatPercent(value / 100, language),
		date: (value: string) => formatDate(value, language),
		convention: (convention: string) => t(`common:conventions.${convention}`),
		region: (region: string) =>
			region === 'none' ? t('regions.none') : t(`common:regions.${region}`),
	}
}

export type PublicFormats = ReturnType<typeof usePublicFormats>
