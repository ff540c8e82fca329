import { useTranslation } from '../../utils/use-translation.tsx'
import { NavLink } from 'react-router'
import { answerText, valueText } from '#forms/answer-text.ts'
import type { FormText } from '#forms/text-core.ts'
import type { FormDefinition } from '#forms/types.ts'
import type { Conflict } from '../../domain/save-protocol.ts'
import type { DraftSync } from './draft-sync.ts'
import { findQuestion } from '#forms/question-index.ts'
import type { ProgressSummary } from './form-model.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useSentence } from '../sentence.tsx'
import { useSyncState } from './use-report-editor.ts'

/** Parts and sections with their completeness and issue counts, computed live by the engine. */
export function SectionNav({
	reportId,
	definition,
	progress,
	text,
	threadsBySection,
}: {
	reportId: string
	definition: FormDefinition
	progress: ProgressSummary
	text: FormText
	threadsBySection: Record<string, number>
}) {
	const { t } = useTranslation('editor')
	const format = useFormat()
	return (
		<nav aria-label={t('sections.label')} className="section-nav">
			{definition.parts.map((part) =>
				progress.parts[part.id]?.visible === false ? null : (
					<div key={part.id}>
						<p className="section-nav__part">{text.section(part.id)}</p>
						<ul>
							{part.sections.map((section) => {
								const summary = progress.sections[section.id]
								if (!summary?.visible) return null
								const threads = threadsBySection[section.id] ?? 0
								return (
									<li key={section.id}>
										<NavLink
											to={`/reports/${reportId}/sections/${section.id}`}
											preventScrollReset={false}
										>
											<span className="section-nav__title">{text.section(section.id)}</span>
											<span className="section-nav__meta">
												{t('sections.complete', { percent: format.percent(summary.percent / 100) })}
												{summary.counts.errors ? (
													<span className="badge badge--late">
														{t('sections.errors', { count: summary.counts.errors })}
													</span>
												) : null}
												{summary.counts.warnings ? (
													<span className="badge badge--soon">
														{t('sections.warnings', { count: summary.counts.warnings })}
													</span>
												) : null}
												{threads ? (
													<span className="badge">{t('sections.threads', { count: threads })}</span>
												) : null}
											</span>
										</NavLink>
									</li>
								)
							})}
						</ul>
					</div>
				),
			)}
		</nav>
	)
}

/** The autosave status: saved / saving / offline / failed (with retry) / locked. */
export function SaveStatus({ sync }: { sync: DraftSync }) {
	const { t } = useTranslation('editor')
	const sentence = useSentence('editor')
	const format = useFormat()
	const state = useSyncState(sync, (s) => s)
	const label =
		state.status === 'saved'
			? state.lastSavedAt
				? sentence('save.savedAt', { time: format.localTime(state.lastSavedAt) })
				: t('save.saved')
			: state.status === 'pending'
				? t('save.pending')
				: state.status === 'saving'
					? t('save.saving')
					: state.status === 'offline'
						? t('save.offline', { count: state.dirtyCount })
						: state.status === 'locked'
							? t('save.locked')
							: t('save.failed')
	return (
		<div
			className={`save-status save-status--${state.status}`}
			role="status"
			aria-live="polite"
			data-save-status={state.status}
			data-dirty={state.dirtyCount}
		>
			<span>{label}</span>
			{state.error && state.status === 'failed' ? (
				<span className="save-status__detail">
					{t(state.error, { count: state.refused.length })}
				</span>
			) : null}
			{/* Retrying does not help answers the server refused: they wait for the user's change. */}
			{(state.status === 'failed' && (state.refused.length === 0 || state.retryInMs !== null)) ||
			state.status === 'offline' ? (
				<button type="button" className="button button--quiet" onClick={() => sync.online()}>
					{t('save.retry')}
				</button>
			) : null}
		</div>
	)
}

/** Both values of each conflicting answer, to pick one. Nothing is overwritten silently. */
export function ConflictPanel({
	sync,
	definition,
	text,
}: {
	sync: DraftSync
	definition: FormDefinition
	text: FormText
}) {
	const { t } = useTranslation('editor')
	const sentence = useSentence('editor')
	const conflicts: Conflict[] = useSyncState(sync, (s) => s.conflicts)
	if (conflicts.length === 0) return null
	const oneLine = { rowCount: (count: number) => t('conflicts.rows', { count }) }
	const display = (questionId: string, value: unknown) => {
		const question = findQuestion(definition, questionId)
		return question
			? answerText(question, value, text, { oneLine })
			: valueText({ type: 'text' }, questionId, value, text)
	}
	return (
		<section
			className="alert alert--warning conflict-panel"
			aria-labelledby="conflicts-title"
			role="alert"
		>
			<h2 id="conflicts-title">{t('conflicts.title', { count: conflicts.length })}</h2>
			<p>{t('conflicts.intro')}</p>
			<ul className="conflict-list">
				{conflicts.map((c) => (
					<li key={c.questionId} className="conflict">
						<h3>
							{findQuestion(definition, c.questionId) ? text.label(c.questionId) : c.questionId}
						</h3>
						<dl className="summary-list">
							<dt>{t('conflicts.yours')}</dt>
							<dd data-conflict="yours" dir="auto">
								{display(c.questionId, c.yours)}
							</dd>
							<dt>
								{c.theirsBy
									? sentence('conflicts.theirs', { name: c.theirsBy })
									: t('conflicts.theirs', { name: t('conflicts.someone') })}
							</dt>
							<dd data-conflict="theirs" dir="auto">
								{display(c.questionId, c.theirs)}
							</dd>
						</dl>
						<div className="button-row">
							<button
								type="button"
								className="button"
								onClick={() => sync.resolveConflict(c.questionId, 'mine')}
							>
								{t('conflicts.keepMine')}
							</button>
							<button
								type="button"
								className="button button--secondary"
								onClick={() => sync.resolveConflict(c.questionId, 'theirs')}
							>
								{t('conflicts.takeTheirs')}
							</button>
						</div>
					</li>
				))}
			</ul>
		</section>
	)
}

export function PresenceList({
	others,
	text,
}: {
	others: { name: string; sectionId: string | null }[]
	text: FormText
}) {
	const { t } = useTranslation('editor')
	if (others.length === 0) return null
	return (
		<p className="presence" aria-live="polite">
			{t('presence.alsoHere')}{' '}
			{others.map((o, i) => (
				<span key={`${o.name}-${i}`} className="badge">
					<bdi>{o.name}</bdi>
					{o.sectionId ? ` — ${text.section(o.sectionId)}` : ''}
				</span>
			))}
		</p>
	)
}
