import type { Issue } from '#forms/types.ts'
import { useTranslation } from '../../utils/use-translation.tsx'
import { useEditor } from './editor-context.tsx'

/** The issues shown under a question, a table row or a contact field. */
export function IssueList({ id, issues }: { id: string; issues: Issue[] }) {
	const { text } = useEditor()
	const { t } = useTranslation('editor')
	if (issues.length === 0) return null
	return (
		<ul id={id} className="issue-list">
			{issues.map((issue, i) => (
				<li
					key={i}
					className={issue.severity === 'error' ? 'issue issue--error' : 'issue issue--warning'}
				>
					{/* Said before the message by a screen reader, which cannot see the colour. */}
					<span className="visually-hidden">
						{t(issue.severity === 'error' ? 'issue.error' : 'issue.warning')}{' '}
					</span>
					{text.message(issue)}
				</li>
			))}
		</ul>
	)
}
