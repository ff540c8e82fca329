import type { Kysely } from 'kysely'
import { z } from 'zod'
import { formVersionIdentity, getFormDefinition, listFormDefinitions } from '#forms/registry.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	findCycleByCode,
	insertCycle,
	updateCycle,
	type CycleInput,
	type ReportingCycle,
} from '#db/queries/cycles.ts'
import type { Database } from '#db/types.ts'
import { formText } from '#forms/text.ts'
import { LANGUAGES, type Language } from '../../utils/i18n.ts'
import { failure, parseValues } from '../../utils/request.server.ts'
import { decidePublication } from '../../domain/publication.server.ts'
import { TITLE_FIELDS, type FormOption } from './cycle-form.tsx'
import { CycleFormSchema, isoDate, type CycleFormValues } from './cycle-schema.ts'

/**
 * The registered form versions a cycle can use; drafts (not yet frozen for good) say so. Forms
 * with variants list them, named in `lang`.
 */
export function formOptions(lang: Language): FormOption[] {
	return listFormDefinitions().map((def) => {
		const text = def.variants ? formText(def, lang) : undefined
		return {
			value: `${def.formId}@${def.version}`,
			label: `${def.formId} v${def.version}`,
			draft: formVersionIdentity(def.formId, def.version)?.status !== 'published',
			variants: (def.variants ?? []).map((variant) => ({
				id: variant.id,
				label: text!.variant(variant.id),
			})),
		}
	})
}

/**
 * What is wrong with a cycle's variant for its form: a form that declares variants needs one of
 * them; a form without variants takes none. Undefined when it fits.
 */
function variantError(input: CycleInput): string | undefined {
	const declared = getFormDefinition(input.formId, input.formVersion)?.variants ?? []
	if (!input.formVariant) return declared.length > 0 ? 'admin:errors.variantRequired' : undefined
	return declared.some((variant) => variant.id === input.formVariant)
		? undefined
		: 'admin:errors.unknownVariant'
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
		formVariant: values.formVariant ?? null,
		title: Object.fromEntries(
			LANGUAGES.flatMap((language) => {
				const title = values[TITLE_FIELDS[language]]
				return title ? [[language, title]] : []
			}),
		),
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
		formVariant: cycle.formVariant ?? '',
		...Object.fromEntries(
			LANGUAGES.map((language) => [TITLE_FIELDS[language], cycle.title[language] ?? '']),
		),
		periodStart: cycle.periodStart,
		periodEnd: cycle.periodEnd,
		opensOn: cycle.opensOn,
		deadline: cycle.deadline,
	}
}

/**
 * The cycle form's post (its fields, as `formDataToObject` reads them): a new cycle, or changes to
 * `existing`. Checks that the form version is registered for the convention, that the variant fits
 * it (`variantError`) and that the code is free, and audits the change. Answers the failure to
 * show, or the cycle's id.
 */
export async function saveCycleFromForm(
	db: Kysely<Database>,
	values: Record<string, unknown>,
	adminId: string,
	existing?: ReportingCycle,
): Promise<{ ok: true; id: string } | { ok: false; response: ReturnType<typeof failure> }> {
	const parsed = parseValues(values, CycleFormSchema)
	if (!parsed.ok) return { ok: false, response: parsed.response }
	const input = toCycleInput(parsed.data)
	const fail = (field: string, message: string) => ({
		ok: false as const,
		response: failure(400, {
			formError: 'errors.checkFields',
			fieldErrors: { [field]: [message] },
			values: parsed.data,
		}),
	})
	if (!input) return fail('form', 'admin:errors.unknownForm')
	const wrongVariant = variantError(input)
	if (wrongVariant) return fail('formVariant', wrongVariant)
	const sameCode = await findCycleByCode(db, input.code)
	if (sameCode && sameCode.id !== existing?.id) return fail('code', 'admin:errors.cycleCodeTaken')
	const id = await db.transaction().execute(async (trx) => {
		const cycleId = existing ? existing.id : await insertCycle(trx, input)
		if (existing) await updateCycle(trx, existing.id, input)
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: existing ? 'cycle.updated' : 'cycle.created',
			subjectType: 'reporting_cycle',
			subjectId: cycleId,
			details: existing ? { before: { ...existing }, after: { ...input } } : { ...input },
		})
		return cycleId
	})
	return { ok: true, id }
}

/** The publication form of the cycle page: publish from a date (or move it), or withdraw. */
const PublicationFormSchema = z.discriminatedUnion('decision', [
	z.object({
		intent: z.literal('publication'),
		decision: z.literal('publish'),
		publishedFrom: isoDate,
	}),
	z.object({ intent: z.literal('publication'), decision: z.literal('withdraw') }),
])

/** The publication form's post: the decision applied and audited, or the failure to show. */
export async function decidePublicationFromForm(
	db: Kysely<Database>,
	values: Record<string, unknown>,
	adminId: string,
	cycle: ReportingCycle,
) {
	const parsed = parseValues(values, PublicationFormSchema)
	if (!parsed.ok) return parsed.response
	const input = parsed.data
	await decidePublication(db, {
		cycle,
		adminId,
		decision:
			input.decision === 'publish'
				? { decision: 'publish', publishedFrom: input.publishedFrom }
				: { decision: 'withdraw' },
	})
	return { done: `public:publication.done.${input.decision}` as const }
}
