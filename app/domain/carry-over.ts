import { answerText, cellText } from '#forms/answer-text.ts'
import { questionsById, questionsOf } from '#forms/question-index.ts'
import type {
	MigrationOutcome,
	MigrationReasonCode,
	MigrationReportEntry,
} from '#forms/migrations/types.ts'
import type { FormText } from '#forms/text.ts'
import type { FormDefinition, Question } from '#forms/types.ts'

/**
 * What the carry-over page says about one question of the previous report: its label, where it
 * stands overall, and one line per thing the migration did to it (the answer, a column, rows,
 * values of a column), with the reason when something was not carried.
 */
export type CarryOverItem = {
	questionId: string
	label: string
	group: CarryOverGroup
	lines: CarryOverLine[]
}

/**
 * `not_carried`: nothing of the answer came along; `to_confirm`: figures of the previous period
 * were not copied but are shown, for the Party to confirm or correct for this period; `partly`:
 * some rows, columns or values did not come along; `recomputed`: the system filled it in again
 * for this report; `carried`: all of it came along.
 */
export type CarryOverGroup = 'not_carried' | 'to_confirm' | 'partly' | 'recomputed' | 'carried'
export const CARRY_OVER_GROUPS: readonly CarryOverGroup[] = [
	'not_carried',
	'to_confirm',
	'partly',
	'recomputed',
	'carried',
]

export type CarryOverReason =
	| { code: MigrationReasonCode; question?: string }
	/** Reports stored before reason codes: the migration's own words (English). */
	| { code: 'other'; text: string }

export type CarryOverLine = {
	/** What the line is about: the whole answer, a column, some rows, or values of a column. */
	subject: 'answer' | 'column' | 'rows' | 'cells'
	outcome: MigrationOutcome
	/** Label of the column (`column` and `cells`). */
	column?: string
	/** Labels of the questions or columns it went to, when not the same one. */
	targets?: string[]
	/** Rows or values concerned (`rows`, `cells`). */
	count?: number
	/** Years of the rows left out because of the period. */
	years?: number[]
	/** Labels of the rows concerned, other than years (e.g. chemicals). */
	rows?: string[]
	/** The value the system filled in (`recomputed`). */
	value?: string | number
	/**
	 * `to_confirm`: the previous answer as text, or per value offered "row: value" (the row named
	 * by its dimensions, or by what an open row is about, e.g. its chemical).
	 */
	previous?: string[]
	reason?: CarryOverReason
}

const NOT_CARRIED: readonly MigrationOutcome[] = ['dropped', 'failed']
/** Outcomes whose reason the page gives. */
const EXPLAINED: readonly MigrationOutcome[] = [...NOT_CARRIED, 'to_confirm']

/** The two forms a carry-over is between, and their questions. */
interface CarryOverContext {
	source: { definition: FormDefinition | undefined; text: FormText }
	target: { definition: FormDefinition; text: FormText }
	/** The previous form's questions, with their place in form order. */
	sourceQuestions: Map<string, { q: Question; i: number }>
	targetQuestions: ReadonlyMap<string, Question>
}

/** The texts a source question is named with: the previous form's, unless only the target has it. */
function textOf(ctx: CarryOverContext, questionId: string): FormText {
	return ctx.sourceQuestions.has(questionId) || !ctx.targetQuestions.has(questionId)
		? ctx.source.text
		: ctx.target.text
}

function reasonOf(ctx: CarryOverContext, entry: MigrationReportEntry): CarryOverReason | undefined {
	if (entry.code === 'replaced' && typeof entry.params?.question === 'string')
		return { code: 'replaced', question: ctx.target.text.label(entry.params.question) }
	if (entry.code) return { code: entry.code }
	return entry.reason ? { code: 'other', text: entry.reason } : undefined
}

function targetLabels(ctx: CarryOverContext, entry: MigrationReportEntry, sameAs: string) {
	const labels = (entry.targets ?? [])
		.filter((t) => `${t.questionId}.${t.columnId ?? ''}` !== sameAs)
		.map((t) => ctx.target.text.label(t.columnId ? `${t.questionId}.${t.columnId}` : t.questionId))
	return labels.length > 0 ? labels : undefined
}

/** The previous value offered for confirmation, as text in the target's terms. */
function previousOf(ctx: CarryOverContext, entry: MigrationReportEntry): string | undefined {
	if (entry.previous === undefined) return undefined
	const goesTo = entry.targets?.[0]
	const question = goesTo ? ctx.targetQuestions.get(goesTo.questionId) : undefined
	if (!goesTo || !question) return undefined
	return goesTo.columnId
		? cellText(question, goesTo.columnId, entry.previous, ctx.target.text)
		: answerText(question, entry.previous, ctx.target.text)
}

/** What an open row is about (its first cell, given with the entry), as a label. */
function aboutLabel(ctx: CarryOverContext, questionId: string, entry: MigrationReportEntry) {
	const question = ctx.sourceQuestions.get(questionId)?.q
	const about = entry.params?.about
	const first = question?.type === 'table' ? question.columns[0] : undefined
	if (typeof about !== 'string' || !question || !first) return undefined
	return cellText(question, first.id, about, textOf(ctx, questionId))
}

/** A fixed row named by its dimensions. */
function rowLabel(ctx: CarryOverContext, questionId: string, rowId: string) {
	const question = ctx.sourceQuestions.get(questionId)?.q
	if (question?.type !== 'table' || question.rows.kind !== 'fixed') return undefined
	const parts = rowId.split('|')
	return question.rows.dimensions
		.map((dimension, i) =>
			'periodYears' in dimension
				? parts[i]
				: textOf(ctx, questionId).option(`${questionId}.${dimension.column}`, parts[i] ?? ''),
		)
		.join(' · ')
}

