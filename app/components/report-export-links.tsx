import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/**
 * Download links of a report (PDF and Excel in the page language, a given submission or the
 * default version) and, for those who may edit it, the link to the Excel import page.
 */
export function ReportExportLinks({
	reportId,
	submission,
	canImport,
}: {
	reportId: string
	submission?: number
	canImport: boolean
}) {
	const { t, i18n } = useTranslation('exports')
	const query = new URLSearchParams({ lang: i18n.language })
	if (submission !== undefined) query.set('submission', String(submission))
	const href = (format: string) =>
		`/reports/${reportId}/export?${query.toString()}&format=${format}`
	return (
		<nav aria-label={t('report.title')} className="export-links">
			<a href={href('pdf')} download>
				{t('report.pdf')}
			</a>
			<a href={href('xlsx')} download>
				{t('report.xlsx')}
			</a>
			{canImport ? <Link to={`/reports/${reportId}/import`}>{t('report.import')}</Link> : null}
		</nav>
	)
}
