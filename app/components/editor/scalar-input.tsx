import { memo, useEffect, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { valueText } from '#forms/answer-text.ts'
import type { FormText } from '#forms/text-core.ts'
import type { CellValue, Marker, ScalarType, TableColumn } from '#forms/types.ts'
import { CodePicker, MultiCodePicker } from './code-picker.tsx'
import { parseNumber, type Option } from './form-model.ts'

type InputType = ScalarType | Extract<TableColumn, { type: 'checkbox' }>

export type ScalarInputProps = {
	id: string
	item: InputType
	value: CellValue | undefined
	onChange: (value: CellValue | null) => void
	options: Option[]
	text: FormText
	/** Where the item's texts and option labels are: the question id, or `tableId.columnId`. */
	textId: string
	disabled: boolean
	describedBy?: string
	invalid?: boolean
	/** Label text for inputs without a visible <label> (table cells). */
	ariaLabel?: string
	/**
	 * Rendered inside a table cell (a grid): compact controls, no radio groups, and no tab stop of
	 * its own (the table keeps one, see `useRovingTabStop`).
	 */
	inCell?: boolean
	/** Shortcuts the table offers from this cell (`aria-keyshortcuts`). */
	keyShortcuts?: string
	/** Shown, never changed: the value as text in a read-only box (see `ReadOnlyValue`). */
	readOnly?: boolean
	labelledBy?: string
	/** First, empty entry of drop-downs. */
	placeholder: string
}

const RADIO_LIMIT = 8
const CHECKBOX_LIMIT = 12

type CommonProps = Record<string, unknown>

/** The attributes every plain control of a scalar input shares. */
function commonProps(props: ScalarInputProps): CommonProps {
	const { id, disabled, describedBy, invalid, ariaLabel, inCell } = props
	return {
		id,
		disabled,
		'aria-describedby': describedBy,
		'aria-invalid': invalid || undefined,
		'aria-label': ariaLabel,
		'aria-keyshortcuts': props.keyShortcuts,
		'data-cell-input': inCell ? true : undefined,
		tabIndex: inCell ? -1 : undefined,
	}
}

/** What the code pickers take from a scalar input's props. */
function pickerProps(props: ScalarInputProps) {
	return {
		id: props.id,
		options: props.options,
		label: props.ariaLabel,
		labelledBy: props.labelledBy,
		describedBy: props.describedBy,
		disabled: props.disabled,
		inCell: props.inCell,
		keyShortcuts: props.keyShortcuts,
	}
}

/** One of a few options: radio buttons, a drop-down, or a searchable picker for long lists. */
function SingleChoiceInput(props: ScalarInputProps) {
	const { value, onChange, options, inCell } = props
	if (!inCell && options.length <= RADIO_LIMIT) return <RadioGroup {...props} />
	if (options.length > 40) return <SingleCodePicker {...props} />
	return (
		<select
			{...commonProps(props)}
			value={typeof value === 'string' ? value : ''}
			onChange={(event) => onChange(event.target.value || null)}
		>
			<option value="">{props.placeholder}</option>
			{options.map((o) => (
				<option key={o.code} value={o.code}>
					{o.label}
				</option>
			))}
		</select>
	)
}

/** Codes from a code list (countries, chemicals): one, or several as chips. */
function CodeListInput(props: ScalarInputProps & { multiple: boolean }) {
	const { value, onChange } = props
	if (props.multiple) {
		return (
			<MultiCodePicker
				{...pickerProps(props)}
				value={Array.isArray(value) ? value : []}
				onChange={(codes) => onChange(codes.length ? codes : null)}
			/>
		)
	}
	return <SingleCodePicker {...props} />
}

/** One code of a long list, searched by name or code. */
function SingleCodePicker(props: ScalarInputProps) {
	return (
		<CodePicker
			{...pickerProps(props)}
			value={typeof props.value === 'string' ? props.value : null}
			onChange={props.onChange}
			invalid={props.invalid}
		/>
	)
}

/** Free text, an e-mail address, a web address, a date or a longer text. */
function TextInput(props: ScalarInputProps & { item: Extract<InputType, { type: TextType }> }) {
	const { item, value, onChange, inCell } = props
	const text = typeof value === 'string' ? value : ''
	const change = (input: string) => onChange(input === '' ? null : input)
	switch (item.type) {
		case 'long_text':
			return (
				<textarea
					{...commonProps(props)}
					dir="auto"
					rows={inCell ? 2 : 5}
					maxLength={item.maxLength}
					value={text}
					onChange={(event) => change(event.target.value)}
				/>
			)
		case 'date':
			return (
				<input
					type="date"
					{...commonProps(props)}
					min={item.min}
					max={item.max}
					value={text}
					onChange={(event) => change(event.target.value)}
				/>
			)
		default:
			return (
				<input
					type={item.type === 'text' ? 'text' : item.type}
					{...commonProps(props)}
					dir="auto"
					maxLength={item.type === 'text' ? item.maxLength : 500}
					value={text}
					onChange={(event) => change(event.target.value)}
				/>
			)
	}
}

type TextType = 'long_text' | 'date' | 'email' | 'url' | 'text'

/** One input for a scalar value, chosen by type; markers are handled by the caller. */
export function ScalarInput(props: ScalarInputProps) {
	const { item, value, onChange } = props
	if (props.readOnly) return <ReadOnlyValue {...props} />
	switch (item.type) {
		case 'checkbox':
			return (
				<input
					type="checkbox"
					{...commonProps(props)}
					checked={value === true}
					onChange={(event) => onChange(event.target.checked ? true : null)}
				/>
			)
		case 'yes_no':
		case 'yes_no_status':
		case 'single_choice':
			return <SingleChoiceInput {...props} />
		case 'country':
		case 'chemical':
			return <CodeListInput {...props} multiple={item.multiple === true} />
		case 'multiple_choice':
			if (!props.inCell && props.options.length <= CHECKBOX_LIMIT)
				return <CheckboxGroup {...props} />
			return <CodeListInput {...props} multiple />
		case 'integer':
		case 'decimal':
		case 'year':
			return (
				<NumberInput {...props} integer={item.type !== 'decimal'} common={commonProps(props)} />
			)
		case 'long_text':
		case 'date':
		case 'email':
		case 'url':
		case 'text':
			return <TextInput {...props} item={item} />
	}
}

/**
 * A value the user sees but cannot change (the Party, the reporting period): a read-only text
 * box, so it keeps its label, can be focused and is announced as read-only, and looks like a
 * value rather than a field (see `.readonly-value`), unlike a disabled field.
 */
function ReadOnlyValue(props: ScalarInputProps) {
	const shown = valueText(props.item, props.textId, props.value, props.text, { empty: '' })
	return (
		<input
			type="text"
			readOnly
			className="readonly-value"
			id={props.id}
			value={shown}
			aria-label={props.ariaLabel}
			aria-labelledby={props.labelledBy}
			aria-describedby={props.describedBy}
			size={Math.max(4, shown.length + 1)}
		/>
	)
}

/** Text the user typed stays on screen even while it is not a number yet; only numbers are saved. */
function NumberInput({
	value,
	onChange,
	integer,
	common,
	item,
}: ScalarInputProps & { integer: boolean; common: Record<string, unknown> }) {
	const { t, i18n } = useTranslation('editor')
	const shown = typeof value === 'number' ? String(value) : ''
	const [draft, setDraft] = useState(shown)
	const [invalid, setInvalid] = useState(false)
	useEffect(() => {
		// A value set from elsewhere (another editor, a paste, a conflict choice) replaces the text.
		const parsed = parseNumber(draft, integer)
		if (parsed !== value && !(parsed === null && value === undefined)) {
			setDraft(shown)
			setInvalid(false)
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [value])
	return (
		<>
			<input
				type="text"
				inputMode={integer ? 'numeric' : 'decimal'}
				{...common}
				dir="auto"
				aria-invalid={invalid || common['aria-invalid'] === true || undefined}
				lang={i18n.language}
				value={draft}
				size={item.type === 'year' ? 6 : 12}
				onChange={(event) => {
					const raw = event.target.value
					setDraft(raw)
					const parsed = parseNumber(raw, integer)
					if (parsed === 'invalid') {
						setInvalid(true)
						return
					}
					setInvalid(false)
					onChange(parsed)
				}}
			/>
			{invalid ? (
				<span className="inline-error" role="alert">
					{integer ? t('number.notInteger') : t('number.notNumber')}
				</span>
			) : null}
		</>
	)
}

function RadioGroup({
	id,
	options,
	value,
	onChange,
	disabled,
	describedBy,
	labelledBy,
}: ScalarInputProps) {
	const { t } = useTranslation('editor')
	return (
		<div
			role="radiogroup"
			aria-labelledby={labelledBy}
			aria-describedby={describedBy}
			className="choice-list"
			id={id}
		>
			{options.map((o) => (
				<label key={o.code} className="checkbox">
					<input
						type="radio"
						name={id}
						value={o.code}
						checked={value === o.code}
						disabled={disabled}
						onChange={() => onChange(o.code)}
					/>
					{o.label}
				</label>
			))}
			{typeof value === 'string' && !disabled ? (
				<button type="button" className="link-button" onClick={() => onChange(null)}>
					{t('clearAnswer')}
				</button>
			) : null}
		</div>
	)
}

function CheckboxGroup({
	id,
	options,
	value,
	onChange,
	disabled,
	describedBy,
	labelledBy,
}: ScalarInputProps) {
	const chosen = Array.isArray(value) ? value : []
	return (
		<div
			role="group"
			aria-labelledby={labelledBy}
			aria-describedby={describedBy}
			className="choice-list"
			id={id}
		>
			{options.map((o) => (
				<label key={o.code} className="checkbox">
					<input
						type="checkbox"
						value={o.code}
						checked={chosen.includes(o.code)}
						disabled={disabled}
						onChange={(event) => {
							const next = event.target.checked
								? [...chosen, o.code]
								: chosen.filter((c) => c !== o.code)
							onChange(next.length ? next : null)
						}}
					/>
					{o.label}
				</label>
			))}
		</div>
	)
}

/** "Answer / information not available / not applicable / confidential" for items that allow markers. */
export const MarkerSelect = memo(function MarkerSelect({
	id,
	markers,
	marker,
	onChange,
	text,
	disabled,
	inCell,
	label,
}: {
	id: string
	markers: Marker[]
	/** The marker set now, if any. */
	marker: Marker | null
	onChange: (marker: Marker | null) => void
	text: FormText
	disabled: boolean
	/**
	 * In a table cell: compact, and not a tab stop; Alt+M reaches it from the cell (see
	 * `onGridKeyDown`). Once a marker is set it stands for the cell (`data-cell-input`).
	 */
	inCell?: boolean
	label: string
}) {
	const { t } = useTranslation('editor')
	const current = marker ?? ''
	return (
		<select
			id={id}
			className={[
				'marker-select',
				inCell ? 'marker-select--compact' : '',
				current ? 'marker-select--set' : '',
			]
				.filter(Boolean)
				.join(' ')}
			aria-label={label}
			value={current}
			disabled={disabled}
			tabIndex={inCell ? -1 : undefined}
			title={inCell ? t('marker.shortcutHint') : undefined}
			data-marker-menu={inCell ? true : undefined}
			data-cell-input={inCell && current ? true : undefined}
			onChange={(event) => onChange((event.target.value || null) as Marker | null)}
		>
			<option value="">{inCell ? '…' : t('marker.value')}</option>
			{markers.map((m) => (
				<option key={m} value={m}>
					{text.marker(m)}
				</option>
			))}
		</select>
	)
})
