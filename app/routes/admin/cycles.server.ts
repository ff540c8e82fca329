import type { z } from 'zod'
import { getFormDefinition, listFormDefinitions } from '#forms/registry.ts'
import type { CycleInput, ReportingCycle } from '#db/queries/cycles.ts'
import type { CycleFormSchema, CycleFormValues } from './cycle-form.tsx'

export function formOptions() {
	return listFormDefinitions().map((def) => ({
		value: `${def.formId}@${def.version}`,
		label: `${def.formId} v${def.version}`,
	}))
}

/** Resolves the chosen form version; undefined when it is not a registered definition. */
export function toCycleInput(values: z.output<typeof CycleFormSchema>): CycleInput | undefined {
	const [formId = '', version = ''] = values.form.split('@')
	const definition = getFormDefinition(formId, Number(version))
	if (!definition || definition.convention !== values.convention) return undefined
	return {
		code: values.code,
		convention: values.convention,
		formId,
		formVersion: Number(version),
		title: { en: values.titleEn, ...(values.titleFr ? { fr: values.titleFr } : {}) },
		periodStart: values.periodStart,
		periodEnd: values.periodEnd,
		opensOn: values.opensOn,
		deadline: values.deadline,
	}
}

export function toFormValues(cycle: ReportingCycle): CycleFormValues {
	return {
		code: cycle.code,
		convention: cycle.convention,
		form: `${cycle.formId}@${cycle.formVersion}`,
		titleEn: cycle.title.en ?? '',
		titleFr: cycle.title.fr ?? '',
		periodStart: cycle.periodStart,
		periodEnd: cycle.periodEnd,
		opensOn: cycle.opensOn,
		deadline: cycle.deadline,
	}
}