/** The line of an entry about a whole answer or column. */
function answerLine(
	ctx: CarryOverContext,
	questionId: string,
	entry: MigrationReportEntry,
	reason: CarryOverReason | undefined,
	previous: string | undefined,
): CarryOverLine {
	const { columnId } = entry.source
	const offeredRows = entry.params?.rows
	return {
		subject: columnId ? 'column' : 'answer',
		outcome: entry.outcome,
		...(columnId ? { column: textOf(ctx, questionId).label(`${questionId}.${columnId}`) } : {}),
		...(entry.outcome === 'recomputed' && entry.params?.value !== undefined
			? { value: entry.params.value }
			: {}),
		...(entry.outcome === 'to_confirm' && typeof offeredRows === 'number'
			? { count: offeredRows }
			: {}),
		...(previous !== undefined ? { previous: [previous] } : {}),
		...(EXPLAINED.includes(entry.outcome) || entry.outcome === 'recomputed'
			? {}
			: { targets: targetLabels(ctx, entry, `${questionId}.${columnId ?? ''}`) }),
		...(reason ? { reason } : {}),
	}
}

/** Counts a row or cell entry on its line, with the row, year or previous value it names. */
function countOnLine(
	ctx: CarryOverContext,
	questionId: string,
	entry: MigrationReportEntry,
	line: CarryOverLine,
	previous: string | undefined,
): void {
	const rowId = entry.source.rowId!
	line.count = (line.count ?? 0) + 1
	if (previous !== undefined) {
		const row = rowLabel(ctx, questionId, rowId) ?? aboutLabel(ctx, questionId, entry)
		line.previous = [...(line.previous ?? []), row ? `${row}: ${previous}` : previous]
		return
	}
	const year = entry.params?.year
	if (typeof year === 'number') {
		if (!line.years?.includes(year))
			line.years = [...(line.years ?? []), year].sort((a, b) => a - b)
	} else if (line.subject === 'rows') {
		const label = rowLabel(ctx, questionId, rowId)
		if (label && !line.rows?.includes(label)) line.rows = [...(line.rows ?? []), label]
	}
}

/** One line per answer or column entry; rows and values counted per outcome, column and reason. */
function linesOf(
	ctx: CarryOverContext,
	questionId: string,
	entries: readonly MigrationReportEntry[],
): CarryOverLine[] {
	const text = textOf(ctx, questionId)
	const lines: CarryOverLine[] = []
	const grouped = new Map<string, CarryOverLine>()
	for (const entry of entries) {
		const { columnId, rowId } = entry.source
		const reason = EXPLAINED.includes(entry.outcome) ? reasonOf(ctx, entry) : undefined
		const previous = entry.outcome === 'to_confirm' ? previousOf(ctx, entry) : undefined
		if (rowId === undefined) {
			lines.push(answerLine(ctx, questionId, entry, reason, previous))
			continue
		}
		const subject = columnId ? 'cells' : 'rows'
		const key = [subject, entry.outcome, columnId, entry.code ?? entry.reason].join('\u0000')
		let line = grouped.get(key)
		if (!line) {
			line = {
				subject,
				outcome: entry.outcome,
				count: 0,
				...(columnId ? { column: text.label(`${questionId}.${columnId}`) } : {}),
				...(reason ? { reason } : {}),
			}
			grouped.set(key, line)
			lines.push(line)
		}
		countOnLine(ctx, questionId, entry, line, previous)
	}
	return lines
}

function groupOf(entries: readonly MigrationReportEntry[]): CarryOverGroup {
	const outcomes = new Set(entries.map((entry) => entry.outcome))
	const notCarried = [...outcomes].filter((o) => NOT_CARRIED.includes(o)).length
	if (notCarried === outcomes.size) return 'not_carried'
	if (outcomes.has('to_confirm')) return 'to_confirm'
	if (notCarried > 0) return 'partly'
	return outcomes.has('recomputed') ? 'recomputed' : 'carried'
}

/**
 * Turns the migration report stored with a prefilled report into what a contact point reads, per
 * question of the previous report in form order. `source` is the previous report's form (and its
 * texts); `target` this report's. Nothing in the report is left out.
 */
export function describeCarryOver(
	entries: readonly MigrationReportEntry[],
	source: { definition: FormDefinition | undefined; text: FormText },
	target: { definition: FormDefinition; text: FormText },
): CarryOverItem[] {
	const ctx: CarryOverContext = {
		source,
		target,
		sourceQuestions: new Map(
			(source.definition ? questionsOf(source.definition) : []).map((q, i) => [q.id, { q, i }]),
		),
		targetQuestions: questionsById(target.definition),
	}
	const byQuestion = new Map<string, MigrationReportEntry[]>()
	for (const entry of entries) {
		const list = byQuestion.get(entry.source.questionId) ?? []
		list.push(entry)
		byQuestion.set(entry.source.questionId, list)
	}
	const order = (id: string) => ctx.sourceQuestions.get(id)?.i ?? Number.MAX_SAFE_INTEGER
	return [...byQuestion.keys()]
		.sort((a, b) => order(a) - order(b))
		.map((questionId): CarryOverItem => {
			const list = byQuestion.get(questionId)!
			return {
				questionId,
				label: textOf(ctx, questionId).label(questionId),
				group: groupOf(list),
				lines: linesOf(ctx, questionId, list),
			}
		})
}
