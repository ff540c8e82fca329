import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { z } from 'zod'
import { CONVENTIONS } from '#db/types.ts'
import { Field, FormError, SelectField, type FormFailureData } from '../../components/forms.tsx'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'admin:errors.date')

/** A reporting cycle as edited by admins; `form` is `<formId>@<version>`. */
export const CycleFormSchema = z
	.object({
		code: z
			.string()
			.trim()
			.regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'admin:errors.cycleCode'),
		convention: z.enum(CONVENTIONS),
		form: z.string().regex(/^[a-z0-9-]+@\d+$/, 'admin:errors.unknownForm'),
		titleEn: z.string().trim().min(1, 'admin:errors.titleRequired').max(300),
		titleFr: z.string().trim().max(300).optional(),
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
	forms: { value: string; label: string }[]
	values: CycleFormValues
	failure?: FormFailureData
	submitLabel: string
}) {
	const { t } = useTranslation()
	const errors = failure?.fieldErrors ?? {}
	const value = (name: keyof CycleFormValues) =>
		(failure?.values?.[name] as string | undefined) ?? values[name] ?? ''
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
					options={forms}
					errors={errors.form}
				/>
				<Field
					label={t('admin:cycles.titleEn')}
					name="titleEn"
					lang="en"
					required
					defaultValue={value('titleEn')}
					errors={errors.titleEn}
				/>
				<Field
					label={t('admin:cycles.titleFr')}
					name="titleFr"
					lang="fr"
					defaultValue={value('titleFr')}
					errors={errors.titleFr}
				/>
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
