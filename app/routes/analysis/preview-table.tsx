import { useTranslation } from '../../utils/use-translation.tsx'
import type { AnalysisView } from '../../domain/analysis.server.ts'

/**
 * The first rows of the selected answers: one row per country, one column per question. Columns
 * keep a readable width and the table scrolls sideways, with the country column kept in view.
 */
export function PreviewTable({
	preview,
	caption,
}: {
	preview: AnalysisView['preview']
	caption: string
}) {
	const { t } = useTranslation('exports')
	return (
		<>
			<p id="preview-caption" className="muted">
				{caption}
			</p>
			<div
				className="table-scroll table-scroll--preview"
				tabIndex={0}
				role="region"
				aria-labelledby="preview-caption"
			>
				<table className="table table--preview" aria-labelledby="preview-caption">
					<thead>
						<tr>
							<th scope="col">{t('analysis.country')}</th>
							{preview.columns.map((column) => (
								<th key={column.id} scope="col" style={{ minWidth: headerWidth(column.label) }}>
									{column.label}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{preview.rows.map((row) => (
							<tr key={row.partyCode}>
								<th scope="row">
									{row.partyName} <span className="muted">({row.partyCode})</span>
								</th>
								{row.cells.map((cell, index) => (
									<td key={index}>{cell || '—'}</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</>
	)
}

/** Wide enough for a question's label to fit in about four lines, within sensible bounds. */
export function headerWidth(label: string) {
	return `${Math.min(26, Math.max(11, Math.ceil(label.length / 6)))}rem`
}
