import { compileForm, type CompiledQuestion } from '#forms/engine/compile.ts'
import { evaluate } from '#forms/engine/evaluate.ts'
import {
	isAnswered,
	isAttachmentList,
	isMarked,
	isTableAnswer,
	tableRows,
} from '#forms/engine/values.ts'
import { migrateAnswers, type MigrationReportEntry } from '#forms/migrations/index.ts'
import type {
	Answer,
	Answers,
	AttachmentRef,
	CellValue,
	ContactAnswer,
	Evaluation,
	FormContext,
	FormDefinition,
	Marker,
	Question,
	QuestionType,
	TableQuestion,
	TableRow,
} from '#forms/types.ts'

/**
 * Comparison of two answer sets of the same form version (two revisions or submissions of a
 * report), or of two versions through the form migrations (a report and the Party's report of
 * the previous cycle). Pure: no I/O.
 *
 * Per question, in definition order:
 * - `added`: unanswered before, answered after (a marker is an answer);
 * - `removed`: answered before, unanswered after;
 * - `changed`: answered on both sides with different values (a marker and a value, `0` included,
 *   are different; multiple-choice lists compare as sets);
 * - `becameHidden` / `becameVisible`: the answer is the same but a condition now hides or shows
 *   the question (only reported for answered questions: a blank question appearing is not a
 *   change of the report);
 * - `unchanged`: omitted unless `includeUnchanged`.
 * `hiddenBefore` / `hiddenAfter` come from the engine's evaluation of each side, so a reviewer can
 * tell a change to an answer nobody will read (hidden by a condition) from one that counts.
 *
 * Tables are compared row by row (fixed rows matched by `key`, open rows by `id`), then cell by
 * cell in column order; contact blocks field by field. Row order does not count.
 */

export type QuestionChangeKind =
	'added' | 'removed' | 'changed' | 'unchanged' | 'becameHidden' | 'becameVisible'

export type ValueChangeKind = 'added' | 'removed' | 'changed'

export type RowChangeKind = 'rowAdded' | 'rowRemoved' | 'rowChanged'

/** Present when either side is a marker, so a marker never reads as a value (or as zero). */
export interface MarkerChange {
	before?: Marker
	after?: Marker
}

export interface CellDiff {
	columnId: string
	kind: ValueChangeKind
	before?: CellValue
	after?: CellValue
	markers?: MarkerChange
	/** Set (true) only when a per-row condition hides the cell on that side. */
	hiddenBefore?: true
	hiddenAfter?: true
}

export interface RowDiff {
	/** The row's id (for fixed rows, its key). */
	rowId: string
	kind: RowChangeKind
	/** Added rows list their answered cells as `added`, removed rows as `removed`. */
	cells: CellDiff[]
}

export interface FieldDiff {
	fieldId: string
	kind: ValueChangeKind
	before?: string
	after?: string
}

export interface QuestionDiff {
	questionId: string
	partId: string
	sectionId: string
	type: QuestionType
	kind: QuestionChangeKind
	hiddenBefore: boolean
	hiddenAfter: boolean
	/** Scalar and attachment questions: the values on each side (absent = unanswered). */
	before?: Answer
	after?: Answer
	markers?: MarkerChange
	/** Table questions: the rows that differ. */
	rows?: RowDiff[]
	/** Contact questions: the fields that differ. */
	fields?: FieldDiff[]
}

export interface AnswerDiff {
	formId: string
	/** Version of the `before` answers as stored (differs from `version` across cycles). */
	fromVersion: number
	/** Version both sides are compared in. */
	version: number
	questions: QuestionDiff[]
	/**
	 * Across versions: migration report entries of older answers that could not be carried into
	 * the newer version (dropped or failed), so they could not be compared.
	 */
	notCompared: MigrationReportEntry[]
}

export interface DiffOptions {
	/** List unchanged questions too (kind `unchanged`). Default false. */
	includeUnchanged?: boolean
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Structural equality; lists of codes compare as sets, other lists in order. */
export function sameAnswer(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return false
		if (
			a.every((item) => typeof item === 'string') &&
			b.every((item) => typeof item === 'string')
		) {
			const set = new Set(a as string[])
			return (b as string[]).every((item) => set.has(item)) && set.size === new Set(b).size
		}
		return a.every((item, index) => sameAnswer(item, b[index]))
	}
	if (isPlainObject(a) && isPlainObject(b)) {
		const keysA = Object.keys(a).filter((key) => a[key] !== undefined)
		const keysB = Object.keys(b).filter((key) => b[key] !== undefined)
		if (keysA.length !== keysB.length) return false
		return keysA.every((key) => sameAnswer(a[key], b[key]))
	}
	return false
}

