import type {
	Answers,
	Evaluation,
	FormContext,
	FormDefinition,
	Issue,
	Progress,
	QuestionState,
} from '../types.ts'
import type { CompiledForm, CompiledQuestion, VisibilityNode } from './compile.ts'
import { compileForm } from './compile.ts'
import { hiddenRowIds, type Env } from './env.ts'
export { percentOf } from './progress.ts'
import type { CompiledRule } from './rules.ts'
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

/** The per-evaluation state conditions, checks and rules share (see `Env`). */
export function createEnv(form: CompiledForm, answers: Answers, ctx: FormContext): Env {
	return {
		answers,
		ctx,
		visible: new Map(),
		fixedKeys: form.fixedKeys(ctx),
		rowsCache: new Map(),
		hiddenCache: new WeakMap(),
		hiddenRowsCache: new Map(),
		rowIndexCache: new Map(),
		tables: form.tables,
	}
}

/** Answers as the engine reads them: anything but an object reads as no answers. */
export function safeAnswersOf(answers: Answers): Answers {
	return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : {}
}

/** One part, section or question's visibility, once its parent's and its inputs' are known. */
export function nodeVisibility(node: VisibilityNode, env: Env): boolean {
	const parentVisible = node.parent === undefined || env.visible.get(node.parent) === true
	return parentVisible && (node.visible ? node.visible(env, undefined) : true)
}

/** A question's state without the issues of rules, and its cells and hidden rows (tables). */
export type QuestionEvaluation = {
	state: QuestionState
	cells?: Evaluation['cells'][string]
	hiddenRows?: string[]
}

/** Evaluates one question once every visibility is known (rules are run separately). */
export function evaluateQuestion(compiled: CompiledQuestion, env: Env): QuestionEvaluation {
	const id = compiled.question.id
	if (env.visible.get(id) !== true)
		return { state: { visible: false, required: false, answered: false, issues: [] } }
	const required =
		typeof compiled.required === 'function' ? compiled.required(env, undefined) : compiled.required
	const issues: Issue[] = []
	const result = validateQuestion(compiled, env.answers[id], required, env, (issue) =>
		issues.push(issue),
	)
	return {
		state: { visible: true, required, answered: result.answered, issues },
		...(result.cells ? { cells: result.cells } : {}),
		...(compiled.table?.rowVisible ? { hiddenRows: [...(hiddenRowIds(env, id) ?? [])] } : {}),
	}
}

/** Progress per section, part and overall, and the flat issue list, from the questions' states. */
export function summarize(
	form: CompiledForm,
	questions: Record<string, QuestionState>,
	visible: (id: string) => boolean,
): Pick<Evaluation, 'sections' | 'parts' | 'overall' | 'issues'> {
	const sections: Record<string, Progress> = {}
	const parts: Record<string, Progress> = {}
	const overall = { ...progress(true), canSubmit: true }
	const issues: Issue[] = []
	let errorIssues = 0
	for (const section of form.sections) {
		const state = progress(visible(section.id))
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
		const state = progress(visible(part.id))
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
	return { sections, parts, overall, issues }
}

/**
 * The evaluation from every question's evaluation, in definition order, with the issues of the
 * rules added to their questions (a fresh issue list per question: nothing given is mutated).
 */
export function assemble(
	form: CompiledForm,
	evaluated: Map<string, QuestionEvaluation>,
	ruleIssues: Issue[][],
	visible: (id: string) => boolean,
): Evaluation {
	const questions: Record<string, QuestionState> = {}
	const cells: Evaluation['cells'] = {}
	const hiddenRows: Evaluation['hiddenRows'] = {}
	for (const compiled of form.questions) {
		const id = compiled.question.id
		const result = evaluated.get(id)!
		questions[id] = { ...result.state, issues: [...result.state.issues] }
		if (result.cells) cells[id] = result.cells
		if (result.hiddenRows) hiddenRows[id] = result.hiddenRows
	}
	for (const issues of ruleIssues)
		for (const issue of issues) questions[issue.questionId]?.issues.push(issue)
	return { questions, ...summarize(form, questions, visible), cells, hiddenRows }
}

/** Runs one rule, returning what it reports. */
export function runRule(rule: CompiledRule, env: Env): Issue[] {
	const issues: Issue[] = []
	rule.run(env, (issue) => issues.push(issue))
	return issues
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
 * `evaluateChanges` gives the same result from a previous evaluation after a few changes.
 */
export function evaluate(def: FormDefinition, answers: Answers, ctx: FormContext): Evaluation {
	const form = compileForm(def)
	const env = createEnv(form, safeAnswersOf(answers), ctx)
	for (const node of form.visibilityOrder) env.visible.set(node.id, nodeVisibility(node, env))
	const evaluated = new Map<string, QuestionEvaluation>()
	for (const compiled of form.questions)
		evaluated.set(compiled.question.id, evaluateQuestion(compiled, env))
	const ruleIssues = form.rules.map((rule) => runRule(rule, env))
	return assemble(form, evaluated, ruleIssues, (id) => env.visible.get(id) === true)
}
