import { useEffect, useId, useRef } from 'react'
import { useTranslation } from '../utils/use-translation.tsx'

export type FormFailureData = {
	formError?: string
	formErrorParams?: Record<string, string | number>
	fieldErrors?: Record<string, string[]>
	values?: Record<string, unknown>
}

const MESSAGE_KEY = /^[a-z][\w-]*(:[\w.-]+|\.[\w.-]+)$/i

/** Error messages from the server are i18n keys (`ns:key` or `key.path`); anything else is shown as is. */
export function useErrorText() {
	const { t } = useTranslation()
	return (message: string, params?: Record<string, unknown>) =>
		MESSAGE_KEY.test(message) ? t(message, params) : message
}

/**
 * The id a field in error takes (unless given one), so the error summary can link to it: unique
 * in the form that was refused, which is the one showing errors.
 */
export function fieldErrorId(name: string) {
	return `field-${name}`
}

/** Focus on the field a summary link names: by its id, else the first control of that name. */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, name: string) {
	const target =
		document.getElementById(fieldErrorId(name)) ??
		(event.currentTarget.closest('form') ?? document).querySelector<HTMLElement>(
			`[name="${CSS.escape(name)}"]`,
		)
	if (!target) return
	event.preventDefault()
	target.scrollIntoView({ block: 'center' })
	target.focus()
}

/**
 * What was wrong with a refused form, above the form: the form's message, then one link per field
 * in error that moves focus to the field. Announced (`role="alert"`); with field errors it also
 * takes focus, so keyboard users start from the list.
 */
export function FormError({ failure }: { failure?: FormFailureData | null }) {
	const text = useErrorText()
	const summary = useRef<HTMLDivElement>(null)
	const fields = Object.entries(failure?.fieldErrors ?? {}).filter(
		([, messages]) => messages.length > 0,
	)
	useEffect(() => {
		if (fields.length > 0) summary.current?.focus()
		// A new failure (a new object from the action) is a new summary.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [failure])
	if (!failure?.formError && fields.length === 0) return null
	return (
		<div role="alert" className="alert alert--error error-summary" tabIndex={-1} ref={summary}>
			{failure?.formError ? (
				<p className="error-summary__title">{text(failure.formError, failure.formErrorParams)}</p>
			) : null}
			{fields.length > 0 ? (
				<ul className="error-summary__list">
					{fields.map(([name, messages]) => (
						<li key={name}>
							<a href={`#${fieldErrorId(name)}`} onClick={(event) => focusField(event, name)}>
								{messages.map((message) => text(message)).join(' ')}
							</a>
						</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

export function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
	const text = useErrorText()
	if (!errors?.length) return null
	return (
		<ul id={id} className="field-errors">
			{errors.map((error) => (
				<li key={error}>{text(error)}</li>
			))}
		</ul>
	)
}

type FieldProps = {
	label: string
	name: string
	errors?: string[]
	help?: string
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name'>

export function Field({ label, name, errors, help, id, ...input }: FieldProps) {
	const fallbackId = useId()
	const inputId = id ?? (errors?.length ? fieldErrorId(name) : fallbackId)
	const errorId = `${inputId}-error`
	const helpId = `${inputId}-help`
	const describedBy = [help ? helpId : null, errors?.length ? errorId : null]
		.filter(Boolean)
		.join(' ')
	return (
		<div className="field">
			<label htmlFor={inputId}>{label}</label>
			{help ? (
				<p id={helpId} className="field-help">
					{help}
				</p>
			) : null}
			<input
				id={inputId}
				name={name}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={describedBy || undefined}
				{...input}
			/>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

type SelectFieldProps = {
	label: string
	name: string
	errors?: string[]
	options: { value: string; label: string }[]
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name'>

export function SelectField({ label, name, errors, options, id, ...select }: SelectFieldProps) {
	const fallbackId = useId()
	const selectId = id ?? (errors?.length ? fieldErrorId(name) : fallbackId)
	const errorId = `${selectId}-error`
	return (
		<div className="field">
			<label htmlFor={selectId}>{label}</label>
			<select
				id={selectId}
				name={name}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={errors?.length ? errorId : undefined}
				{...select}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

type CheckboxGroupProps = {
	legend: string
	name: string
	options: { value: string; label: string }[]
	defaultValues?: string[]
	errors?: string[]
	columns?: boolean
}

export function CheckboxGroup({
	legend,
	name,
	options,
	defaultValues = [],
	errors,
	columns,
}: CheckboxGroupProps) {
	const groupId = useId()
	return (
		<fieldset className="field" aria-describedby={errors?.length ? `${groupId}-error` : undefined}>
			<legend>{legend}</legend>
			<div className={columns ? 'checkbox-grid' : 'checkbox-list'}>
				{options.map((option) => (
					<label key={option.value} className="checkbox">
						<input
							type="checkbox"
							name={name}
							value={option.value}
							defaultChecked={defaultValues.includes(option.value)}
						/>
						{option.label}
					</label>
				))}
			</div>
			<ErrorList id={`${groupId}-error`} errors={errors} />
		</fieldset>
	)
}

export function valueOf(failure: FormFailureData | undefined | null, name: string, fallback = '') {
	const value = failure?.values?.[name]
	return typeof value === 'string' ? value : fallback
}
