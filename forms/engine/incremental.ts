import type { Answers, Evaluation, FormContext, FormDefinition, Issue } from '../types.ts'
import type { CompiledForm } from './compile.ts'
import { compileForm } from './compile.ts'
import {
	assemble,
	createEnv,
	evaluate,
	evaluateQuestion,
	nodeVisibility,
	runRule,
	safeAnswersOf,
	type QuestionEvaluation,
} from './evaluate.ts'
import type { Env } from './env.ts'

function readsAny(ids: readonly string[] | undefined, dirty: ReadonlySet<string>): boolean {
	return ids !== undefined && ids.some((id) => dirty.has(id))
}

/** A part, section or question's visibility in an evaluation. */
function visibleIn(evaluation: Evaluation, id: string): boolean | undefined {
	return (
		evaluation.questions[id]?.visible ??
		evaluation.sections[id]?.visible ??
		evaluation.parts[id]?.visible
	)
}

/**
 * Visibility in the visibility order, computing again only nodes that read something dirty (and
 * taking the others from `previous`). Nodes whose visibility changed become dirty themselves.
 */
function updateVisibility(form: CompiledForm, env: Env, previous: Evaluation, dirty: Set<string>) {
	for (const node of form.visibilityOrder) {
		const before = visibleIn(previous, node.id) === true
		if (!readsAny(form.dependencies.visibility.get(node.id), dirty)) {
			env.visible.set(node.id, before)
			continue
		}
		const now = nodeVisibility(node, env)
		env.visible.set(node.id, now)
		if (now !== before) dirty.add(node.id)
	}
}

/** A question's evaluation taken over from `previous`: its state without the rules' issues. */
function unchangedQuestion(previous: Evaluation, id: string): QuestionEvaluation {
	const state = previous.questions[id]!
	const hiddenRows = previous.hiddenRows[id]
	const cells = previous.cells[id]
	return {
		state: { ...state, issues: state.issues.filter((issue) => issue.ruleId === undefined) },
		...(cells ? { cells } : {}),
		...(hiddenRows ? { hiddenRows } : {}),
	}
}

/** What a rule reported in `previous` (each rule reports on one question, by its id). */
function previousRuleIssues(form: CompiledForm, previous: Evaluation): Map<string, Issue[]> {
	const byRule = new Map<string, Issue[]>()
	for (const compiled of form.questions) {
		for (const issue of previous.questions[compiled.question.id]?.issues ?? []) {
			if (issue.ruleId === undefined) continue
			const list = byRule.get(issue.ruleId)
			if (list) list.push(issue)
			else byRule.set(issue.ruleId, [issue])
		}
	}
	return byRule
}

/**
 * Evaluates answers after changes, from the evaluation before them: only the visibilities,
 * questions and rules that read a changed answer (or the visibility of one, transitively) are
 * computed again; everything else is taken from `previous`. The result equals
 * `evaluate(def, answers, ctx)` when `previous` is the evaluation of the same definition and
 * context for answers that differ from `answers` only in the `changed` question ids.
 */
export function evaluateChanges(
	def: FormDefinition,
	previous: Evaluation,
	answers: Answers,
	ctx: FormContext,
	changed: Iterable<string>,
): Evaluation {
	const form = compileForm(def)
	const { dependencies } = form
	if (!dependencies.incremental) return evaluate(def, answers, ctx)
	const env = createEnv(form, safeAnswersOf(answers), ctx)
	const dirty = new Set(changed)
	updateVisibility(form, env, previous, dirty)

	const evaluated = new Map<string, QuestionEvaluation>()
	for (const compiled of form.questions) {
		const id = compiled.question.id
		const again = readsAny(dependencies.questions.get(id), dirty) || !(id in previous.questions)
		evaluated.set(id, again ? evaluateQuestion(compiled, env) : unchangedQuestion(previous, id))
	}

	const before = previousRuleIssues(form, previous)
	const ruleIssues = form.rules.map((rule, index) =>
		readsAny(dependencies.rules[index], dirty)
			? runRule(rule, env)
			: (before.get(rule.rule.id) ?? []),
	)
	return assemble(form, evaluated, ruleIssues, (id) => env.visible.get(id) === true)
}
