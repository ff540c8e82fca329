import { useId } from 'react'
import { useTranslation } from 'react-i18next'

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

export function FormError({ failure }: { failure?: FormFailureData | null }) {
	const text = useErrorText()
	if (!failure?.formError) return null
	return (
		<div role="alert" className="alert alert--error">
			{text(failure.formError, failure.formErrorParams)}
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
	const inputId = id ?? fallbackId
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
	const selectId = id ?? fallbackId
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
