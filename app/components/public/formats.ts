import { useTranslation } from 'react-i18next'
import { formatDate } from '../../utils/dates.ts'

/**
 * Numbers, percentages and dates of the public pages in the page's language (Latin digits, as the
 * review dashboard writes them), and the names of the things they list.
 */
export function usePublicFormats() {
	const { t, i18n } = useTranslation('public')
	const language = i18n.language
	const number = new Intl.NumberFormat(`${language}-u-nu-latn`, { maximumFractionDigits: 1 })
	const percent = new Intl.NumberFormat(`${language}-u-nu-latn`, {
		style: 'percent',
		maximumFractionDigits: 0,
	})
	return {
		number: (value: number) => number.format(value),
		/** A share given in % (0–100), or a dash when there is none. */
		percent: (value: number | null) => (value === null ? '—' : percent.format(value / 100)),
		date: (value: string) => formatDate(value, language),
		convention: (convention: string) => t(`common:conventions.${convention}`),
		region: (region: string) =>
			region === 'none' ? t('regions.none') : t(`common:regions.${region}`),
	}
}

export type PublicFormats = ReturnType<typeof usePublicFormats>
