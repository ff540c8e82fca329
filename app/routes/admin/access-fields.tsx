import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ROLES } from '#db/types.ts'
import { CheckboxGroup, ErrorList } from '../../components/forms.tsx'

/** Roles and countries of an account, shared by the invite and edit forms. */
export function AccessFields({
	parties,
	roles = [],
	partyCodes = [],
	errors = {},
}: {
	parties: { code: string; name: string }[]
	roles?: string[]
	partyCodes?: string[]
	errors?: Record<string, string[]>
}) {
	const { t } = useTranslation()
	const id = useId()
	return (
		<>
			<CheckboxGroup
				legend={t('admin:users.roles')}
				name="roles"
				options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
				defaultValues={roles}
				errors={errors.roles}
			/>
			<div className="field">
				<label htmlFor={`${id}-countries`}>{t('admin:users.countries')}</label>
				<p className="field-help" id={`${id}-help`}>
					{t('admin:users.countriesHelp')}
				</p>
				<select
					id={`${id}-countries`}
					name="partyCodes"
					multiple
					size={8}
					defaultValue={partyCodes}
					aria-describedby={`${id}-help${errors.partyCodes?.length ? ` ${id}-error` : ''}`}
					aria-invalid={errors.partyCodes?.length ? true : undefined}
				>
					{parties.map((p) => (
						<option key={p.code} value={p.code}>
							{p.name} ({p.code})
						</option>
					))}
				</select>
				<ErrorList id={`${id}-error`} errors={errors.partyCodes} />
			</div>
		</>
	)
}
