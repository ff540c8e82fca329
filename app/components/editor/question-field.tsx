import { memo, useMemo } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import { isMarked } from '#forms/engine/values.ts'
import type {
	AttachmentQuestion,
	CellValue,
	ContactAnswer,
	ContactQuestion,
	Issue,
	MarkedValue,
	Marker,
	Question,
	ScalarQuestion,
} from '#forms/types.ts'
import { ThreadList } from '../review/threads.tsx'
import { useAnswerField } from './answer-field.ts'
import { AnswerForm } from './answer-form.tsx'
import { AttachmentField } from './attachment-field.tsx'
import { useEditor, useQuestionState, useVisibleIssues } from './editor-context.tsx'
import { domId, optionsFor } from './form-model.ts'
import { IssueList } from './issue-list.tsx'
import { ReuseOfferNotes } from './reuse-offer-note.tsx'
import { MarkerSelect, ScalarInput } from './scalar-input.tsx'
import { TableField } from './table-field.tsx'
import { useSyncState } from './use-report-editor.ts'

/** One question of the form, rendered from its definition (no per-form UI code). */
export const QuestionField = memo(function QuestionField({ question }: { question: Question }) {
	const { visible } = useQuestionState(question.id)
	if (!visible) return null
	switch (question.type) {
		case 'table':
			return <TableField question={question} />
		case 'contact':
			return <ContactField question={question} />
		case 'attachment':
			return <AttachmentQuestionField question={question} />
		default:
			return <ScalarField question={question} />
	}
})

function QuestionFrame({
	question,
	children,
	group,
	issues,
}: {
	question: Question
	children: React.ReactNode
	group: boolean
	issues: Issue[]
}) {
	const { t } = useTranslation('editor')
	const {
		text,
		threadCounts,
		reportId,
		threads: allThreads,
		canModerateThreads,
		sync,
	} = useEditor()
	const base = domId('q', question.id)
	const refusal = useSyncState(
		sync,
		(s) => s.refused.find((r) => r.questionId === question.id)?.message ?? null,
	)
	const help = text.help(question.id)
	const { required } = useQuestionState(question.id)
	const threads = threadCounts[question.id] ?? 0
	const Heading = group ? 'legend' : 'div'
	const content = (
		<>
			<Heading className="question__label" id={`${base}-label`}>
				{group ? (
					text.label(question.id)
				) : (
					<label htmlFor={`${base}-input`}>{text.label(question.id)}</label>
				)}
				{required ? <span className="required-mark"> ({t('required')})</span> : null}
			</Heading>
			{help ? (
				<p className="field-help" id={`${base}-help`}>
					{help}
				</p>
			) : null}
			<ReuseOfferNotes question={question} />
			{children}
			{refusal ? (
				<p className="inline-error" id={`${base}-refused`} role="alert" data-refused>
					{t(refusal)}
				</p>
			) : null}
			<IssueList id={`${base}-issues`} issues={issues} />
			<p className="question__meta">
				{threads > 0 ? (
					<a href={`#${base}-threads`} className="badge badge--soon">
						{t('threads.count', { count: threads })}
					</a>
				) : null}
				<Link
					to={`/reports/${reportId}/history?question=${encodeURIComponent(question.id)}`}
					className="quiet-link"
				>
					{t('history.ofQuestion')}
				</Link>
			</p>
			<ThreadList
				id={`${base}-threads`}
				labelledBy={`${base}-label`}
				reportId={reportId}
				questionId={question.id}
				threads={allThreads[question.id] ?? []}
				canStart={canModerateThreads}
				canModerate={canModerateThreads}
			/>
		</>
	)
	return group ? (
		<fieldset
			className="question"
			id={base}
			aria-describedby={issues.length ? `${base}-issues` : undefined}
		>
			{content}
		</fieldset>
	) : (
		<div className="question" id={base}>
			{content}
		</div>
	)
}

function describedBy(
	base: string,
	help: boolean,
	issues: Issue[],
	unit: boolean,
	readOnly = false,
) {
	return (
		[
			help ? `${base}-help` : null,
			readOnly ? `${base}-readonly` : null,
			issues.length ? `${base}-issues` : null,
			unit ? `${base}-unit` : null,
		]
			.filter(Boolean)
			.join(' ') || undefined
	)
}

