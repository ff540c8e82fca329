import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { z } from 'zod'
import { CONVENTIONS } from '#db/types.ts'
import {
	Field,
	FormError,
	SelectField,
	valueOf,
	type FormFailureData,
} from '../../components/forms.tsx'
import { textDirection, LANGUAGES, type Language } from '../../utils/i18n.ts'
import { isoDateText } from '../../utils/input.ts'

export const isoDate = isoDateText('admin:errors.date')

const TITLE_MAX_LENGTH = 300
const optionalTitle = z
	.string()
	.trim()
	.max(TITLE_MAX_LENGTH, 'admin:errors.titleTooLong')
	.optional()

/** The form field holding the cycle's title in each language. */
export const TITLE_FIELDS = {
	ar: 'titleAr',
	zh: 'titleZh',
	en: 'titleEn',
	fr: 'titleFr',
	ru: 'titleRu',
	es: 'titleEs',
} as const satisfies Record<Language, string>

/** A reporting cycle as edited by admins; `form` is `<formId>@<version>`. */
export const CycleFormSchema = z
	.object({
		code: z
			.string()
			.trim()
			.regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'admin:errors.cycleCode'),
		convention: z.enum(CONVENTIONS),
		form: z.string().regex(/^[a-z0-9-]+@\d+$/, 'admin:errors.unknownForm'),
		titleAr: optionalTitle,
		titleZh: optionalTitle,
		titleEn: z
			.string({ error: 'admin:errors.titleRequired' })
			.trim()
			.min(1, 'admin:errors.titleRequired')
			.max(TITLE_MAX_LENGTH, 'admin:errors.titleTooLong'),
		titleFr: optionalTitle,
		titleRu: optionalTitle,
		titleEs: optionalTitle,
		periodStart: isoDate,
		periodEnd: isoDate,
		opensOn: isoDate,
		deadline: isoDate,
	})
	.superRefine((v, ctx) => {
		if (v.periodStart > v.periodEnd)
			ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'admin:errors.periodOrder' })
		if (v.opensOn > v.deadline)
			ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'admin:errors.deadlineOrder' })
	})

export type CycleFormValues = Partial<Record<keyof z.input<typeof CycleFormSchema>, string>>

export function CycleForm({
	forms,
	values,
	failure,
	submitLabel,
}: {
	forms: { value: string; label: string; draft: boolean }[]
	values: CycleFormValues
	failure?: FormFailureData
	submitLabel: string
}) {
	const { t } = useTranslation()
	const errors = failure?.fieldErrors ?? {}
	const value = (name: keyof CycleFormValues) => valueOf(failure, name, values[name] ?? '')
	return (
		<>
			<FormError failure={failure} />
			<Form method="post" className="stack">
				<Field
					label={t('admin:cycles.code')}
					help={t('admin:cycles.codeHelp')}
					name="code"
					required
					defaultValue={value('code')}
					errors={errors.code}
				/>
				<SelectField
					label={t('admin:cycles.convention')}
					name="convention"
					defaultValue={value('convention')}
					options={CONVENTIONS.map((c) => ({ value: c, label: t(`conventions.${c}`) }))}
					errors={errors.convention}
				/>
				<SelectField
					label={t('admin:cycles.form')}
					name="form"
					defaultValue={value('form')}
					options={forms.map((f) => ({
						value: f.value,
						label: f.draft ? t('admin:cycles.draftForm', { form: f.label }) : f.label,
					}))}
					errors={errors.form}
				/>
				<fieldset className="field stack" aria-describedby="cycle-titles-help">
					<legend>{t('admin:cycles.titles')}</legend>
					<p id="cycle-titles-help" className="field-help">
						{t('admin:cycles.titlesHelp')}
					</p>
					{LANGUAGES.map((language) => {
						const name = TITLE_FIELDS[language]
						return (
							<Field
								key={language}
								label={
									language === 'en'
										? t('admin:cycles.titleRequired', {
												language: t(`admin:cycles.languages.${language}`),
											})
										: t(`admin:cycles.languages.${language}`)
								}
								name={name}
								lang={language}
								dir={textDirection(language)}
								required={language === 'en'}
								maxLength={TITLE_MAX_LENGTH}
								defaultValue={value(name)}
								errors={errors[name]}
							/>
						)
					})}
				</fieldset>
				<div className="field-row">
					<Field
						label={t('admin:cycles.periodStart')}
						name="periodStart"
						type="date"
						required
						defaultValue={value('periodStart')}
						errors={errors.periodStart}
					/>
					<Field
						label={t('admin:cycles.periodEnd')}
						name="periodEnd"
						type="date"
						required
						defaultValue={value('periodEnd')}
						errors={errors.periodEnd}
					/>
				</div>
				<div className="field-row">
					<Field
						label={t('admin:cycles.opensOn')}
						name="opensOn"
						type="date"
						required
						defaultValue={value('opensOn')}
						errors={errors.opensOn}
					/>
					<Field
						label={t('admin:cycles.deadline')}
						name="deadline"
						type="date"
						required
						defaultValue={value('deadline')}
						errors={errors.deadline}
					/>
				</div>
				<button type="submit" className="button">
					{submitLabel}
				</button>
			</Form>
		</>
	)
}
