import { memo, useEffect, useMemo, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import {
	Link,
	redirect,
	useLoaderData,
	useLocation,
	useParams,
	type ShouldRevalidateFunctionArgs,
} from 'react-router'
import { listAttachments } from '#db/queries/attachments.ts'
import { loadAnswers } from '#db/queries/reports.ts'
import { codeListLabelsOf, codeListSearchTerms, resolveCodeLists } from '#forms/codelists/source.ts'
import { contextData, resolvedCodeListSource } from '#forms/engine/code-lists.ts'
import { evaluate } from '#forms/engine/evaluate.ts'
import { getFormTexts } from '#forms/registry.ts'
import { formTextFrom } from '#forms/text-core.ts'
import { getCommonTexts } from '#forms/text.ts'
import type { Answers, Language } from '#forms/types.ts'
import type { Route } from './+types/editor.ts'
import { requireReport } from './report-access.server.ts'
import { describeOffers, offersByQuestion } from './reuse-offers.server.ts'
import { withExpectedRows } from '../../domain/fixed-rows.ts'
import {
	EditorProvider,
	useEditor,
	useProgress,
	useSectionVisibility,
	useShowMissing,
	type AttachmentInfo,
} from '../../components/editor/editor-context.tsx'
import {
	ConflictPanel,
	PresenceList,
	SaveStatus,
	SectionNav,
} from '../../components/editor/editor-chrome.tsx'
import { preloadEngine } from '../../components/editor/engine-loader.ts'
import { firstQuestion, focusQuestion } from '../../components/editor/focus-question.ts'
import { sectionsOf } from '../../components/editor/form-model.ts'
import { DirectionalArrow } from '../../components/directional-arrow.tsx'
import { QuestionField } from '../../components/editor/question-field.tsx'
import { useReportEditor, useSyncState } from '../../components/editor/use-report-editor.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useInteractive } from '../../utils/use-interactive.ts'
import { listThreads } from '#db/queries/threads.ts'
import type { ThreadData } from '../../components/review/threads.tsx'
import { openOffers } from '../../domain/report-once.server.ts'
import { countOpenThreadsByQuestion } from '../../domain/threads.server.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'
import { hasRole, isSecretariat } from '../../utils/permissions.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const access = await requireReport(context, request, params.reportId)
	const { user, report, definition, formContext, canEdit } = access
	const sections = sectionsOf(definition)
	if (!params.sectionId) throw redirect(`/reports/${report.id}/sections/${sections[0]!.sectionId}`)
	if (!sections.some((s) => s.sectionId === params.sectionId)) throw notFound()
	const db = context.get(dbContext)
	const language = context.get(languageContext) as Language
	const [stored, attachments, threadCounts, threads, offers] = await Promise.all([
		loadAnswers(db, report.id),
		listAttachments(db, report.id),
		countOpenThreadsByQuestion(db, report.id, user),
		listThreads(db, report.id, isSecretariat(user)),
		// "Report once": answers from the Party's other submissions, beside their question.
		canEdit ? openOffers(db, access) : Promise.resolve([]),
	])
	const texts: Partial<Record<Language, unknown>> = { en: getFormTexts(report.formId, 'en') }
	if (language !== 'en') texts[language] = getFormTexts(report.formId, language)
	// Fixed tables show every row the Party must fill, even rows added to the form since.
	const answers = withExpectedRows(
		definition,
		Object.fromEntries(Object.entries(stored).map(([id, a]) => [id, a.value])) as Answers,
		formContext,
	)
	return {
		reportId: report.id,
		userId: user.id,
		textExtras: {
			...(language === 'en' ? {} : { common: getCommonTexts(language) }),
			codeListLabels: codeListLabelsOf(definition, language),
		},
		// What the page's code needs of the code lists (the registry stays on the server).
		codeLists: resolveCodeLists(definition, formContext),
		searchTerms: codeListSearchTerms(definition, language),
		definition,
		formContext: contextData(formContext),
		texts,
		language,
		answers,
		// The page shows it as it loads; the browser loads the engine for the first change.
		evaluation: evaluate(definition, answers, formContext),
		revisions: Object.fromEntries(Object.entries(stored).map(([id, a]) => [id, a.revision])),
		revision: report.revision,
		editable: canEdit,
		status: report.status,
		attachments: attachments.map((a) => ({
			id: a.id,
			questionId: a.questionId,
			fileName: a.fileName,
			sizeBytes: a.sizeBytes,
		})),
		threadCounts,
		threads: groupThreads(threads),
		canModerateThreads: hasRole(user, 'reviewer'),
		offers: offersByQuestion(describeOffers(offers, definition, language)),
	}
}

