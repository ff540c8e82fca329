import { useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Option } from './form-model.ts'

const MAX_SHOWN = 50

function normalise(text: string) {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
}

/**
 * A searchable picker (ARIA combobox with a listbox) for long code lists such as countries and
 * chemicals: type part of a name or a code, move with the arrow keys, choose with Enter.
 */
export function CodePicker({
	id,
	options,
	value,
	onChange,
	label,
	labelledBy,
	describedBy,
	disabled,
	invalid,
	compact,
}: {
	id?: string
	options: Option[]
	value: string | null
	onChange: (code: string | null) => void
	label?: string
	labelledBy?: string
	describedBy?: string
	disabled?: boolean
	invalid?: boolean
	compact?: boolean
}) {
	const { t } = useTranslation('editor')
	const fallbackId = useId()
	const inputId = id ?? fallbackId
	const listId = `${inputId}-list`
	const selected = options.find((o) => o.code === value)
	const [query, setQuery] = useState<string | null>(null)
	const [open, setOpen] = useState(false)
	const [active, setActive] = useState(0)
	const inputRef = useRef<HTMLInputElement>(null)

	const matches = useMemo(() => {
		if (!query) return options.slice(0, MAX_SHOWN)
		const q = normalise(query)
		return options
			.filter((o) => normalise(o.label).includes(q) || o.code.toLowerCase().startsWith(q))
			.slice(0, MAX_SHOWN)
	}, [options, query])

	const choose = (option: Option | undefined) => {
		if (!option) return
		onChange(option.code)
		setQuery(null)
		setOpen(false)
	}

	const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
		if (event.key === 'ArrowDown') {
			event.preventDefault()
			if (!open) setOpen(true)
			setActive((a) => Math.min(a + 1, matches.length - 1))
		} else if (event.key === 'ArrowUp') {
			if (!open) return
			event.preventDefault()
			setActive((a) => Math.max(a - 1, 0))
		} else if (event.key === 'Enter') {
			if (open) {
				event.preventDefault()
				choose(matches[active])
			}
		} else if (event.key === 'Escape') {
			if (open) {
				event.preventDefault()
				event.stopPropagation()
				setOpen(false)
				setQuery(null)
			}
		}
	}

	return (
		<div className={compact ? 'picker picker--compact' : 'picker'}>
			<input
				ref={inputRef}
				id={inputId}
				type="text"
				role="combobox"
				aria-label={label}
				aria-labelledby={labelledBy}
				aria-describedby={describedBy}
				aria-expanded={open}
				aria-controls={listId}
				aria-autocomplete="list"
				aria-invalid={invalid || undefined}
				aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
				autoComplete="off"
				disabled={disabled}
				value={query ?? selected?.label ?? (value ? value : '')}
				placeholder={t('picker.placeholder')}
				onChange={(event) => {
					setQuery(event.target.value)
					setActive(0)
					setOpen(true)
				}}
				onFocus={() => setQuery(null)}
				onBlur={() => {
					// Let a click on an option land before closing.
					setTimeout(() => {
						setOpen(false)
						setQuery(null)
					}, 150)
				}}
				onKeyDown={onKeyDown}
				data-cell-input
			/>
			{value && !disabled ? (
				<button
					type="button"
					className="picker__clear"
					aria-label={t('picker.clear', { label: selected?.label ?? value })}
					onClick={() => {
						onChange(null)
						inputRef.current?.focus()
					}}
				>
					×
				</button>
			) : null}
			<ul id={listId} role="listbox" className="picker__list" hidden={!open}>
				{open && matches.length === 0 ? (
					<li className="picker__empty" role="presentation">
						{t('picker.noMatch')}
					</li>
				) : null}
				{open
					? matches.map((option, index) => (
							<li
								key={option.code}
								id={`${listId}-${index}`}
								role="option"
								aria-selected={option.code === value}
								className={
									index === active ? 'picker__option picker__option--active' : 'picker__option'
								}
								onMouseDown={(event) => {
									event.preventDefault()
									choose(option)
								}}
							>
								{option.label}
							</li>
						))
					: null}
			</ul>
		</div>
	)
}

/** Several codes: the chosen ones as removable chips, and a picker to add more. */
export function MultiCodePicker({
	id,
	options,
	value,
	onChange,
	labelledBy,
	describedBy,
	disabled,
}: {
	id: string
	options: Option[]
	value: string[]
	onChange: (codes: string[]) => void
	labelledBy?: string
	describedBy?: string
	disabled?: boolean
}) {
	const { t } = useTranslation('editor')
	const labels = new Map(options.map((o) => [o.code, o.label]))
	const remaining = useMemo(() => options.filter((o) => !value.includes(o.code)), [options, value])
	return (
		<div className="multi-picker">
			{value.length > 0 ? (
				<ul className="chips" aria-label={t('picker.chosen')}>
					{value.map((code) => (
						<li key={code} className="chip">
							{labels.get(code) ?? code}
							{!disabled ? (
								<button
									type="button"
									aria-label={t('picker.remove', { label: labels.get(code) ?? code })}
									onClick={() => onChange(value.filter((c) => c !== code))}
								>
									×
								</button>
							) : null}
						</li>
					))}
				</ul>
			) : null}
			<CodePicker
				id={id}
				options={remaining}
				value={null}
				onChange={(code) => code && onChange([...value, code])}
				labelledBy={labelledBy}
				describedBy={describedBy}
				disabled={disabled}
			/>
		</div>
	)
}
