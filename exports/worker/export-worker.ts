import { parentPort } from 'node:worker_threads'
import { withRegisteredCodeLists } from '#forms/codelists/source.ts'
import { getFormDefinition } from '#forms/registry.ts'
import type { Answers } from '#forms/types.ts'
import { CompiledCollector, buildCompiledFile } from '../compiled/build.ts'
import { compiledLayout } from '../compiled/dataset.ts'
import { buildReportWorkbook } from '../excel/report-workbook.ts'
import { renderReportPdf } from '../pdf/report-pdf.ts'
import { fromTransferable } from '../report-document.ts'
import type { ExportTask, FromWorker, ToWorker } from './protocol.ts'

// Runs in a worker thread (see client.ts): builds export files off the thread that serves requests.

const port = parentPort
if (!port) throw new Error('export-worker.ts must run in a worker thread')

const collectors = new Map<
	number,
	{ task: Extract<ExportTask, { kind: 'compiled' }>; collector: CompiledCollector }
>()

function send(message: FromWorker, transfer: ArrayBuffer[] = []) {
	port!.postMessage(message, transfer)
}

function sendResult(id: number, bytes: Uint8Array) {
	const copy =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
	send({ type: 'result', id, bytes: copy }, [copy.buffer as ArrayBuffer])
}

async function handle(message: ToWorker) {
	switch (message.type) {
		case 'start': {
			const { task } = message
			if (task.kind === 'report-pdf') {
				sendResult(message.id, await renderReportPdf(fromTransferable(task.doc)))
			} else if (task.kind === 'report-xlsx') {
				sendResult(message.id, await buildReportWorkbook(fromTransferable(task.doc), task.purpose))
			} else {
				const definition = getFormDefinition(task.meta.formId, task.meta.formVersion)
				if (!definition)
					throw new Error(`Unknown form ${task.meta.formId} v${task.meta.formVersion}`)
				const layout = compiledLayout(definition, task.meta.lang, task.meta.questions)
				collectors.set(message.id, { task, collector: new CompiledCollector(layout) })
			}
			return
		}
		case 'reports': {
			const entry = collectors.get(message.id)
			if (!entry) return
			for (const { answersJson, formContext, ...report } of message.reports) {
				entry.collector.add({
					...report,
					formContext: withRegisteredCodeLists(formContext),
					answers: JSON.parse(answersJson) as Answers,
				})
			}
			const done = entry.collector.flat.length
			send({
				type: 'progress',
				id: message.id,
				phase: 'reading',
				done,
				total: entry.task.meta.reportCount,
			})
			return
		}
		case 'end': {
			const entry = collectors.get(message.id)
			if (!entry) return
			collectors.delete(message.id)
			const { collector, task } = entry
			const bytes = await buildCompiledFile(
				task.format,
				collector.layout,
				task.meta,
				collector.flat,
				(done, total) => send({ type: 'progress', id: message.id, phase: 'writing', done, total }),
			)
			sendResult(message.id, bytes)
		}
	}
}

// Messages are handled one after another, so a task's reports are flattened in order.
let queue = Promise.resolve()
port.on('message', (message: ToWorker) => {
	queue = queue.then(() =>
		handle(message).catch((error: unknown) => {
			collectors.delete(message.id)
			send({
				type: 'error',
				id: message.id,
				message: error instanceof Error ? error.message : String(error),
			})
		}),
	)
})
