import { useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { searchOptions } from '#forms/codelists/search.ts'
import { useAnchoredPopup } from './anchored-popup.ts'
import type { Option } from './form-model.ts'

const MAX_SHOWN = 50

type PickerProps = {
	id?: string
	options: Option[]
	labelledBy?: string
	describedBy?: string
	disabled?: boolean
	/**
	 * In a table cell (a grid): compact, one tab stop managed by the table, and ↑/↓ move between
	 * rows while the list is closed (Alt+↓ or typing opens it).
	 */
	inCell?: boolean
	/** Shortcuts the table offers from this cell (`aria-keyshortcuts`). */
	keyShortcuts?: string
}

/**
 * The keys of a picker's text box: ↓/↑ move in the open list (in a table cell, ↓ opens it only
 * with Alt, so plain ↓ moves between rows), Enter chooses, Escape closes, Backspace in the empty
 * box removes a multiple picker's last choice.
 */
function pickerKeyDown(picker: {
	open: boolean
	inCell?: boolean
	count: number
	setActive: (update: (active: number) => number) => void
	openList: () => void
	close: () => void
	chooseActive: () => void
	cancel: () => void
	onEmptyBackspace?: () => void
}) {
	const { open, count, setActive } = picker
	return (event: React.KeyboardEvent<HTMLInputElement>) => {
		if (event.key === 'ArrowDown') {
			if (open) setActive((a) => Math.min(a + 1, count - 1))
			else if (!picker.inCell || event.altKey) picker.openList()
			else return
			event.preventDefault()
		} else if (event.key === 'ArrowUp') {
			if (!open) return
			event.preventDefault()
			if (event.altKey) picker.close()
			else setActive((a) => Math.max(a - 1, 0))
		} else if (event.key === 'Enter') {
			if (open) {
				event.preventDefault()
				picker.chooseActive()
			}
		} else if (event.key === 'Escape') {
			if (open) {
				event.preventDefault()
				event.stopPropagation()
				picker.cancel()
			}
		} else if (event.key === 'Backspace' && picker.onEmptyBackspace && !event.currentTarget.value) {
			picker.onEmptyBackspace()
		}
	}
}

/** The options matching what was typed, in the top layer (see `useAnchoredPopup`). */
function PickerList({
	listRef,
	listId,
	open,
	matches,
	active,
	value,
	choose,
}: {
	listRef: React.RefObject<HTMLUListElement | null>
	listId: string
	open: boolean
	matches: Option[]
	active: number
	value: string | null
	choose: (option: Option) => void
}) {
	const { t } = useTranslation('editor')
	return (
		<ul
			ref={listRef}
			id={listId}
			role="listbox"
			className="picker__list"
			popover="manual"
			hidden={!open}
		>
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
	)
}

/**
 * A searchable picker (ARIA combobox with a listbox) for long code lists such as countries and
 * chemicals: type part of a name, another name ("Ivory Coast", "UK") or a code, move with the
 * arrow keys, choose with Enter. Emptying the text and leaving clears the answer. The list opens
 * in the top layer, so table scroll boxes never clip it.
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
	inCell,
	keyShortcuts,
	onEmptyBackspace,
}: PickerProps & {
	value: string | null
	onChange: (code: string | null) => void
	label?: string
	invalid?: boolean
	/** Backspace in the empty box (a multiple picker removes its last choice). */
	onEmptyBackspace?: () => void
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
	const listRef = useRef<HTMLUListElement>(null)
	useAnchoredPopup(open, inputRef, listRef)

	const matches = useMemo(() => searchOptions(options, query ?? '', MAX_SHOWN), [options, query])

	const choose = (option: Option | undefined) => {
		if (!option) return
		onChange(option.code)
		setQuery(null)
		setOpen(false)
	}

	const openList = () => {
		setActive(0)
		setOpen(true)
	}

	const onKeyDown = pickerKeyDown({
		open,
		inCell,
		count: matches.length,
		setActive,
		openList,
		close: () => setOpen(false),
		chooseActive: () => choose(matches[active]),
		cancel: () => {
			setOpen(false)
			setQuery(null)
		},
		onEmptyBackspace,
	})

	return (
		<div className={inCell ? 'picker picker--compact' : 'picker'}>
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
				aria-keyshortcuts={keyShortcuts}
				autoComplete="off"
				disabled={disabled}
				tabIndex={inCell ? -1 : undefined}
				value={query ?? selected?.label ?? (value ? value : '')}
				placeholder={t('picker.placeholder')}
				onChange={(event) => {
					setQuery(event.target.value)
					openList()
				}}
				onFocus={() => setQuery(null)}
				onBlur={(event) => {
					// A click on an option never blurs the box (its mousedown is cancelled), so focus
					// leaving means the list is done with: it closes at once, in the event that moved
					// focus, not in a timer that would land in the next field's typing.
					const emptied = value !== null && event.currentTarget.value.trim() === ''
					setOpen(false)
					setQuery(null)
					if (emptied) onChange(null)
				}}
				onKeyDown={onKeyDown}
				data-cell-input
			/>
			{value && !disabled ? (
				<button
					type="button"
					className="picker__clear"
					tabIndex={inCell ? -1 : undefined}
					aria-label={t('picker.clear', { label: selected?.label ?? value })}
					onClick={() => {
						onChange(null)
						inputRef.current?.focus()
					}}
				>
					×
				</button>
			) : null}
			<PickerList
				listRef={listRef}
				listId={listId}
				open={open}
				matches={matches}
				active={active}
				value={value}
				choose={choose}
			/>
		</div>
	)
}

/**
 * Several codes: the chosen ones as removable chips, and a picker to add more. Backspace in the
 * empty picker removes the last choice (in table cells, the chips' buttons are not tab stops).
 */
export function MultiCodePicker({
	id,
	options,
	value,
	onChange,
	labelledBy,
	describedBy,
	disabled,
	inCell,
	keyShortcuts,
	label,
}: PickerProps & {
	id: string
	value: string[]
	onChange: (codes: string[]) => void
	label?: string
}) {
	const { t } = useTranslation('editor')
	const labels = new Map(options.map((o) => [o.code, o.label]))
	const remaining = useMemo(() => options.filter((o) => !value.includes(o.code)), [options, value])
	const chosenId = `${id}-chosen`
	return (
		<div className="multi-picker">
			{value.length > 0 ? (
				<ul className="chips" id={chosenId} aria-label={t('picker.chosen')}>
					{value.map((code) => (
						<li key={code} className="chip">
							{labels.get(code) ?? code}
							{!disabled ? (
								<button
									type="button"
									tabIndex={inCell ? -1 : undefined}
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
				onEmptyBackspace={value.length ? () => onChange(value.slice(0, -1)) : undefined}
				label={label}
				labelledBy={labelledBy}
				describedBy={
					[value.length ? chosenId : null, describedBy].filter(Boolean).join(' ') || undefined
				}
				disabled={disabled}
				inCell={inCell}
				keyShortcuts={keyShortcuts}
			/>
		</div>
	)
}
