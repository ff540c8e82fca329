import type { FormDefinition, Question } from './types.ts'

type QuestionIndex = {
	inOrder: readonly Question[]
	byId: ReadonlyMap<string, Question>
	sectionOf: ReadonlyMap<string, string>
}

const cache = new WeakMap<FormDefinition, QuestionIndex>()

/**
 * The questions of a definition, indexed once per definition: the one way to list them or look one
 * up. Maps, so ids such as `__proto__` are unknown like any other. Small and pure, so a page uses
 * it without loading the engine (whose `compileForm` adds what evaluation needs).
 */
function indexOf(definition: FormDefinition): QuestionIndex {
	let index = cache.get(definition)
	if (!index) {
		const inOrder: Question[] = []
		const byId = new Map<string, Question>()
		const sectionOf = new Map<string, string>()
		for (const part of definition.parts)
			for (const section of part.sections)
				for (const question of section.questions) {
					inOrder.push(question)
					byId.set(question.id, question)
					sectionOf.set(question.id, section.id)
				}
		index = { inOrder, byId, sectionOf }
		cache.set(definition, index)
	}
	return index
}

/** Every question of the definition, in form order. */
export function questionsOf(definition: FormDefinition): readonly Question[] {
	return indexOf(definition).inOrder
}

export function questionsById(definition: FormDefinition): ReadonlyMap<string, Question> {
	return indexOf(definition).byId
}

export function findQuestion(definition: FormDefinition, questionId: string): Question | undefined {
	return indexOf(definition).byId.get(questionId)
}

export function sectionOfQuestion(definition: FormDefinition, questionId: string) {
	return indexOf(definition).sectionOf.get(questionId)
}
