import type { CDPSession } from 'playwright-core'

/** A complete ("X") event of a Chrome trace. */
type TraceEvent = {
	name: string
	ph: string
	ts: number
	dur?: number
	pid: number
	tid: number
	args?: { data?: { type?: string }; beginData?: { partialLayout?: boolean } }
}

type Span = { start: number; end: number }

/** Records a Chrome trace of the renderer's main-thread tasks while `action` runs. */
export async function traceMainThread(cdp: CDPSession, action: () => Promise<void>) {
	const events: TraceEvent[] = []
	const collect = (data: { value: unknown[] }) => events.push(...(data.value as TraceEvent[]))
	cdp.on('Tracing.dataCollected', collect)
	await cdp.send('Tracing.start', {
		categories: 'devtools.timeline,toplevel,cc',
		transferMode: 'ReportEvents',
	})
	await action()
	const complete = new Promise<void>((resolve) =>
		cdp.once('Tracing.tracingComplete', () => resolve()),
	)
	await cdp.send('Tracing.end')
	await complete
	cdp.off('Tracing.dataCollected', collect)
	return events
}

/**
 * For each key typed during a trace: the main thread's busy time from the task that handles the
 * keydown until the end of the frame that shows the character (its BeginMainFrame, which commits
 * to the compositor). Time the main thread sat idle waiting for the display's next refresh is left
 * out: it depends on where in the 16.7 ms refresh interval the key happened to land, not on the
 * page. Other tasks that ran in between (a save's response, the previous key's evaluation) count.
 */
export function keystrokeWork(events: TraceEvent[]): number[] {
	const keydowns = events.filter(
		(e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
	)
	if (keydowns.length === 0) return []
	const { pid, tid } = keydowns[0]!
	const onMain = events
		.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
	const tasks: Span[] = []
	for (const e of onMain) {
		const last = tasks[tasks.length - 1]
		if (!last || e.ts >= last.end) tasks.push({ start: e.ts, end: e.ts + e.dur! })
	}
	const frames = onMain.filter((e) => e.name === 'ProxyMain::BeginMainFrame')
	const textInputs = onMain.filter(
		(e) => e.name === 'EventDispatch' && e.args?.data?.type === 'textInput',
	)
	const taskAt = (ts: number) => tasks.find((t) => t.start <= ts && ts < t.end)
	const work: number[] = []
	for (const keydown of keydowns) {
		const keyTask = taskAt(keydown.ts)
		const text = textInputs.find((e) => e.ts >= keydown.ts)
		const textTask = text ? taskAt(text.ts) : undefined
		if (!keyTask || !textTask) continue
		const frame = frames.find((f) => f.ts >= textTask.end)
		if (!frame) continue
		const from = keyTask.start
		const to = frame.ts + frame.dur!
		let busy = 0
		for (const task of tasks) {
			if (task.end <= from || task.start >= to) continue
			busy += Math.min(task.end, to) - Math.max(task.start, from)
		}
		work.push(busy / 1000)
	}
	return work
}

/**
 * Of the traced keys (`keys`), how many laid out the whole page while inserting their character,
 * before the page's input handlers ran (`wholePage`). A text box of fixed size with size
 * containment is a relayout boundary: typing in it should lay out the box alone, unless something
 * else on the page changed since the last frame or the box is no boundary (a flex or grid item
 * never is).
 */
export function insertionLayouts(events: TraceEvent[]) {
	const main = events.filter((e) => e.ph === 'X' && e.dur !== undefined)
	const within = (outer: TraceEvent, inner: TraceEvent) =>
		inner.pid === outer.pid &&
		inner.tid === outer.tid &&
		inner.ts >= outer.ts &&
		inner.ts + inner.dur! <= outer.ts + outer.dur!
	const textInputs = main.filter(
		(e) => e.name === 'EventDispatch' && e.args?.data?.type === 'textInput',
	)
	const inputs = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')
	const layouts = main.filter((e) => e.name === 'Layout')
	let wholePage = 0
	for (const text of textInputs) {
		const handlersStart = inputs.find((e) => within(text, e))?.ts ?? text.ts + text.dur!
		const before = layouts.filter((l) => within(text, l) && l.ts < handlersStart)
		if (before.some((l) => l.args?.beginData?.partialLayout === false)) wholePage++
	}
	return { keys: textInputs.length, wholePage }
}
