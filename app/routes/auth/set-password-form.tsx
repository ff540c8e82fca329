import { useTranslation } from '../../utils/use-translation.tsx'
import { Form } from 'react-router'
import { Field, FormError, valueOf, type FormFailureData } from '../../components/forms.tsx'
import { NewPasswordFields } from '../../components/new-password-fields.tsx'

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
						defaultValue={valueOf(failure, 'name', defaultName ?? '')}
						errors={failure?.fieldErrors?.name}
					/>
				) : null}
				<NewPasswordFields failure={failure} />
				<button type="submit" className="button">
					{submitLabel}
				</button>
			</Form>
		</>
	)
}
