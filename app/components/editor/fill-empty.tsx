import { useId, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import type { FillValue, TableQuestion } from '#forms/types.ts'
import { AnswerForm } from './answer-form.tsx'
import { useEditor } from './editor-context.tsx'
import { loadEngine, preloadEngine } from './engine-loader.ts'

/** How a fill value reads in the menu: the option's label, the number, or the marker. */
function fillLabel(
	question: TableQuestion,
	fill: FillValue,
	text: ReturnType<typeof useEditor>['text'],
) {
	if ('marker' in fill) return text.marker(fill.marker)
	if (typeof fill.value !== 'string') return String(fill.value)
	const column = question.columns.find((c) => !c.readOnly && c.type !== 'checkbox')
	return column ? text.option(`${question.id}.${column.id}`, fill.value) : fill.value
}

/**
 * "Fill every empty cell with …" for tables whose definition offers it (`fillEmpty`): one action
 * answers all that remain (e.g. every other chemical "no", every other quantity 0), never
 * overwriting an answer. The result is announced.
 */
export function FillEmpty({ question }: { question: TableQuestion }) {
	const { t } = useTranslation('editor')
	const { definition, formContext, text, store, getAnswer, setAnswer } = useEditor()
	const fills = question.fillEmpty ?? []
	const [choice, setChoice] = useState(0)
	const [status, setStatus] = useState('')
	const id = useId()
	const fill = async () => {
		const { fillEmptyCells } = await loadEngine()
		const { answer, filled } = fillEmptyCells(
			definition,
			question.id,
			getAnswer(question.id),
			fills[choice]!,
			store.evaluation,
			formContext,
		)
		if (filled > 0) setAnswer(question.id, answer)
		setStatus(t('table.filled', { count: filled }))
	}
	return (
		<AnswerForm className="fill-empty field-row">
			<label htmlFor={`${id}-fill`}>{t('table.fillEmpty')}</label>
			<select id={`${id}-fill`} value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
				{fills.map((option, i) => (
					<option key={i} value={i}>
						{fillLabel(question, option, text)}
					</option>
				))}
			</select>
			<button
				type="button"
				className="button button--secondary"
				onPointerEnter={preloadEngine}
				onFocus={preloadEngine}
				onClick={() => fill().catch(() => undefined)}
			>
				{t('table.fill')}
			</button>
			<span role="status" className="muted">
				{status}
			</span>
		</AnswerForm>
	)
}
