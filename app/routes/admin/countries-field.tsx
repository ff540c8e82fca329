import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { ErrorList } from '../../components/forms.tsx'
import { MultiCodePicker } from '../../components/editor/code-picker.tsx'
import { useInteractive } from '../../utils/use-interactive.ts'

type Party = { code: string; name: string }

/**
 * The countries of an account, posted as repeated `name` fields. With JavaScript: a searchable
 * picker (type part of a name or a code, arrows, Enter) with the chosen countries as removable
 * chips. Before the page is interactive, and without JavaScript: a scrolling list of checkboxes,
 * which posts the same fields.
 */
export function CountriesField({
	name,
	parties,
	defaultValue,
	errors,
}: {
	name: string
	parties: Party[]
	defaultValue: string[]
	errors?: string[]
}) {
	const { t } = useTranslation('admin')
	const id = useId()
	const interactive = useInteractive()
	const [chosen, setChosen] = useState(defaultValue)
	const [announcement, setAnnouncement] = useState('')
	const focusPicker = useRef(false)
	const errorId = `${id}-error`
	const invalid = errors?.length ? true : undefined
	const options = parties.map((party) => ({
		code: party.code,
		label: `${party.name} (${party.code})`,
	}))
	const labelOf = (code: string) => options.find((option) => option.code === code)?.label ?? code

	useEffect(() => {
		// A removed chip takes its button (and the focus) with it: hand the focus to the search box.
		if (!focusPicker.current) return
		focusPicker.current = false
		document.getElementById(`${id}-input`)?.focus()
	}, [chosen, id])

	if (!interactive) {
		return (
			<fieldset
				className="field"
				aria-describedby={`${id}-help${invalid ? ` ${errorId}` : ''}`}
				aria-invalid={invalid}
			>
				<legend>{t('users.countries')}</legend>
				<p className="field-help" id={`${id}-help`}>
					{t('users.countriesHelp')}
				</p>
				<div className="checkbox-grid checkbox-scroll">
					{parties.map((party) => (
						<label key={party.code} className="checkbox">
							<input
								type="checkbox"
								name={name}
								value={party.code}
								defaultChecked={defaultValue.includes(party.code)}
							/>
							{party.name} ({party.code})
						</label>
					))}
				</div>
				<ErrorList id={errorId} errors={errors} />
			</fieldset>
		)
	}

	return (
		<div className="field">
			<label htmlFor={`${id}-input`} id={`${id}-label`}>
				{t('users.countries')}
			</label>
			<p className="field-help" id={`${id}-help`}>
				{t('users.countriesHelp')} {t('users.countriesSearchHelp')}
			</p>
			<MultiCodePicker
				id={`${id}-input`}
				options={options}
				value={chosen}
				labelledBy={`${id}-label`}
				describedBy={`${id}-help${invalid ? ` ${errorId}` : ''}`}
				onChange={(codes) => {
					const added = codes.find((code) => !chosen.includes(code))
					const removed = chosen.find((code) => !codes.includes(code))
					if (added) {
						setAnnouncement(
							t('users.countryAdded', { country: labelOf(added), count: codes.length }),
						)
					} else if (removed) {
						focusPicker.current = true
						setAnnouncement(
							t('users.countryRemoved', { country: labelOf(removed), count: codes.length }),
						)
					}
					setChosen(codes)
				}}
			/>
			{chosen.map((code) => (
				<input key={code} type="hidden" name={name} value={code} />
			))}
			<p className="visually-hidden" role="status" aria-live="polite">
				{announcement}
			</p>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}
