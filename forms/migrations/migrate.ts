import type { ZodMiniType } from 'zod/mini'
import { columnSchema, questionSchema } from '../engine/answer-schemas.ts'
import { rowsFor } from '../engine/compile.ts'
import { periodYears } from '../engine/rows.ts'
import { isAnswered, isMarked, tableRows } from '../engine/values.ts'
import type {
	Answer,
	Answers,
	CellValue,
	FormContext,
	FormDefinition,
	Question,
	TableColumn,
	TableQuestion,
	TableRow,
} from '../types.ts'
import type { Outcome } from './transforms.ts'
import { applyTransform, combine } from './transforms.ts'
import type {
	AnswerLocation,
	ColumnMapping,
	MigrationOutcome,
	MigrationReportEntry,
	MigrationSpec,
	QuestionMapping,
	ValueTransform,
} from './types.ts'

export interface MigrationResult {
	answers: Answers
	report: MigrationReportEntry[]
}

function questionsOf(def: FormDefinition): Map<string, Question> {
	const map = new Map<string, Question>()
	for (const part of def.parts) {
		for (const section of part.sections)
			for (const question of section.questions) map.set(question.id, question)
	}
	return map
}

const schemaCache = new WeakMap<object, ZodMiniType>()
function schemaOf(item: Question | TableColumn, isColumn: boolean): ZodMiniType {
	let schema = schemaCache.get(item)
	if (!schema) {
		schema = isColumn ? columnSchema(item as TableColumn) : questionSchema(item as Question)
		schemaCache.set(item, schema)
	}
	return schema
}

/** The value must have the target's type, and inline option codes must still be offered. */
function fits(item: Question | TableColumn, value: unknown, isColumn: boolean): Outcome {
	if (!schemaOf(item, isColumn).safeParse(value).success) {
		return { ok: false, reason: `the value does not fit the target ${item.type} item` }
	}
	if (!isMarked(value) && 'options' in item && Array.isArray(item.options)) {
		const codes = Array.isArray(value) ? value : [value]
		const missing = codes.find((code) => !item.options!.includes(String(code)))
		if (missing !== undefined)
			return { ok: false, reason: `code "${String(missing)}" is not offered by the target` }
	}
	return { ok: true, value }
}

function sameType(source: Question | TableColumn, target: Question | TableColumn): boolean {
	if (source.type !== target.type) return false
	const multiple = (item: Question | TableColumn) =>
		'multiple' in item ? item.multiple === true : false
	return multiple(source) === multiple(target)
}

function transformOutcome(
	transform: ValueTransform | undefined,
	renamed: boolean,
): MigrationOutcome {
	if (transform) return 'transformed'
	return renamed ? 'renamed' : 'carried'
}

/**
 * Applies one spec (version N → N+1). Exported for fixture tests; use `migrateAnswers` otherwise.
 * `ctx` (the target report's context) lets fixed-row tables drop rows the target does not expect.
 */
