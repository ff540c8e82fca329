import type * as EngineModule from './engine.ts'

type Engine = typeof EngineModule

let loading: Promise<Engine> | undefined
let loaded: Engine | undefined

/**
 * The form engine (`engine.ts`), loaded once: the editor's page arrives with the server's
 * evaluation, so the engine is needed only once the user changes something. Focusing or pointing
 * at the form starts loading it (`preloadEngine`), so it is there by the first change.
 */
export function loadEngine(): Promise<Engine> {
	loading ??= import('./engine.ts').then(
		(engine) => (loaded = engine),
		(error: unknown) => {
			// Offline, say: the next change tries again.
			loading = undefined
			throw error
		},
	)
	return loading
}

/** The engine if it has loaded, for work that must happen in the same frame as a change. */
export function loadedEngine(): Engine | undefined {
	return loaded
}

/** Starts loading the engine (an event handler for focus and pointer events on the form). */
export function preloadEngine() {
	loadEngine().catch(() => undefined)
}