function groupThreads(threads: Awaited<ReturnType<typeof listThreads>>) {
	const byQuestion: Record<string, ThreadData[]> = {}
	for (const thread of threads) {
		if (!thread.questionId) continue
		;(byQuestion[thread.questionId] ??= []).push({
			...thread,
			createdAt: thread.createdAt.toISOString(),
			messages: thread.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
		})
	}
	return byQuestion
}

/**
 * Moving between sections is client-side: the answers live in the editor, and reloading them from
 * the server on every section change would be slow and could undo unsaved typing.
 */
export function shouldRevalidate({
	currentParams,
	nextParams,
	formMethod,
	defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
	if (currentParams.reportId === nextParams.reportId && (!formMethod || formMethod === 'GET'))
		return false
	return defaultShouldRevalidate
}

/** The section shown, then the report: sections change in the browser, so the title follows them. */
export const meta: Route.MetaFunction = ({ loaderData, params, matches }) =>
	pageTitle(matches, () => [
		loaderData && params.sectionId
			? formTextFrom(
					loaderData.definition,
					loaderData.language,
					loaderData.texts as never,
					loaderData.textExtras,
				).section(params.sectionId)
			: undefined,
		...reportTitleParts(matches),
	])

export default function ReportEditor() {
	const { t } = useTranslation('editor')
	const data = useLoaderData<typeof loader>()
	const { sectionId = '' } = useParams()
	const location = useLocation()
	const text = useMemo(
		() => formTextFrom(data.definition, data.language, data.texts as never, data.textExtras),
		[data.definition, data.language, data.texts, data.textExtras],
	)
	const formContext = useMemo(
		() => ({ ...data.formContext, codeLists: resolvedCodeListSource(data.codeLists) }),
		[data.formContext, data.codeLists],
	)
	const [initialShowMissing] = useState(() => new URLSearchParams(location.search).has('check'))
	const { answers, store, sync, setAnswer, getAnswer } = useReportEditor({
		...data,
		formContext,
		showMissing: initialShowMissing,
	})
	const [attachments, setAttachments] = useState<AttachmentInfo[]>(data.attachments)
	const others = usePresence(data.reportId, sectionId)
	const sections = sectionsOf(data.definition)
	const section = sections.find((s) => s.sectionId === sectionId)
	const locked = useSyncState(sync, (s) => s.status === 'locked')
	const editable = data.editable && !locked

	const interactive = useInteractive()
	useEffect(() => {
		// Jump links (#q-…) from the validation panel focus the question; otherwise the heading.
		const hash = location.hash.slice(1)
		const target = interactive && hash ? document.getElementById(hash) : null
		if (target) focusQuestion(target)
	}, [location.hash, sectionId, interactive])

	const editor = useMemo(
		() => ({
			reportId: data.reportId,
			definition: data.definition,
			formContext,
			text,
			searchTerms: data.searchTerms,
			answers,
			store,
			sync,
			editable,
			attachments,
			setAttachments,
			setAnswer,
			getAnswer,
			threadCounts: data.threadCounts,
			threads: data.threads,
			canModerateThreads: data.canModerateThreads,
			offers: data.offers,
		}),
		[data, formContext, text, answers, store, sync, editable, attachments, setAnswer, getAnswer],
	)

	if (!section) return null
	return (
		<EditorProvider value={editor}>
			<div className="editor">
				<SkipToFirstQuestion />
				<aside className="editor__nav">
					<ProgressNav />
				</aside>
				<div
					className="editor__main"
					// The engine evaluates the first change: loaded as soon as the form is used.
					onFocus={data.editable ? preloadEngine : undefined}
					onPointerOver={data.editable ? preloadEngine : undefined}
				>
					{/* Nothing can be typed before the page is interactive: the editor would not see it,
					    and hydration would write the answer as loaded over it. */}
					<fieldset className="editor__fields" role="none" disabled={!interactive}>
						<div className="editor__toolbar">
							{data.editable ? (
								<SaveStatus sync={sync} />
							) : (
								<p className="alert">
									{t(`readOnly.${data.status}`, { defaultValue: t('readOnly.default') })}
								</p>
							)}
							<PresenceList others={others} text={text} />
							<ShowMissingToggle />
						</div>
						<ConflictPanel sync={sync} definition={data.definition} text={text} />
						<SectionForm sectionId={section.sectionId} />
					</fieldset>
				</div>
			</div>
		</EditorProvider>
	)
}

/**
 * "Skip to the first question", the first stop of the editor: past the section list, the save
 * status and the section heading, to the first question shown.
 */
function SkipToFirstQuestion() {
	const { t } = useTranslation('editor')
	return (
		<a
			className="skip-link skip-link--local"
			href="#section-title"
			onClick={(event) => {
				const question = firstQuestion()
				if (!question) return
				event.preventDefault()
				focusQuestion(question)
			}}
		>
			{t('sections.skipToQuestions')}
		</a>
	)
}

/** The overall figures and the section list; follows the engine's evaluation while typing. */
function ProgressNav() {
	const { t } = useTranslation('editor')
	const { reportId, definition, text, threadCounts } = useEditor()
	const progress = useProgress()
	const format = useFormat()
	const threadsBySection = useMemo(() => {
		const counts: Record<string, number> = {}
		for (const s of sectionsOf(definition)) {
			counts[s.sectionId] = s.questions.reduce((n, q) => n + (threadCounts[q.id] ?? 0), 0)
		}
		return counts
	}, [definition, threadCounts])
	return (
		<>
			{/* Announced (politely) as answers change what is missing and what is wrong. */}
			<div className="editor__overall" role="status" aria-atomic="true">
				<p>{t('overall.complete', { percent: format.percent(progress.percent / 100) })}</p>
				<p>
					<Link to={`/reports/${reportId}/validation`}>{t('overall.issues', progress.totals)}</Link>
				</p>
			</div>
			<SectionNav
				reportId={reportId}
				definition={definition}
				progress={progress}
				text={text}
				threadsBySection={threadsBySection}
			/>
		</>
	)
}

function ShowMissingToggle() {
	const { t } = useTranslation('editor')
	const { store } = useEditor()
	const showMissing = useShowMissing()
	return (
		<label className="checkbox">
			<input
				type="checkbox"
				checked={showMissing}
				onChange={(event) => store.setShowMissing(event.target.checked)}
			/>
			{t('showMissing')}
		</label>
	)
}

/**
 * The questions of one section and the links to its neighbours. Memoized: typing re-renders only
 * the fields whose state changed, not the section.
 */
const SectionForm = memo(function SectionForm({ sectionId }: { sectionId: string }) {
	const { t } = useTranslation('editor')
	const { reportId, definition, text } = useEditor()
	const shown = useSectionVisibility()
	const sections = sectionsOf(definition)
	const index = sections.findIndex((s) => s.sectionId === sectionId)
	const section = sections[index]!
	const visible = (id: string) => shown[id] !== false
	const previous = sections
		.slice(0, index)
		.reverse()
		.find((s) => visible(s.sectionId))
	const next = sections.slice(index + 1).find((s) => visible(s.sectionId))
	return (
		<>
			<section className="editor__form" aria-labelledby="section-title">
				<h2 id="section-title" tabIndex={-1}>
					{text.section(section.sectionId)}
				</h2>
				{!visible(section.sectionId) ? <p className="alert">{t('sections.hidden')}</p> : null}
				{section.questions.map((question) => (
					<QuestionField key={question.id} question={question} />
				))}
			</section>
			<nav className="pager" aria-label={t('sections.pager')}>
				{previous ? (
					<Link to={`/reports/${reportId}/sections/${previous.sectionId}`} rel="prev">
						<DirectionalArrow to="back" /> {text.section(previous.sectionId)}
					</Link>
				) : (
					<span />
				)}
				{next ? (
					<Link to={`/reports/${reportId}/sections/${next.sectionId}`} rel="next">
						{text.section(next.sectionId)} <DirectionalArrow to="forward" />
					</Link>
				) : (
					<Link to={`/reports/${reportId}/validation`}>
						{t('sections.toValidation')} <DirectionalArrow to="forward" />
					</Link>
				)}
			</nav>
		</>
	)
})

const PRESENCE_INTERVAL_MS = 30_000

/** Who else has the report open (heartbeat every 30 s). */
function usePresence(reportId: string, sectionId: string) {
	const [others, setOthers] = useState<{ name: string; sectionId: string | null }[]>([])
	useEffect(() => {
		let stopped = false
		const beat = async () => {
			try {
				const response = await fetch(`/reports/${reportId}/presence`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ sectionId }),
				})
				if (response.ok && !stopped)
					setOthers(((await response.json()) as { others: typeof others }).others)
			} catch {
				// Presence is a courtesy; the next heartbeat tries again.
			}
		}
		void beat()
		const timer = setInterval(beat, PRESENCE_INTERVAL_MS)
		return () => {
			stopped = true
			clearInterval(timer)
		}
	}, [reportId, sectionId])
	return others
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
