// zod/mini: the same checks as zod with a fraction of the code in the browser bundle.
import * as z from 'zod/mini'
import type {
	Answers,
	FormContext,
	FormDefinition,
	Issue,
	Question,
	ScalarType,
	TableColumn,
} from '../types.ts'
import { MARKERS } from '../types.ts'
import { evaluate } from './evaluate.ts'
import { questionsOf } from '../question-index.ts'
import { isIsoDate } from './patterns.ts'
import { contextKey } from './rows.ts'

const MarkedSchema = z.strictObject({ marker: z.enum(MARKERS as [string, ...string[]]) })
/** A date that exists: 2024-13-45 or 2023-02-29 is not a draft answer either. */
const IsoDateString = z.string().check(z.refine(isIsoDate, { message: 'invalid_date' }))

/** Rows are told apart by id (merges, cell history, comments on a row): never two with one id. */
function uniqueRowIds(rows: readonly { id: string }[]) {
	return new Set(rows.map((row) => row.id)).size === rows.length
}

function scalarSchema(item: ScalarType | { type: 'checkbox' }): z.ZodMiniType {
	switch (item.type) {
		case 'multiple_choice':
			return z.array(z.string())
		case 'country':
		case 'chemical':
			return item.multiple ? z.array(z.string()) : z.string()
		case 'integer':
		case 'year':
			return z.int()
		case 'decimal':
			return z.number()
		case 'date':
			return IsoDateString
		case 'checkbox':
			return z.boolean()
		default:
			return z.string()
	}
}

/** Draft (type-only) schema of one table cell. */
export function columnSchema(column: TableColumn): z.ZodMiniType {
	return z.union([scalarSchema(column), MarkedSchema])
}

/** Draft (type-only) schema of one question's answer. */
export function questionSchema(question: Question): z.ZodMiniType {
	switch (question.type) {
		case 'contact':
			return z.union([
				z.strictObject(
					Object.fromEntries(question.fields.map((field) => [field.id, z.optional(z.string())])),
				),
				MarkedSchema,
			])
		case 'attachment':
			return z.union([
				z.array(
					z.strictObject({ attachmentId: z.string().check(z.minLength(1)), name: z.string() }),
				),
				MarkedSchema,
			])
		case 'table': {
			const cells = z.strictObject(
				Object.fromEntries(
					question.columns.map((column) => [column.id, z.optional(columnSchema(column))]),
				),
			)
			const row = z.strictObject({
				id: z.string().check(z.minLength(1)),
				key: z.optional(z.string()),
				cells,
			})
			const rows = z.array(row).check(z.refine(uniqueRowIds, { message: 'duplicate_row' }))
			return z.union([z.strictObject({ rows }), MarkedSchema])
		}
		default:
			return z.union([scalarSchema(question), MarkedSchema])
	}
}

const questionSchemasCache = new WeakMap<FormDefinition, Map<string, z.ZodMiniType>>()

/** `questionSchema` of every question of a definition, by question id (cached per definition). */
export function questionSchemas(def: FormDefinition): ReadonlyMap<string, z.ZodMiniType> {
	let schemas = questionSchemasCache.get(def)
	if (!schemas) {
		schemas = new Map(questionsOf(def).map((question) => [question.id, questionSchema(question)]))
		questionSchemasCache.set(def, schemas)
	}
	return schemas
}

/**
 * Draft schema: every question optional, types only (any marker, any value range, hidden or not),
 * plus what no draft can hold either: impossible dates and two table rows with one id.
 */
function buildDraftSchema(def: FormDefinition) {
	const shape: Record<string, z.ZodMiniOptional<z.ZodMiniType>> = {}
	for (const [id, schema] of questionSchemas(def)) shape[id] = z.optional(schema)
	return z.strictObject(shape)
}

export interface AnswerSchemas {
	/**
	 * Lenient schema for saving drafts: known question ids only, each optional and type-correct
	 * (a marker is accepted anywhere). Hidden answers are accepted and kept.
	 */
	draft: z.ZodMiniType<Answers>
	/**
	 * Strict schema for submission: the draft schema plus every error-severity issue of
	 * `evaluate(def, answers, ctx)` as a zod issue (path `[questionId, rowId?, columnId? | field?]`,
	 * `message` = message key, `params.issue` = the engine `Issue`). Hidden answers are ignored.
	 * Warnings do not fail it (they need explanations, see `validateForSubmission`).
	 */
	submission: z.ZodMiniType<Answers>
}

const draftCache = new WeakMap<FormDefinition, z.ZodMiniType<Answers>>()
const submissionCache = new WeakMap<FormDefinition, Map<string, z.ZodMiniType<Answers>>>()

export function draftSchema(def: FormDefinition): z.ZodMiniType<Answers> {
	let draft = draftCache.get(def)
	if (!draft) {
		draft = buildDraftSchema(def) as unknown as z.ZodMiniType<Answers>
		draftCache.set(def, draft)
	}
	return draft
}

export function issuePath(issue: Issue): string[] {
	return [issue.questionId, issue.rowId, issue.columnId ?? issue.field].filter(
		(segment): segment is string => segment !== undefined,
	)
}

/**
 * The one place answer schemas come from, so every check of answers (the editor's patches, the
 * server's actions) agrees. Cached per definition and context.
 */
export function buildAnswerSchemas(def: FormDefinition, ctx: FormContext): AnswerSchemas {
	const draft = draftSchema(def)
	let perContext = submissionCache.get(def)
	if (!perContext) {
		perContext = new Map()
		submissionCache.set(def, perContext)
	}
	const key = contextKey(ctx)
	let submission = perContext.get(key)
	if (!submission) {
		if (perContext.size > 64) perContext.clear()
		const context = { ...ctx }
		submission = draft.check(
			z.superRefine((answers, zodCtx) => {
				for (const issue of evaluate(def, answers, context).issues) {
					if (issue.severity !== 'error') continue
					zodCtx.addIssue({
						code: 'custom',
						message: issue.messageKey,
						path: issuePath(issue),
						params: { issue },
					})
				}
			}),
		) as unknown as z.ZodMiniType<Answers>
		perContext.set(key, submission)
	}
	return { draft, submission }
}
