import { codeListFor, type CodeListPins } from '#forms/codelists/index.ts'
import { questionSchemas } from '#forms/engine/index.ts'
import { findQuestion } from '#forms/question-index.ts'
import type { FormDefinition, Question, TableColumn } from '#forms/types.ts'
import { YES_NO, YES_NO_STATUS } from '#forms/vocabulary.ts'

export type PatchError = { questionId: string; message: string }

function isBlank(value: unknown) {
	return value === null || value === undefined
}

/** Message keys of the draft schema's own refusals, as the save reports them per question. */
const DRAFT_MESSAGES: Record<string, string> = {
	invalid_date: 'save.errors.invalidDate',
	duplicate_row: 'save.errors.duplicateRow',
}

/**
 * Checks per-question patches against the draft schema of the form version, one question's schema
 * per change: unknown question ids (looked up as the form's own ids, so `__proto__` or
 * `constructor` are unknown like any other), wrong types, impossible dates, tables with two rows
 * of one id and codes outside their lists are refused, each with a message for its question. The
 * server runs it on every save before writing.
 */
export function validatePatch(
	definition: FormDefinition,
	changes: readonly { questionId: string; value: unknown }[],
): PatchError[] {
	const errors: PatchError[] = []
	const seen = new Set<string>()
	const values = new Map<string, { question: Question; value: unknown }>()
	for (const { questionId, value } of changes) {
		if (seen.has(questionId)) errors.push({ questionId, message: 'save.errors.duplicateQuestion' })
		seen.add(questionId)
		const question = findQuestion(definition, questionId)
		if (!question) errors.push({ questionId, message: 'save.errors.unknownQuestion' })
		else if (!isBlank(value)) values.set(questionId, { question, value })
	}
	const schemas = questionSchemas(definition)
	for (const [questionId, { question, value }] of values) {
		const parsed = schemas.get(questionId)!.safeParse(value)
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				errors.push({
					questionId,
					message: DRAFT_MESSAGES[issue.message] ?? 'save.errors.invalidValue',
				})
		} else if (!codesAreKnown(question, value, definition.codeLists)) {
			errors.push({ questionId, message: 'save.errors.unknownCode' })
		}
	}
	const keys = new Set<string>()
	return errors.filter((e) => {
		const key = `${e.questionId}/${e.message}`
		if (keys.has(key)) return false
		keys.add(key)
		return true
	})
}

const codeCache = new WeakMap<Question | TableColumn, Set<string> | null>()

/**
 * Codes an item accepts in a draft: the whole release of its list the form version pins (whether
 * a chemical applies is a submission check). Items belong to one definition, so one cache entry
 * per item.
 */
function allowedCodes(item: Question | TableColumn, pins: CodeListPins): Set<string> | null {
	if (codeCache.has(item)) return codeCache.get(item)!
	let codes: string[] | null = null
	switch (item.type) {
		case 'yes_no':
			codes = [...YES_NO]
			break
		case 'yes_no_status':
			codes = [...YES_NO_STATUS]
			break
		case 'country':
			codes = codeListFor('countries', pins)?.entries.map((e) => e.code) ?? null
			break
		case 'chemical':
			codes = codeListFor('sc-chemicals', pins)?.entries.map((e) => e.code) ?? null
			break
		case 'single_choice':
		case 'multiple_choice':
			codes =
				'codeList' in item && item.codeList
					? (codeListFor(item.codeList, pins)?.entries.map((e) => e.code) ?? null)
					: 'options' in item
						? item.options
						: null
			break
		default:
			codes = null
	}
	const set = codes ? new Set(codes) : null
	codeCache.set(item, set)
	return set
}

function codeOk(item: Question | TableColumn, value: unknown, pins: CodeListPins) {
	const codes = allowedCodes(item, pins)
	if (!codes || value === null || value === undefined) return true
	if (typeof value === 'object' && !Array.isArray(value)) return true // a marker
	const list = Array.isArray(value) ? value : [value]
	return list.every((code) => typeof code !== 'string' || codes.has(code))
}

/** Every code in the answer (scalar or table cells) belongs to its list. */
function codesAreKnown(question: Question, value: unknown, pins: CodeListPins): boolean {
	if (question.type === 'table') {
		const rows = (value as { rows?: { cells: Record<string, unknown> }[] }).rows
		if (!rows) return true
		return rows.every((row) =>
			question.columns.every((column) => codeOk(column, row.cells[column.id], pins)),
		)
	}
	return codeOk(question, value, pins)
}
