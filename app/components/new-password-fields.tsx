import { useTranslation } from '../utils/use-translation.tsx'
import { Field, type FormFailureData } from './forms.tsx'

/** The new password, twice: on the account page, the invitation and the password reset. */
export function NewPasswordFields({ failure }: { failure?: FormFailureData | null }) {
	const { t } = useTranslation('auth')
	return (
		<>
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
		</>
	)
}
