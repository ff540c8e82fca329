import { questionsById } from '../question-index.ts'
import { isSystemFilled } from '../system-answers.ts'
import type { FormDefinition, Question } from '../types.ts'
import type { MigrationSpec } from './types.ts'

/**
 * Checks that a spec only names questions and columns that exist in the versions it links, and
 * maps nothing onto answers the system fills in (those are recomputed for every report).
 */
export function validateMigrationSpec(
	spec: MigrationSpec,
	fromDef: FormDefinition,
	toDef: FormDefinition,
): string[] {
	const errors: string[] = []
	const from = questionsById(fromDef)
	const to = questionsById(toDef)
	if (spec.formId !== fromDef.formId || spec.formId !== toDef.formId)
		errors.push('form ids do not match')
	if (spec.from !== fromDef.version || spec.to !== toDef.version)
		errors.push('versions do not match')
	const needSource = (id: string) =>
		from.has(id) || errors.push(`source question "${id}" does not exist`)
	const needTarget = (id: string) => {
		const target = to.get(id)
		if (!target) errors.push(`target question "${id}" does not exist`)
		else if (isSystemFilled(target))
			errors.push(`target question "${id}" is filled in by the system: do not map it`)
	}
	const columns = (question: Question | undefined) =>
		new Set(question?.type === 'table' ? question.columns.map((column) => column.id) : [])
	for (const mapping of spec.questions) {
		switch (mapping.kind) {
			case 'rename':
				needSource(mapping.from)
				needTarget(mapping.to)
				break
			case 'transform':
				needSource(mapping.question)
				needTarget(mapping.question)
				break
			case 'split':
				needSource(mapping.from)
				mapping.into.forEach((part) => needTarget(part.to))
				break
			case 'merge':
				mapping.from.forEach(needSource)
				needTarget(mapping.to)
				break
			case 'drop':
				needSource(mapping.from)
				if (mapping.because?.code === 'replaced' && !to.has(mapping.because.by))
					errors.push(`replacing question "${mapping.because.by}" does not exist`)
				break
			case 'table': {
				needSource(mapping.from)
				needTarget(mapping.to ?? mapping.from)
				const sourceColumns = columns(from.get(mapping.from))
				const targetColumns = columns(to.get(mapping.to ?? mapping.from))
				for (const column of mapping.columns ?? []) {
					const sources =
						column.kind === 'merge'
							? column.from
							: [column.kind === 'transform' ? column.column : column.from]
					for (const id of sources)
						if (!sourceColumns.has(id))
							errors.push(`source column "${mapping.from}.${id}" does not exist`)
					const targets =
						column.kind === 'drop'
							? []
							: column.kind === 'split'
								? column.into.map((part) => part.to)
								: [column.kind === 'transform' ? column.column : column.to]
					for (const id of targets)
						if (!targetColumns.has(id)) errors.push(`target column "${id}" does not exist`)
				}
				break
			}
		}
	}
	return errors
}