function compareValues(before: unknown, after: unknown): ValueChangeKind | 'unchanged' {
	const hadBefore = isAnswered(before)
	const hasAfter = isAnswered(after)
	if (!hadBefore && !hasAfter) return 'unchanged'
	if (!hadBefore) return 'added'
	if (!hasAfter) return 'removed'
	return sameAnswer(before, after) ? 'unchanged' : 'changed'
}

function markerChange(before: unknown, after: unknown): MarkerChange | undefined {
	const markerBefore = isMarked(before) ? before.marker : undefined
	const markerAfter = isMarked(after) ? after.marker : undefined
	if (!markerBefore && !markerAfter) return undefined
	return {
		...(markerBefore ? { before: markerBefore } : {}),
		...(markerAfter ? { after: markerAfter } : {}),
	}
}

function withSides<T extends object>(target: T, before: unknown, after: unknown): T {
	const out = target as T & { before?: unknown; after?: unknown; markers?: MarkerChange }
	if (isAnswered(before)) out.before = before
	if (isAnswered(after)) out.after = after
	const markers = markerChange(before, after)
	if (markers) out.markers = markers
	return out
}

type CellVisibility = Evaluation['cells'][string] | undefined

function cellHidden(states: CellVisibility, rowId: string, columnId: string): boolean {
	return states?.[rowId]?.[columnId]?.visible === false
}

function diffCells(
	table: TableQuestion,
	before: TableRow | undefined,
	after: TableRow | undefined,
	statesBefore: CellVisibility,
	statesAfter: CellVisibility,
): CellDiff[] {
	const cellsBefore = before?.cells ?? {}
	const cellsAfter = after?.cells ?? {}
	const columnIds = table.columns.map((column) => column.id)
	const known = new Set(columnIds)
	const extra = new Set<string>()
	for (const id of [...Object.keys(cellsBefore), ...Object.keys(cellsAfter)]) {
		if (!known.has(id)) extra.add(id)
	}
	const diffs: CellDiff[] = []
	for (const columnId of [...columnIds, ...[...extra].sort()]) {
		const valueBefore = cellsBefore[columnId]
		const valueAfter = cellsAfter[columnId]
		const kind = compareValues(valueBefore, valueAfter)
		if (kind === 'unchanged') continue
		const diff = withSides<CellDiff>({ columnId, kind }, valueBefore, valueAfter)
		if (before && cellHidden(statesBefore, before.id, columnId)) diff.hiddenBefore = true
		if (after && cellHidden(statesAfter, after.id, columnId)) diff.hiddenAfter = true
		diffs.push(diff)
	}
	return diffs
}

function diffTable(
	table: TableQuestion,
	before: unknown,
	after: unknown,
	statesBefore: CellVisibility,
	statesAfter: CellVisibility,
): RowDiff[] {
	const matchKey =
		table.rows.kind === 'fixed' ? (row: TableRow) => row.key ?? row.id : (row: TableRow) => row.id
	const rowsBefore = tableRows(before)
	const rowsAfter = tableRows(after)
	const byKeyBefore = new Map(rowsBefore.map((row) => [matchKey(row), row]))
	const matched = new Set<string>()
	const diffs: RowDiff[] = []
	for (const row of rowsAfter) {
		const key = matchKey(row)
		const previous = byKeyBefore.get(key)
		if (previous) matched.add(key)
		const cells = diffCells(table, previous, row, statesBefore, statesAfter)
		if (!previous) diffs.push({ rowId: row.id, kind: 'rowAdded', cells })
		else if (cells.length > 0) diffs.push({ rowId: row.id, kind: 'rowChanged', cells })
	}
	for (const row of rowsBefore) {
		if (matched.has(matchKey(row))) continue
		diffs.push({
			rowId: row.id,
			kind: 'rowRemoved',
			cells: diffCells(table, row, undefined, statesBefore, statesAfter),
		})
	}
	return diffs
}

