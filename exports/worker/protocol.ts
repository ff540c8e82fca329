import type { FormContextData } from '#forms/engine/code-lists.ts'
import type { CompiledFileFormat } from '../compiled/build.ts'
import type { CompiledMeta, CompiledReport } from '../compiled/dataset.ts'
import type { WorkbookPurpose } from '../excel/report-workbook.ts'
import type { TransferableReportDocument } from '../report-document.ts'

/**
 * A report sent to the worker: answers as the JSON text the database returned (parsed there), the
 * context as data (`withRegisteredCodeLists` there).
 */
export type WireReport = Omit<CompiledReport, 'answers' | 'formContext'> & {
	answersJson: string
	formContext: FormContextData
}

export type ExportTask =
	| { kind: 'report-pdf'; doc: TransferableReportDocument }
	| { kind: 'report-xlsx'; doc: TransferableReportDocument; purpose: WorkbookPurpose }
	| {
			kind: 'compiled'
			format: CompiledFileFormat
			meta: CompiledMeta
	  }

export type ToWorker =
	| { type: 'start'; id: number; task: ExportTask }
	/** Reports of a `compiled` task, in order. */
	| { type: 'reports'; id: number; reports: WireReport[] }
	/** No more reports: write the file. */
	| { type: 'end'; id: number }

export type FromWorker =
	| { type: 'progress'; id: number; phase: 'reading' | 'writing'; done: number; total: number }
	| { type: 'result'; id: number; bytes: Uint8Array }
	| { type: 'error'; id: number; message: string }
