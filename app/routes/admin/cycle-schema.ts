import { z } from 'zod'
import { CONVENTIONS } from '#db/types.ts'
import { isoDateText } from '../../utils/input.ts'
import { TITLE_MAX_LENGTH } from './cycle-form.tsx'

export const isoDate = isoDateText('admin:errors.date')

const optionalTitle = z
	.string()
	.trim()
	.max(TITLE_MAX_LENGTH, 'admin:errors.titleTooLong')
	.optional()

/** A reporting cycle as edited by admins; `form` is `<formId>@<version>`. */
export const CycleFormSchema = z
	.object({
		code: z
			.string()
			.trim()
			.regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'admin:errors.cycleCode'),
		convention: z.enum(CONVENTIONS),
		form: z.string().regex(/^[a-z0-9-]+@\d+$/, 'admin:errors.unknownForm'),
		/** The variant of the form (e.g. `short`); empty for forms without variants. */
		formVariant: z
			.string()
			.trim()
			.regex(/^([a-z][a-z0-9_]*)?$/, 'admin:errors.unknownVariant')
			.optional()
			.transform((value) => value || undefined),
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