function diffContact(before: unknown, after: unknown): FieldDiff[] {
	const fieldsBefore = (isPlainObject(before) ? before : {}) as ContactAnswer
	const fieldsAfter = (isPlainObject(after) ? after : {}) as ContactAnswer
	const ids = new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])
	const diffs: FieldDiff[] = []
	for (const fieldId of ids) {
		const kind = compareValues(fieldsBefore[fieldId], fieldsAfter[fieldId])
		if (kind !== 'unchanged')
			diffs.push(
				withSides<FieldDiff>({ fieldId, kind }, fieldsBefore[fieldId], fieldsAfter[fieldId]),
			)
	}
	return diffs
}

function orderFields(question: Question, fields: FieldDiff[]): FieldDiff[] {
	if (question.type !== 'contact') return fields
	const order = new Map(question.fields.map((field, index) => [field.id, index]))
	const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER
	return fields.sort(
		(a, b) => rank(a.fieldId) - rank(b.fieldId) || (a.fieldId < b.fieldId ? -1 : 1),
	)
}

function isStructured(question: Question, before: unknown, after: unknown): boolean {
	if (question.type === 'table') return isTableAnswer(before) && isTableAnswer(after)
	if (question.type !== 'contact') return false
	return isPlainObject(before) && isPlainObject(after) && !isMarked(before) && !isMarked(after)
}

/**
 * Tables and contact blocks answered on both sides are decided by their rows and fields (a
 * reordering of rows is no change); a marker in place of a whole table or block compares as a value.
 */
function valueKindOf(question: Question, before: unknown, after: unknown, detail: unknown[]) {
	if (isAnswered(before) && isAnswered(after) && isStructured(question, before, after))
		return detail.length > 0 ? 'changed' : 'unchanged'
	return compareValues(before, after)
}

function diffQuestion(
	located: CompiledQuestion,
	before: Answer | undefined,
	after: Answer | undefined,
	evalBefore: Evaluation,
	evalAfter: Evaluation,
): QuestionDiff {
	const { question, partId, sectionId } = located
	const id = question.id
	const hiddenBefore = evalBefore.questions[id]?.visible !== true
	const hiddenAfter = evalAfter.questions[id]?.visible !== true
	const rows =
		question.type === 'table'
			? diffTable(question, before, after, evalBefore.cells[id], evalAfter.cells[id])
			: undefined
	const fields =
		question.type === 'contact' ? orderFields(question, diffContact(before, after)) : undefined
	const valueKind = valueKindOf(question, before, after, rows ?? fields ?? [])
	let kind: QuestionChangeKind = valueKind
	if (valueKind === 'unchanged' && hiddenBefore !== hiddenAfter && isAnswered(after)) {
		kind = hiddenAfter ? 'becameHidden' : 'becameVisible'
	}
	const diff: QuestionDiff = {
		questionId: id,
		partId,
		sectionId,
		type: question.type,
		kind,
		hiddenBefore,
		hiddenAfter,
	}
	if (rows) {
		if (rows.length > 0) diff.rows = rows
		const markers = markerChange(before, after)
		if (markers) diff.markers = markers
	} else if (fields) {
		if (fields.length > 0) diff.fields = fields
	} else if (kind !== 'unchanged') {
		withSides(diff, before, after)
	}
	return diff
}

/**
 * Compares two answer sets of the same definition (e.g. two submissions of a report), question
 * by question in definition order. `ctx` is the report's context (fixed rows, conditions).
 */
export function diffAnswers(
	def: FormDefinition,
	before: Answers,
	after: Answers,
	ctx: FormContext,
	options: DiffOptions = {},
): AnswerDiff {
	const evalBefore = evaluate(def, before, ctx)
	const evalAfter = before === after ? evalBefore : evaluate(def, after, ctx)
	const questions: QuestionDiff[] = []
	for (const located of compileForm(def).questions) {
		const id = located.question.id
		const diff = diffQuestion(located, before[id], after[id], evalBefore, evalAfter)
		if (diff.kind !== 'unchanged' || options.includeUnchanged) questions.push(diff)
	}
	return {
		formId: def.formId,
		fromVersion: def.version,
		version: def.version,
		questions,
		notCompared: [],
	}
}

