import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, useNavigation } from 'react-router'
import { useFollowingState } from '../../utils/use-following-state.ts'

type CycleOption = { code: string; title: string; submitted: number }
type Section = {
	id: string
	title: string
	questions: { id: string; label: string; table: boolean }[]
}
type Selection = { cycle: string; status: string; questions: string[] }

/**
 * The analysis page's filters (a GET form, so it works without JavaScript: "Show" reloads the page
 * with the chosen cycle's questions). With JavaScript, choosing another cycle reloads at once, so
 * the question list always belongs to the cycle shown in the select.
 */
export function AnalysisFilters({
	cycles,
	selection,
	sections,
	droppedQuestions,
}: {
	cycles: CycleOption[]
	selection: Selection
	sections: Section[]
	droppedQuestions: number
}) {
	const { t } = useTranslation('exports')
	const navigation = useNavigation()
	const [cycle, setCycle] = useFollowingState(selection.cycle)
	const pending = cycle !== selection.cycle
	const loading = navigation.state !== 'idle' && navigation.location?.pathname === '/analysis'
	return (
		<Form method="get" className="stack card analysis-filters" aria-busy={loading || undefined}>
			<div className="field-row">
				<div className="field">
					<label htmlFor="analysis-cycle">{t('analysis.cycle')}</label>
					<select
						id="analysis-cycle"
						name="cycle"
						value={cycle}
						aria-describedby="analysis-cycle-help"
						onChange={(event) => {
							setCycle(event.currentTarget.value)
							event.currentTarget.form?.requestSubmit()
						}}
					>
						{cycles.map((option) => (
							<option key={option.code} value={option.code}>
								{option.submitted > 0
									? t('analysis.cycleOption', { title: option.title, count: option.submitted })
									: t('analysis.cycleOptionEmpty', { title: option.title })}
							</option>
						))}
					</select>
					<p id="analysis-cycle-help" className="field-help">
						{t('analysis.cycleHelp')}
					</p>
				</div>
				<div className="field">
					<label htmlFor="analysis-status">{t('analysis.status')}</label>
					<select
						key={selection.status}
						id="analysis-status"
						name="status"
						defaultValue={selection.status}
					>
						<option value="accepted">{t('analysis.statusAccepted')}</option>
						<option value="submitted">{t('analysis.statusSubmitted')}</option>
					</select>
				</div>
			</div>
			{droppedQuestions > 0 ? (
				<p role="status" className="alert">
					{t('analysis.questionsDropped', { count: droppedQuestions })}
				</p>
			) : null}
			{pending ? (
				<p role="status" className="muted">
					{t('analysis.loadingQuestions')}
				</p>
			) : sections.length > 0 ? (
				// Remounted per selection, so the boxes show what was loaded, not what the page had before.
				<fieldset key={`${selection.cycle}|${selection.questions.join(',')}`} className="field">
					<legend>{t('analysis.questions')}</legend>
					<p className="field-help">{t('analysis.questionsHelp')}</p>
					{sections.map((section) => (
						<details
							key={section.id}
							className="analysis-section"
							open={section.questions.some((q) => selection.questions.includes(q.id))}
						>
							<summary>{section.title}</summary>
							<div className="checkbox-list">
								{section.questions.map((question) => (
									<label key={question.id} className="checkbox">
										<input
											type="checkbox"
											name="questions"
											value={question.id}
											defaultChecked={selection.questions.includes(question.id)}
										/>
										{question.label}
										{question.table ? (
											<span className="muted"> ({t('analysis.table')})</span>
										) : null}
									</label>
								))}
							</div>
						</details>
					))}
				</fieldset>
			) : null}
			<div className="button-row">
				<button type="submit" className="button">
					{t('analysis.show')}
				</button>
			</div>
		</Form>
	)
}
