import { useId } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { matrixShade } from '#exports/commonality/matrix-shades.ts'
import type { CommonalityAnalysis } from '#forms/commonality.ts'

type Content = CommonalityAnalysis['content']

const ROW_HEIGHT = 18
const COLUMN_WIDTH = 84
const LABEL_WIDTH = 200
const HEADER_HEIGHT = 150
const MARGIN = 8
const LABEL_LENGTH = 30

const shorten = (label: string) =>
	label.length > LABEL_LENGTH ? `${label.slice(0, LABEL_LENGTH - 1)}…` : label

/**
 * The concept × form matrix as a heat map (concepts in rows, forms in columns, a filled cell where
 * the form asks the concept, darker when more of its questions do), for people who would rather
 * look than read. Described for screen readers (title, summary, each cell's title) and captioned;
 * the table after it gives the same with links to the questions.
 */
export function MatrixPicture({ content }: { content: Content }) {
	const { t } = useTranslation('exports')
	const id = useId()
	// Room on the right for the last column's slanted label.
	const width = LABEL_WIDTH + content.forms.length * COLUMN_WIDTH + MARGIN * 2 + HEADER_HEIGHT
	const height = HEADER_HEIGHT + content.rows.length * ROW_HEIGHT + MARGIN
	const filled = content.rows.reduce((n, row) => n + Object.keys(row.cells).length, 0)
	const columnX = (index: number) => MARGIN + LABEL_WIDTH + index * COLUMN_WIDTH
	const rowY = (index: number) => HEADER_HEIGHT + index * ROW_HEIGHT
	return (
		<figure className="chart matrix-picture" aria-labelledby={`${id}-title`}>
			<h3 id={`${id}-title`}>{t('commonality.matrixPicture')}</h3>
			<svg
				viewBox={`0 0 ${width} ${height}`}
				role="img"
				aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
				className="matrix-picture__svg"
				// Coordinates run left to right in every language (text-anchor would flip in Arabic).
				direction="ltr"
			>
				<title id={`${id}-svg-title`}>{t('commonality.matrixPicture')}</title>
				<desc id={`${id}-svg-desc`}>
					{t('commonality.matrixPictureSummary', {
						concepts: content.rows.length,
						forms: content.forms.length,
						filled,
						widely: content.widelyShared.join(', ') || '–',
					})}
				</desc>
				{content.forms.map((form, index) => {
					const x = columnX(index) + COLUMN_WIDTH / 2
					const y = HEADER_HEIGHT - 8
					return (
						<text
							key={form.formId}
							x={x}
							y={y}
							fontSize={11}
							fill="#1b1f23"
							transform={`rotate(-45 ${x} ${y})`}
						>
							<title>{form.title}</title>
							{shorten(form.title)}
						</text>
					)
				})}
				{content.rows.map((row, rowIndex) => (
					<g key={row.concept.id}>
						<text
							x={MARGIN + LABEL_WIDTH - 6}
							y={rowY(rowIndex) + ROW_HEIGHT / 2 + 4}
							textAnchor="end"
							fontSize={11}
							fontFamily="monospace"
							fill="#1b1f23"
						>
							{row.concept.id}
						</text>
						{content.forms.map((form, columnIndex) => {
							const count = row.cells[form.formId]?.length ?? 0
							const shade = matrixShade(count)
							const x = columnX(columnIndex)
							const y = rowY(rowIndex)
							const cell = `${row.concept.id}, ${form.title}: ${
								count > 0 ? t('commonality.questions', { count }) : t('commonality.notAsked')
							}`
							return (
								<g key={form.formId} data-cell={`${row.concept.id}|${form.formId}`}>
									<rect
										x={x + 1}
										y={y + 1}
										width={COLUMN_WIDTH - 2}
										height={ROW_HEIGHT - 2}
										fill={shade?.fill ?? '#ffffff'}
										stroke="#c4ccd4"
									>
										<title>{cell}</title>
									</rect>
									{shade ? (
										<text
											x={x + COLUMN_WIDTH / 2}
											y={y + ROW_HEIGHT / 2 + 4}
											textAnchor="middle"
											fontSize={10}
											fill={shade.text}
											aria-hidden="true"
										>
											{count}
										</text>
									) : null}
								</g>
							)
						})}
					</g>
				))}
			</svg>
			<figcaption className="field-help">{t('commonality.matrixPictureCaption')}</figcaption>
		</figure>
	)
}
