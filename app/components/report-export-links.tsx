import { useId } from 'react'
import { useTranslation } from '../utils/use-translation.tsx'
import { Link } from 'react-router'

/**
 * Download links of a report (PDF and Excel in the page language, a given submission or the
 * default version) and, for those who may edit it, the link to the Excel import page. Named
 * "Download"; links of one submission name it too (`submissionTitleId`: the id of its heading),
 * so they are not confused with the report's own in the page header.
 */
export function ReportExportLinks({
	reportId,
	submission,
	submissionTitleId,
	canImport,
}: {
	reportId: string
	submission?: number
	submissionTitleId?: string
	canImport: boolean
}) {
	const { t, i18n } = useTranslation('exports')
	const nameId = useId()
	const query = new URLSearchParams({ lang: i18n.language })
	if (submission !== undefined) query.set('submission', String(submission))
	const href = (format: string) =>
		`/reports/${reportId}/export?${query.toString()}&format=${format}`
	return (
		<nav
			aria-label={submissionTitleId ? undefined : t('report.title')}
			aria-labelledby={submissionTitleId ? `${nameId} ${submissionTitleId}` : undefined}
			className="export-links"
		>
			{submissionTitleId ? (
				<span hidden id={nameId}>
					{t('report.title')}
				</span>
			) : null}
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
