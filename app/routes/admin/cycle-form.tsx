import { useTranslation } from '../../utils/use-translation.tsx'
import { Form } from 'react-router'
import { CONVENTIONS } from '#db/types.ts'
import {
	ErrorList,
	Field,
	FormError,
	SelectField,
	valueOf,
	type FormFailureData,
} from '../../components/forms.tsx'
import { textDirection, LANGUAGES, type Language } from '../../utils/i18n.ts'
import type { CycleFormValues } from './cycle-schema.ts'

export const TITLE_MAX_LENGTH = 300

/** The form field holding the cycle's title in each language. */
export const TITLE_FIELDS = {
	ar: 'titleAr',
	zh: 'titleZh',
	en: 'titleEn',
	fr: 'titleFr',
	ru: 'titleRu',
	es: 'titleEs',
} as const satisfies Record<Language, string>

/** A registered form version a cycle can use, with the variants it declares (if any). */
export type FormOption = {
	value: string
	label: string
	draft: boolean
	variants: { id: string; label: string }[]
}

/**
 * The variant a cycle asks, for forms that declare variants (e.g. the Minamata full and short
 * reports): one group of options per such form; the server checks it belongs to the chosen form.
 */
function VariantField({
	forms,
	defaultValue,
	errors,
}: {
	forms: FormOption[]
	defaultValue: string
	errors?: string[]
}) {
	const { t } = useTranslation()
	const withVariants = forms.filter((form) => form.variants.length > 0)
	if (withVariants.length === 0) return null
	return (
		<div className="field">
			<label htmlFor="cycle-form-variant">{t('admin:cycles.variant')}</label>
			<p id="cycle-form-variant-help" className="field-help">
				{t('admin:cycles.variantHelp')}
			</p>
			<select
				id="cycle-form-variant"
				name="formVariant"
				defaultValue={defaultValue}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={
					errors?.length
						? 'cycle-form-variant-help cycle-form-variant-error'
						: 'cycle-form-variant-help'
				}
			>
				<option value="">{t('admin:cycles.noVariant')}</option>
				{withVariants.map((form) => (
					<optgroup key={form.value} label={form.label}>
						{form.variants.map((variant) => (
							<option key={variant.id} value={variant.id}>
								{variant.label}
							</option>
						))}
					</optgroup>
				))}
			</select>
			<ErrorList id="cycle-form-variant-error" errors={errors} />
		</div>
	)
}

export function CycleForm({
	forms,
	values,
	failure,
	submitLabel,
}: {
	forms: FormOption[]
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
				<VariantField
					forms={forms}
					defaultValue={value('formVariant')}
					errors={errors.formVariant}
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
