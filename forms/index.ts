/**
 * Public entry of the forms module: versioned form definitions, code lists, concepts, texts,
 * the pure form engine and answer migrations. Everything here is free of I/O and runs the same
 * in the browser and on the server.
 */
export type * from './types.ts'
export { LANGUAGES, MARKERS, DEFINITION_SCHEMA_VERSION } from './types.ts'

export {
	FormDefinitionSchema,
	ConditionSchema,
	validateDefinition,
	checkDefinitionIntegrity,
} from './schema.ts'
export type { DefinitionError, DefinitionErrorCode } from './schema.ts'

export {
	getFormDefinition,
	requireFormDefinition,
	listFormDefinitions,
	listFormIds,
	latestVersion,
	getFormTexts,
	formVersionIdentity,
	requireFormSha256,
} from './registry.ts'
export type { FrozenForm, FrozenContent, FrozenStatus, PinnedCodeList } from './frozen.ts'

export { CONCEPTS, getConcept, isConceptId } from './concepts.ts'
export type { Concept, ConceptId } from './concepts.ts'

export * from './codelists/index.ts'

export { formText, formTextFrom, missingTexts, getCommonTexts } from './text.ts'
export type { FormText, FormTexts, ItemTexts, CommonTexts } from './text.ts'

export * from './engine/index.ts'

export {
	migrateAnswers,
	getMigrationSpec,
	contextFor,
	applyMigrationSpec,
} from './migrations/index.ts'
export type {
	MigrationSpec,
	MigrationReportEntry,
	MigrationOutcome,
	MigrationResult,
	QuestionMapping,
	ColumnMapping,
	RowMapping,
	ValueTransform,
	MergeStrategy,
	AnswerLocation,
} from './migrations/index.ts'