export function applyMigrationSpec(
	spec: MigrationSpec,
	fromDef: FormDefinition,
	toDef: FormDefinition,
	answers: Answers,
	ctx?: FormContext,
): MigrationResult {
	const sourceQuestions = questionsOf(fromDef)
	const targetQuestions = questionsOf(toDef)
	const out: Answers = {}
	const writtenBy = new Map<string, string>()
	const report: MigrationReportEntry[] = []
	const entry = (
		source: AnswerLocation,
		outcome: MigrationOutcome,
		targets?: AnswerLocation[],
		reason?: string,
	) =>
		report.push({ source, outcome, ...(targets ? { targets } : {}), ...(reason ? { reason } : {}) })

	const mappingFor = new Map<string, QuestionMapping>()
	for (const mapping of spec.questions) {
		if (mapping.kind === 'merge') for (const id of mapping.from) mappingFor.set(id, mapping)
		else mappingFor.set(mapping.kind === 'transform' ? mapping.question : mapping.from, mapping)
	}

	/** Writes a converted value to a target question, or explains why it cannot. */
	const write = (sourceId: string, targetId: string, value: unknown): Outcome => {
		const target = targetQuestions.get(targetId)
		if (!target) return { ok: false, reason: `the target has no question "${targetId}"` }
		const fit = fits(target, value, false)
		if (!fit.ok) return fit
		const previous = writtenBy.get(targetId)
		if (previous !== undefined)
			return {
				ok: false,
				reason: `"${targetId}" already holds the answer carried from "${previous}"`,
			}
		writtenBy.set(targetId, sourceId)
		out[targetId] = value as Answer
		return fit
	}

	const handledMerges = new Set<QuestionMapping>()
	for (const [sourceId, value] of Object.entries(answers)) {
		if (value === undefined) continue
		const source = sourceQuestions.get(sourceId)
		if (!source) {
			entry(
				{ questionId: sourceId },
				'failed',
				undefined,
				`"${sourceId}" is not a question of ${fromDef.formId} v${fromDef.version}`,
			)
			continue
		}
		const mapping = mappingFor.get(sourceId)

		if (!mapping) {
			const target = targetQuestions.get(sourceId)
			if (!target) {
				entry(
					{ questionId: sourceId },
					'failed',
					undefined,
					`no mapping, and v${toDef.version} has no question "${sourceId}"`,
				)
			} else if (!sameType(source, target)) {
				entry(
					{ questionId: sourceId },
					'failed',
					undefined,
					`no mapping, and the type changed from ${source.type} to ${target.type}`,
				)
			} else if (source.type === 'table' && target.type === 'table') {
				migrateTable({ kind: 'table', from: sourceId }, source, target)
			} else {
				const result = write(sourceId, sourceId, value)
				if (result.ok) entry({ questionId: sourceId }, 'carried', [{ questionId: sourceId }])
				else entry({ questionId: sourceId }, 'failed', undefined, result.reason)
			}
			continue
		}

		switch (mapping.kind) {
			case 'drop':
				entry({ questionId: sourceId }, 'dropped', undefined, mapping.reason)
				break
			case 'rename':
			case 'transform': {
				const targetId = mapping.kind === 'rename' ? mapping.to : mapping.question
				const converted = mapping.transform
					? applyTransform(value, mapping.transform)
					: { ok: true as const, value }
				const result = converted.ok ? write(sourceId, targetId, converted.value) : converted
				if (result.ok) {
					entry(
						{ questionId: sourceId },
						transformOutcome(mapping.transform, mapping.kind === 'rename'),
						[{ questionId: targetId }],
					)
				} else entry({ questionId: sourceId }, 'failed', [{ questionId: targetId }], result.reason)
				break
			}
			case 'split': {
				const targets: AnswerLocation[] = []
				for (const part of mapping.into) {
					const converted = part.transform
						? applyTransform(value, part.transform)
						: { ok: true as const, value }
					const result = converted.ok ? write(sourceId, part.to, converted.value) : converted
					if (result.ok) targets.push({ questionId: part.to })
					else entry({ questionId: sourceId }, 'failed', [{ questionId: part.to }], result.reason)
				}
				if (targets.length > 0) entry({ questionId: sourceId }, 'split', targets)
				break
			}
			case 'merge': {
				if (handledMerges.has(mapping)) break
				handledMerges.add(mapping)
				const values = mapping.from.map((id) => ({ source: id, value: answers[id] }))
				const combined = combine(values, mapping.combine)
				const result = combined.ok
					? write(mapping.from.join('+'), mapping.to, combined.value)
					: combined
				for (const { source: id, value: merged } of values) {
					if (merged === undefined) continue
					if (result.ok) entry({ questionId: id }, 'merged', [{ questionId: mapping.to }])
					else entry({ questionId: id }, 'failed', [{ questionId: mapping.to }], result.reason)
				}
				break
			}
			case 'table': {
				const target = targetQuestions.get(mapping.to ?? mapping.from)
				if (source.type !== 'table' || target?.type !== 'table') {
					entry(
						{ questionId: sourceId },
						'failed',
						undefined,
						'table mapping between non-table questions',
					)
				} else migrateTable(mapping, source, target)
				break
			}
		}
	}
	return { answers: out, report }

	function migrateTable(
		mapping: Extract<QuestionMapping, { kind: 'table' }>,
		source: TableQuestion,
		target: TableQuestion,
	): void {
		const value = answers[source.id]
		const renamed = source.id !== target.id
		const tableOutcome: MigrationOutcome = renamed ? 'renamed' : 'carried'
		if (isMarked(value) || !isAnswered(value)) {
			const result = write(source.id, target.id, value)
			if (result.ok) entry({ questionId: source.id }, tableOutcome, [{ questionId: target.id }])
			else entry({ questionId: source.id }, 'failed', [{ questionId: target.id }], result.reason)
			return
		}
		const sourceDims =
			source.rows.kind === 'fixed' ? source.rows.dimensions.map((d) => d.column) : []
		const targetDims =
			target.rows.kind === 'fixed' ? target.rows.dimensions.map((d) => d.column) : []
		const targetColumns = new Map(target.columns.map((column) => [column.id, column]))
		const sourceColumns = new Map(source.columns.map((column) => [column.id, column]))
		const rowsSpec = mapping.rows ?? {}
		const expected =
			rowsSpec.dropOutsideTarget && target.rows.kind === 'fixed' && ctx
				? new Set(rowsFor(toDef, target, ctx).map((row) => row.key))
				: undefined
		const years = ctx ? periodYears(ctx) : undefined

		const columnMapping = new Map<string, ColumnMapping>()
		for (const column of mapping.columns ?? []) {
			if (column.kind === 'merge') for (const id of column.from) columnMapping.set(id, column)
			else columnMapping.set(column.kind === 'transform' ? column.column : column.from, column)
		}
		/** Per source column: outcome, targets, failures. */
		const columnReport = new Map<
			string,
			{ outcome: MigrationOutcome; targets: Set<string>; reason?: string }
		>()
		const note = (
			columnId: string,
			outcome: MigrationOutcome,
			targetColumns: string[],
			reason?: string,
		) => {
			if (!columnReport.has(columnId)) {
				columnReport.set(columnId, {
					outcome,
					targets: new Set(targetColumns),
					...(reason ? { reason } : {}),
				})
			}
		}
		const cellFailure = (rowId: string, columnId: string, reason: string, targetColumn?: string) =>
			entry(
				{ questionId: source.id, columnId, rowId },
				'failed',
				targetColumn ? [{ questionId: target.id, columnId: targetColumn, rowId }] : undefined,
				reason,
			)

		const outRows: TableRow[] = []
		for (const row of tableRows(value)) {
			let rowId = row.id
			const dimensionCells: Record<string, CellValue> = {}
			if (source.rows.kind === 'fixed') {
				let key = row.key ?? row.id
				let dropReason: string | undefined
				if (rowsSpec.keys && key in rowsSpec.keys) {
					const mapped = rowsSpec.keys[key]
					if (mapped === null || mapped === undefined)
						dropReason = rowsSpec.dropReason ?? 'row has no equivalent in the target'
					else key = mapped
				}
				const parts = key.split('|')
				if (!dropReason && rowsSpec.codes) {
					sourceDims.forEach((dimension, i) => {
						const codeMap = rowsSpec.codes?.[dimension]
						const code = parts[i]
						if (!codeMap || code === undefined || !(code in codeMap)) return
						const mapped = codeMap[code]
						if (mapped === null || mapped === undefined)
							dropReason = rowsSpec.dropReason ?? `"${code}" has no equivalent in the target`
						else parts[i] = mapped
					})
				}
				key = parts.join('|')
				if (!dropReason && expected && !expected.has(key))
					dropReason = rowsSpec.dropOutsideTarget!.reason
				if (dropReason) {
					entry({ questionId: source.id, rowId: row.id }, 'dropped', undefined, dropReason)
					continue
				}
				rowId = key
				targetDims.forEach((dimension, i) => {
					const code = parts[i]
					if (code === undefined) return
					dimensionCells[dimension] =
						targetColumns.get(dimension)?.type === 'year' ? Number(code) : code
				})
			} else if (rowsSpec.dropOutsideTarget?.periodColumn && years) {
				const year = row.cells[rowsSpec.dropOutsideTarget.periodColumn]
				if (typeof year === 'number' && (year < years[0]! || year > years[years.length - 1]!)) {
					entry(
						{ questionId: source.id, rowId: row.id },
						'dropped',
						undefined,
						rowsSpec.dropOutsideTarget.reason,
					)
					continue
				}
			}

			const cells: Record<string, CellValue> =
				target.rows.kind === 'fixed' ? { ...dimensionCells } : {}
			const setCell = (targetColumn: string, cellValue: unknown): Outcome => {
				const column = targetColumns.get(targetColumn)
				if (!column)
					return { ok: false, reason: `the target table has no column "${targetColumn}"` }
				if (targetDims.includes(targetColumn))
					return { ok: false, reason: `"${targetColumn}" is a row dimension` }
				if (cells[targetColumn] !== undefined)
					return { ok: false, reason: `"${targetColumn}" already holds a carried value` }
				const fit = fits(column, cellValue, true)
				if (fit.ok) cells[targetColumn] = cellValue as CellValue
				return fit
			}
			const handled = new Set<ColumnMapping>()
			for (const [columnId, cellValue] of Object.entries(row.cells)) {
				if (sourceDims.includes(columnId) || cellValue === undefined) continue
				const columnDef = sourceColumns.get(columnId)
				const spec = columnMapping.get(columnId)
				if (!columnDef) {
					cellFailure(row.id, columnId, `"${columnId}" is not a column of the source table`)
					continue
				}
				if (!spec) {
					const targetColumn = targetColumns.get(columnId)
					if (!targetColumn || targetDims.includes(columnId)) {
						note(
							columnId,
							'failed',
							[],
							`no mapping, and the target table has no column "${columnId}"`,
						)
						cellFailure(
							row.id,
							columnId,
							`no mapping, and the target table has no column "${columnId}"`,
						)
						continue
					}
					if (!sameType(columnDef, targetColumn)) {
						const reason = `no mapping, and the column type changed from ${columnDef.type} to ${targetColumn.type}`
						note(columnId, 'failed', [], reason)
						cellFailure(row.id, columnId, reason)
						continue
					}
					const result = setCell(columnId, cellValue)
					if (result.ok) note(columnId, 'carried', [columnId])
					else cellFailure(row.id, columnId, result.reason, columnId)
					continue
				}
				switch (spec.kind) {
					case 'drop':
						note(columnId, 'dropped', [], spec.reason)
						break
					case 'rename':
					case 'transform': {
						const targetColumn = spec.kind === 'rename' ? spec.to : spec.column
						const converted = spec.transform
							? applyTransform(cellValue, spec.transform)
							: { ok: true as const, value: cellValue }
						const result = converted.ok ? setCell(targetColumn, converted.value) : converted
						if (result.ok)
							note(columnId, transformOutcome(spec.transform, spec.kind === 'rename'), [
								targetColumn,
							])
						else cellFailure(row.id, columnId, result.reason, targetColumn)
						break
					}
					case 'split': {
						const done: string[] = []
						for (const part of spec.into) {
							const converted = part.transform
								? applyTransform(cellValue, part.transform)
								: { ok: true as const, value: cellValue }
							const result = converted.ok ? setCell(part.to, converted.value) : converted
							if (result.ok) done.push(part.to)
							else cellFailure(row.id, columnId, result.reason, part.to)
						}
						if (done.length > 0)
							note(
								columnId,
								'split',
								spec.into.map((part) => part.to),
							)
						break
					}
					case 'merge': {
						if (handled.has(spec)) break
						handled.add(spec)
						const values = spec.from.map((id) => ({ source: id, value: row.cells[id] }))
						const combined = combine(values, spec.combine)
						const result = combined.ok ? setCell(spec.to, combined.value) : combined
						for (const { source: id, value: merged } of values) {
							if (merged === undefined) continue
							if (result.ok) note(id, 'merged', [spec.to])
							else cellFailure(row.id, id, result.reason, spec.to)
						}
						break
					}
				}
			}
			outRows.push(
				target.rows.kind === 'fixed' ? { id: rowId, key: rowId, cells } : { id: rowId, cells },
			)
		}

		const result = write(source.id, target.id, { rows: outRows })
		if (!result.ok) {
			entry({ questionId: source.id }, 'failed', [{ questionId: target.id }], result.reason)
			return
		}
		if (columnReport.size === 0 && outRows.length > 0)
			entry({ questionId: source.id }, tableOutcome, [{ questionId: target.id }])
		if (tableRows(value).length === 0)
			entry({ questionId: source.id }, tableOutcome, [{ questionId: target.id }])
		for (const [columnId, { outcome, targets, reason }] of columnReport) {
			const effective = outcome === 'carried' && renamed ? 'renamed' : outcome
			entry(
				{ questionId: source.id, columnId },
				effective,
				[...targets].map((targetColumn) => ({ questionId: target.id, columnId: targetColumn })),
				reason,
			)
		}
	}
}
