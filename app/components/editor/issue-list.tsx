import type { Issue } from '#forms/types.ts'
import { useEditor } from './editor-context.tsx'

/** The issues shown under a question, a table row or a contact field. */
export function IssueList({ id, issues }: { id: string; issues: Issue[] }) {
	const { text } = useEditor()
	if (issues.length === 0) return null
	return (
		<ul id={id} className="issue-list">
			{issues.map((issue, i) => (
				<li
					key={i}
					className={issue.severity === 'error' ? 'issue issue--error' : 'issue issue--warning'}
				>
					<span className="visually-hidden">
						{issue.severity === 'error' ? 'Error: ' : 'Warning: '}
					</span>
					{text.message(issue)}
				</li>
			))}
		</ul>
	)
}
