import type {
	Answers,
	Evaluation,
	FormContext,
	FormDefinition,
	Issue,
	Progress,
	QuestionState,
} from '../types.ts'
import { compileForm } from './compile.ts'
import { hiddenRowIds, type Env } from './env.ts'
import { validateQuestion } from './validate.ts'

function progress(visible: boolean): Progress {
	return { visible, answered: 0, total: 0, missing: 0, completeness: 1, errors: 0, warnings: 0 }
}

function finish(state: Progress): void {
	state.missing = state.total - state.answered
	state.completeness = state.total === 0 ? 1 : state.answered / state.total
}

/**
 * A structural "required" issue: a missing answer. In a required question not yet answered it is
 * counted once, by its question, in `missing`; elsewhere (a row started in an optional table or
 * after a table's minimum rows, a contact block begun) it is an error to fix.
 */
export function isMissingAnswer(issue: Issue): boolean {
	return issue.messageKey === 'required' && issue.ruleId === undefined
}

/** Whole percent, rounded down: 100 only when nothing is missing. */
export function percentOf(progress: Pick<Progress, 'completeness'>): number {
	return Math.floor(progress.completeness * 100 + 1e-9)
}

/**
 * Evaluates answers against a definition: per question `visible`, `required`, `answered` and
 * `issues`; per section, part and overall progress; and the flat issue list.
 *
 * Semantics:
 * - visibility is inherited (part → section → question); conditions read hidden questions as
 *   unanswered, so chains of conditions collapse consistently;
 * - hidden questions are never required and never validated; their answers stay untouched;
 * - a question's `required` applies only while visible; markers satisfy it;
 * - structural problems (type, options, bounds, markers, rows) are errors; `Rule`s carry their
 *   own severity;
 * - rules never fire on unanswered inputs: they report only what the answers given so far settle
 *   (see `Rule` and `settled.ts`);
 * - fixed-row tables expect exactly `rowsFor(def, table, ctx)`; other rows are errors.
 *
 * Pure and synchronous; never throws on malformed answers (they produce issues instead).
 */
export function evaluate(def: FormDefinition, answers: Answers, ctx: FormContext): Evaluation {
	const form = compileForm(def)
	const safeAnswers: Answers =
		typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : {}
	const env: Env = {
		answers: safeAnswers,
		ctx,
		visible: new Map(),
		fixedKeys: form.fixedKeys(ctx),
		rowsCache: new Map(),
		hiddenCache: new WeakMap(),
		hiddenRowsCache: new Map(),
		rowIndexCache: new Map(),
		tables: form.tables,
	}

	for (const node of form.visibilityOrder) {
		const parentVisible = node.parent === undefined || env.visible.get(node.parent) === true
		env.visible.set(node.id, parentVisible && (node.visible ? node.visible(env, undefined) : true))
	}

	const questions: Record<string, QuestionState> = {}
	const cells: Evaluation['cells'] = {}
	const hiddenRows: Evaluation['hiddenRows'] = {}
	for (const compiled of form.questions) {
		const id = compiled.question.id
		const visible = env.visible.get(id) === true
		if (!visible) {
			questions[id] = { visible: false, required: false, answered: false, issues: [] }
			continue
		}
		const required =
			typeof compiled.required === 'function'
				? compiled.required(env, undefined)
				: compiled.required
		const issues: Issue[] = []
		const result = validateQuestion(compiled, safeAnswers[id], required, env, (issue) =>
			issues.push(issue),
		)
		questions[id] = { visible: true, required, answered: result.answered, issues }
		if (result.cells) cells[id] = result.cells
		if (compiled.table?.rowVisible) hiddenRows[id] = [...(hiddenRowIds(env, id) ?? [])]
	}

	for (const compiled of form.rules) {
		compiled.run(env, (issue) => questions[issue.questionId]?.issues.push(issue))
	}

	const sections: Record<string, Progress> = {}
	const parts: Record<string, Progress> = {}
	const overall = { ...progress(true), canSubmit: true }
	const issues: Issue[] = []
	let errorIssues = 0
	for (const section of form.sections) {
		const state = progress(env.visible.get(section.id) === true)
		for (const compiled of section.questions) {
			const question = questions[compiled.question.id]!
			if (!question.visible) continue
			if (question.required) {
				state.total++
				if (question.answered) state.answered++
			}
			for (const issue of question.issues) {
				issues.push(issue)
				if (issue.severity === 'error') {
					errorIssues++
					if (!(question.required && !question.answered && isMissingAnswer(issue))) state.errors++
				} else state.warnings++
			}
		}
		finish(state)
		sections[section.id] = state
	}
	for (const part of form.parts) {
		const state = progress(env.visible.get(part.id) === true)
		for (const sectionId of part.sectionIds) {
			const section = sections[sectionId]!
			state.total += section.total
			state.answered += section.answered
			state.errors += section.errors
			state.warnings += section.warnings
		}
		finish(state)
		parts[part.id] = state
		overall.total += state.total
		overall.answered += state.answered
		overall.errors += state.errors
		overall.warnings += state.warnings
	}
	finish(overall)
	overall.canSubmit = errorIssues === 0

	return { questions, sections, parts, overall, issues, cells, hiddenRows }
}