/** A report's files by id: name and sha256 of the bytes (see `fileIdentities`). */
export type FileIdentities = ReadonlyMap<string, { fileName: string; sha256: string }>

/**
 * `answers` of another report with each file they name pointing at this report's file of the same
 * name and bytes, where it has one. A report started from the previous cycle's holds copies of its
 * files under new ids (each report reads only its own files): matched this way, a file carried
 * over compares as unchanged, and one replaced by another file as changed.
 */
export function withOwnCopiesOfFiles(
	answers: Answers,
	theirs: FileIdentities,
	ours: FileIdentities,
): Answers {
	const identity = (file: { fileName: string; sha256: string }) => `${file.sha256}/${file.fileName}`
	const ourIds = new Map([...ours].map(([id, file]) => [identity(file), id]))
	const ownId = (ref: AttachmentRef) => {
		const file = theirs.get(ref.attachmentId)
		return (file && ourIds.get(identity(file))) ?? ref.attachmentId
	}
	const out: Answers = {}
	for (const [questionId, value] of Object.entries(answers)) {
		out[questionId] = isAttachmentList(value)
			? value.map((ref) => ({ ...ref, attachmentId: ownId(ref) }))
			: value
	}
	return out
}

/**
 * Compares answers of an older version (`fromDef`, e.g. the Party's previous-cycle report) with
 * answers of a newer one: the older answers are first migrated with the registered form
 * migrations (in the newer report's context `ctx`), then compared in the newer definition.
 * Answers of the previous period that a new report would only offer for confirmation are kept
 * here, so they are compared. Older answers that could not be carried (dropped or failed) are
 * listed in `notCompared` with the migration's reasons.
 */
export function diffAcrossVersions(
	fromDef: FormDefinition,
	fromAnswers: Answers,
	toDef: FormDefinition,
	toAnswers: Answers,
	ctx: FormContext,
	options: DiffOptions = {},
): AnswerDiff {
	const migrated = migrateAnswers(fromDef, toDef, fromAnswers, ctx, 'keep')
	const diff = diffAnswers(toDef, migrated.answers, toAnswers, ctx, options)
	return {
		...diff,
		fromVersion: fromDef.version,
		notCompared: migrated.report.filter(
			(entry) => entry.outcome === 'dropped' || entry.outcome === 'failed',
		),
	}
}

export interface DiffSummary {
	/** Questions listed with a kind other than `unchanged`. */
	questions: number
	added: number
	removed: number
	changed: number
	becameHidden: number
	becameVisible: number
	rowsAdded: number
	rowsRemoved: number
	rowsChanged: number
	/** Cells that differ, over all rows of all tables (added and removed rows included). */
	cells: number
	notCompared: number
}

export function summariseDiff(diff: AnswerDiff): DiffSummary {
	const summary: DiffSummary = {
		questions: 0,
		added: 0,
		removed: 0,
		changed: 0,
		becameHidden: 0,
		becameVisible: 0,
		rowsAdded: 0,
		rowsRemoved: 0,
		rowsChanged: 0,
		cells: 0,
		notCompared: diff.notCompared.length,
	}
	for (const question of diff.questions) {
		if (question.kind === 'unchanged') continue
		summary.questions++
		summary[question.kind]++
		for (const row of question.rows ?? []) {
			summary[
				row.kind === 'rowAdded'
					? 'rowsAdded'
					: row.kind === 'rowRemoved'
						? 'rowsRemoved'
						: 'rowsChanged'
			]++
			summary.cells += row.cells.length
		}
	}
	return summary
}

/** Ids of the questions that differ (any kind but `unchanged`), in definition order. */
export function questionIdsChanged(diff: AnswerDiff): string[] {
	return diff.questions.filter((q) => q.kind !== 'unchanged').map((q) => q.questionId)
}

/**
 * The submission a reviewer compares with by default: the latest one they returned before
 * `current`, else the one just before it; undefined for a first submission.
 */
export function defaultBaseline(
	submissions: readonly { number: number; state: string }[],
	current: number,
): number | undefined {
	const earlier = submissions.filter((s) => s.number < current).sort((a, b) => b.number - a.number)
	return (earlier.find((s) => s.state === 'returned') ?? earlier[0])?.number
}
