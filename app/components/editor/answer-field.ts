import { useCallback, useSyncExternalStore } from 'react'
import { get, type Control, type FieldValues } from 'react-hook-form'
import { useEditor } from './editor-context.tsx'

/** Whether a change at `changed` (a field, or a whole question or table) can touch `name`. */
function touches(changed: string | undefined, name: string) {
	return (
		changed === undefined ||
		changed === name ||
		name.startsWith(`${changed}.`) ||
		changed.startsWith(`${name}.`)
	)
}

/**
 * One answer (or table cell, or part of an answer) of the editor's react-hook-form state: its
 * value, and `onChange`, which records a change as typing does (dirty state, the editor's change
 * listener, autosave).
 *
 * `useController` would do the same, but each of its fields subscribes twice and asks for all
 * values, so on every keystroke react-hook-form deep-copies every answer of the report and runs
 * two callbacks per field (about 600 in a statistics table). This reads the field's own value from
 * the form's state stream instead: a change re-renders the fields whose value it changed. It relies on react-hook-form internals (`_subjects`,
 * `_formValues`), which is why react-hook-form is pinned in package.json.
 */
export function useAnswerField<T = unknown>(name: string) {
	const control = useEditor().control as unknown as Control<FieldValues>
	const subscribe = useCallback(
		(notify: () => void) =>
			control._subjects.state.subscribe({
				next: (event) => {
					if (touches(event.name, name)) notify()
				},
			}).unsubscribe,
		[control, name],
	)
	const read = useCallback(() => get(control._formValues, name) as T | undefined, [control, name])
	const value = useSyncExternalStore(subscribe, read, read)
	const onChange = useCallback(
		(next: T | undefined) => {
			// react-hook-form applies changes to registered fields only; registering again changes nothing.
			void control.register(name).onChange({ target: { name, value: next }, type: 'change' })
		},
		[control, name],
	)
	return { value, onChange }
}
