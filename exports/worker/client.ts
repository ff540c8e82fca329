import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CompiledMeta } from '../compiled/dataset.ts'
import type { CompiledFileFormat } from '../compiled/build.ts'
import type { WorkbookPurpose } from '../excel/report-workbook.ts'
import { toTransferable, type ReportDocument } from '../report-document.ts'
import type { ExportTask, FromWorker, ToWorker, WireReport } from './protocol.ts'

export type WorkerProgress = (progress: {
	phase: 'reading' | 'writing'
	done: number
	total: number
}) => void

interface Pending {
	resolve: (bytes: Uint8Array) => void
	reject: (error: Error) => void
	onProgress?: WorkerProgress
}

/** Where the worker's entry file is, in the sources and from the production build alike. */
function entryPath(): string {
	try {
		return createRequire(import.meta.url).resolve('#exports/worker/entry.mjs')
	} catch {
		const fromCwd = path.resolve('exports/worker/entry.mjs')
		if (existsSync(fromCwd)) return fromCwd
		throw new Error('Cannot find exports/worker/entry.mjs')
	}
}

/**
 * One export worker thread per process, started on first use: PDFs, report workbooks and compiled
 * files are built there, so building a large export never holds up the requests this process
 * serves. Fonts stay loaded in the worker between PDFs. The thread does not keep the process
 * alive while idle; if it dies, pending tasks fail and the next task starts a new one.
 */
class ExportWorkerClient {
	private worker: Worker | undefined
	private nextId = 1
	private readonly pending = new Map<number, Pending>()

	private ensureWorker(): Worker {
		if (this.worker) return this.worker
		const worker = new Worker(entryPath())
		worker.on('message', (message: FromWorker) => this.onMessage(message))
		const fail = (error: Error) => {
			if (this.worker === worker) this.worker = undefined
			for (const [id, pending] of this.pending) {
				this.pending.delete(id)
				pending.reject(error)
			}
		}
		worker.on('error', fail)
		worker.on('exit', (code) => fail(new Error(`export worker stopped (exit code ${code})`)))
		worker.unref()
		this.worker = worker
		return worker
	}

	private onMessage(message: FromWorker) {
		const pending = this.pending.get(message.id)
		if (!pending) return
		if (message.type === 'progress') {
			pending.onProgress?.({ phase: message.phase, done: message.done, total: message.total })
			return
		}
		this.pending.delete(message.id)
		this.updateRef()
		if (message.type === 'result') pending.resolve(message.bytes)
		else pending.reject(new Error(message.message))
	}

	/** Keeps the process alive only while tasks are pending. */
	private updateRef() {
		if (!this.worker) return
		if (this.pending.size > 0) this.worker.ref()
		else this.worker.unref()
	}

	post(message: ToWorker) {
		this.ensureWorker().postMessage(message)
	}

	run(task: ExportTask, onProgress?: WorkerProgress): { id: number; done: Promise<Uint8Array> } {
		const worker = this.ensureWorker()
		const id = this.nextId++
		const done = new Promise<Uint8Array>((resolve, reject) => {
			this.pending.set(id, { resolve, reject, onProgress })
		})
		this.updateRef()
		worker.postMessage({ type: 'start', id, task } satisfies ToWorker)
		return { id, done }
	}

	async terminate() {
		const worker = this.worker
		this.worker = undefined
		if (worker) await worker.terminate()
	}
}

const client = new ExportWorkerClient()

export function renderReportPdfInWorker(doc: ReportDocument): Promise<Uint8Array> {
	return client.run({ kind: 'report-pdf', doc: toTransferable(doc) }).done
}

export function buildReportWorkbookInWorker(
	doc: ReportDocument,
	purpose: WorkbookPurpose,
): Promise<Uint8Array> {
	return client.run({ kind: 'report-xlsx', doc: toTransferable(doc), purpose }).done
}

/**
 * A compiled export built in the worker: push the reports in order (as the database hands them
 * out), then `finish()` resolves with the file.
 */
export function startCompiledInWorker(
	format: CompiledFileFormat,
	meta: CompiledMeta,
	onProgress?: WorkerProgress,
) {
	const { id, done } = client.run({ kind: 'compiled', format, meta }, onProgress)
	// Rejections are delivered through finish(); keep an early failure from going unhandled.
	done.catch(() => undefined)
	return {
		push(reports: WireReport[]) {
			if (reports.length > 0) client.post({ type: 'reports', id, reports })
		},
		finish(): Promise<Uint8Array> {
			client.post({ type: 'end', id })
			return done
		},
	}
}

/** Stops the worker (tests, shutdown). */
export function stopExportWorker(): Promise<void> {
	return client.terminate()
}
