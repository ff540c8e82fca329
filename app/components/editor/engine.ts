/**
 * What the editor computes with the form engine after the page has loaded (it arrives with the
 * server's evaluation): the evaluation after changes, filling empty cells, a fixed table's rows.
 * Loaded on demand through `loadEngine` (`engine-loader.ts`).
 */
export { evaluateChanges } from '#forms/engine/incremental.ts'
export { fillEmptyCells } from '#forms/engine/fill.ts'
export { withExpectedRows } from '../../domain/fixed-rows.ts'
