import { useId, useRef, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { isMarked } from '#forms/engine/values.ts'
import type { AttachmentQuestion, AttachmentRef } from '#forms/types.ts'
import { ATTACHMENT_ACCEPT } from '../../domain/attachment-types.ts'
import { useAnswerField } from './answer-field.ts'
import { useEditor } from './editor-context.tsx'
import { domId } from './form-model.ts'
import { useFormat } from '../../utils/use-format.ts'

/** Files attached to a question: upload (type checked on the server from the content), download, remove. */
export function AttachmentField({ question }: { question: AttachmentQuestion }) {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const { editable, reportId, attachments, setAttachments } = useEditor()
	const field = useAnswerField(question.id)
	const refs = (Array.isArray(field.value) ? field.value : []) as AttachmentRef[]
	const [busy, setBusy] = useState(false)
	const [error, setError] = useState<string | null>(null)
	const input = useRef<HTMLInputElement>(null)
	const inputId = domId('q', question.id, 'file')
	const statusId = useId()
	const known = new Map(attachments.map((a) => [a.id, a]))
	const canAddMore = question.multiple !== false || refs.length === 0

	const upload = async (file: File) => {
		setBusy(true)
		setError(null)
		const body = new FormData()
		body.set('questionId', question.id)
		body.set('file', file)
		try {
			const response = await fetch(`/reports/${reportId}/attachments`, { method: 'POST', body })
			const result = (await response.json()) as
				| { attachment: { id: string; fileName: string; sizeBytes: number } }
				| { error: string; params?: Record<string, unknown> }
				| { formError?: string }
			if (!response.ok || !('attachment' in result)) {
				const key =
					'error' in result
						? result.error
						: 'formError' in result && result.formError
							? result.formError.includes(':')
								? result.formError
								: `common:${result.formError}`
							: 'attachments.failed'
				setError(t(key, 'params' in result ? result.params : {}))
				return
			}
			const { attachment } = result
			setAttachments((current) => [
				...current,
				{
					id: attachment.id,
					questionId: question.id,
					fileName: attachment.fileName,
					sizeBytes: attachment.sizeBytes,
				},
			])
			const next = [...refs, { attachmentId: attachment.id, name: attachment.fileName }]
			field.onChange(question.multiple === false ? next.slice(-1) : next)
		} catch {
			setError(t('attachments.network'))
		} finally {
			setBusy(false)
			if (input.current) input.current.value = ''
		}
	}

	return (
		<div className="attachments">
			{isMarked(field.value) ? null : refs.length > 0 ? (
				<ul className="attachment-list">
					{refs.map((ref) => {
						const info = known.get(ref.attachmentId)
						// The name the server stored (made safe, with the extension of the content).
						const name = info?.fileName ?? ref.name
						return (
							<li key={ref.attachmentId}>
								<a href={`/reports/${reportId}/attachments/${ref.attachmentId}`} download>
									<bdi>{name}</bdi>
								</a>
								{info ? <span className="muted"> ({format.fileSize(info.sizeBytes)})</span> : null}
								{editable ? (
									<button
										type="button"
										className="link-button"
										aria-label={t('attachments.remove', { name })}
										onClick={() => {
											const next = refs.filter((r) => r.attachmentId !== ref.attachmentId)
											field.onChange(next.length ? next : undefined)
										}}
									>
										{t('attachments.removeShort')}
									</button>
								) : null}
							</li>
						)
					})}
				</ul>
			) : (
				<p className="muted">{t('attachments.none')}</p>
			)}
			{editable && canAddMore ? (
				<div className="field">
					<label htmlFor={inputId}>{t('attachments.add')}</label>
					<p className="field-help">{t('attachments.help')}</p>
					<input
						ref={input}
						id={inputId}
						type="file"
						accept={ATTACHMENT_ACCEPT}
						disabled={busy}
						aria-describedby={statusId}
						onChange={(event) => {
							const file = event.target.files?.[0]
							if (file) void upload(file)
						}}
					/>
				</div>
			) : null}
			<p id={statusId} role="status" className={error ? 'inline-error' : 'muted'}>
				{busy ? t('attachments.uploading') : (error ?? '')}
			</p>
		</div>
	)
}