function ScalarField({ question }: { question: ScalarQuestion }) {
	const { t } = useTranslation('editor')
	const { text, editable, formContext, searchTerms, definition } = useEditor()
	const field = useAnswerField<CellValue>(question.id)
	const issues = useVisibleIssues(question.id)
	const base = domId('q', question.id)
	const options = useMemo(
		() => optionsFor(question, question.id, text, formContext, definition.codeLists, searchTerms),
		[question, text, formContext, definition.codeLists, searchTerms],
	)
	const readOnly = question.readOnly === true
	const group =
		!readOnly &&
		!isMarked(field.value) &&
		((question.type === 'yes_no' ||
			question.type === 'yes_no_status' ||
			question.type === 'single_choice') &&
		options.length <= 8
			? true
			: question.type === 'multiple_choice' && options.length <= 12)
	const unit = 'unit' in question && question.unit ? text.unit(question.unit) : undefined
	const markers = question.markers ?? []
	return (
		<QuestionFrame question={question} group={group} issues={issues}>
			<AnswerForm className="question__input">
				{isMarked(field.value) ? (
					<span className="marker-chip">{text.marker(field.value.marker)}</span>
				) : (
					<ScalarInput
						id={`${base}-input`}
						item={question}
						textId={question.id}
						value={field.value as CellValue | undefined}
						onChange={(value) => field.onChange(value ?? undefined)}
						options={options}
						text={text}
						disabled={!editable}
						readOnly={readOnly}
						describedBy={describedBy(
							base,
							Boolean(text.help(question.id)),
							issues,
							Boolean(unit),
							readOnly,
						)}
						invalid={issues.some((i) => i.severity === 'error')}
						labelledBy={`${base}-label`}
						placeholder={t('select.choose')}
					/>
				)}
				{unit ? (
					<span className="unit" id={`${base}-unit`}>
						{unit}
					</span>
				) : null}
				{markers.length > 0 ? (
					<MarkerSelect
						id={`${base}-marker`}
						markers={markers}
						marker={isMarked(field.value) ? field.value.marker : null}
						onChange={(marker: Marker | null) => field.onChange(marker ? { marker } : undefined)}
						text={text}
						disabled={!editable || readOnly}
						label={t('marker.label', { question: text.label(question.id) })}
					/>
				) : null}
			</AnswerForm>
			{readOnly ? (
				<p className="field-help" id={`${base}-readonly`}>
					{t(question.prefill ? 'readOnlyField.prefilled' : 'readOnlyField.fixed')}
				</p>
			) : null}
		</QuestionFrame>
	)
}

function ContactField({ question }: { question: ContactQuestion }) {
	const { text, editable } = useEditor()
	const field = useAnswerField<ContactAnswer | MarkedValue>(question.id)
	const value = (isMarked(field.value) ? {} : (field.value ?? {})) as ContactAnswer
	const allIssues = useVisibleIssues(question.id)
	const issues = allIssues.filter((i) => !i.field)
	const base = domId('q', question.id)
	return (
		<QuestionFrame question={question} group issues={issues}>
			<AnswerForm className="contact-grid">
				{question.fields.map((f) => {
					const fieldIssues = allIssues.filter((i) => i.field === f.id)
					const inputId = domId('q', question.id, f.id)
					const inputType =
						f.type === 'email'
							? 'email'
							: f.type === 'url'
								? 'url'
								: f.type === 'phone'
									? 'tel'
									: 'text'
					return (
						<div className="field" key={f.id}>
							<label htmlFor={inputId}>{text.label(`${question.id}.${f.id}`)}</label>
							{f.type === 'long_text' ? (
								<textarea
									id={inputId}
									dir="auto"
									rows={3}
									disabled={!editable}
									value={value[f.id] ?? ''}
									aria-describedby={fieldIssues.length ? `${inputId}-issues` : undefined}
									onChange={(event) => field.onChange(withField(value, f.id, event.target.value))}
								/>
							) : (
								<input
									id={inputId}
									type={inputType}
									dir="auto"
									disabled={!editable}
									autoComplete={f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'off'}
									value={value[f.id] ?? ''}
									aria-invalid={fieldIssues.some((i) => i.severity === 'error') || undefined}
									aria-describedby={fieldIssues.length ? `${inputId}-issues` : undefined}
									onChange={(event) => field.onChange(withField(value, f.id, event.target.value))}
								/>
							)}
							<IssueList id={`${inputId}-issues`} issues={fieldIssues} />
						</div>
					)
				})}
			</AnswerForm>
			<span hidden id={`${base}-input`} />
		</QuestionFrame>
	)
}

function withField(value: ContactAnswer, field: string, input: string) {
	const next = { ...value }
	if (input === '') delete next[field]
	else next[field] = input
	return Object.keys(next).length ? next : undefined
}

function AttachmentQuestionField({ question }: { question: AttachmentQuestion }) {
	const issues = useVisibleIssues(question.id)
	return (
		<QuestionFrame question={question} group issues={issues}>
			<AttachmentField question={question} />
		</QuestionFrame>
	)
}
