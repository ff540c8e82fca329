import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { Field, FormError, type FormFailureData } from '../../components/forms.tsx'

/** The password form shared by the invitation and password-reset pages. */
export function SetPasswordForm({
	failure,
	submitLabel,
	askName,
	defaultName,
}: {
	failure?: FormFailureData | null
	submitLabel: string
	askName?: boolean
	defaultName?: string
}) {
	const { t } = useTranslation('auth')
	return (
		<>
			<FormError failure={failure} />
			<Form method="post" className="stack">
				{askName ? (
					<Field
						label={t('fields.name')}
						name="name"
						autoComplete="name"
						required
						defaultValue={(failure?.values?.name as string | undefined) ?? defaultName}
						errors={failure?.fieldErrors?.name}
					/>
				) : null}
				<Field
					label={t('fields.newPassword')}
					help={t('fields.passwordHelp')}
					name="password"
					type="password"
					autoComplete="new-password"
					minLength={12}
					required
					errors={failure?.fieldErrors?.password}
				/>
				<Field
					label={t('fields.confirmPassword')}
					name="confirmPassword"
					type="password"
					autoComplete="new-password"
					required
					errors={failure?.fieldErrors?.confirmPassword}
				/>
				<button type="submit" className="button">
					{submitLabel}
				</button>
			</Form>
		</>
	)
}
