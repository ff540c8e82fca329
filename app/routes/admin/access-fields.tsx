import { useTranslation } from '../../utils/use-translation.tsx'
import { ROLES } from '#db/types.ts'
import { CheckboxGroup } from '../../components/forms.tsx'
import { CountriesField } from './countries-field.tsx'

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
	return (
		<>
			<CheckboxGroup
				legend={t('admin:users.roles')}
				name="roles"
				options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
				defaultValues={roles}
				errors={errors.roles}
			/>
			<CountriesField
				name="partyCodes"
				parties={parties}
				defaultValue={partyCodes}
				errors={errors.partyCodes}
			/>
		</>
	)
}
