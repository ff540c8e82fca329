import type { CommonalityAnalysis } from '#forms/commonality.ts'
import type { PlainCell } from '../plain-cell.ts'

/**
 * The commonality analysis (`forms/commonality.ts`) as flat tables, one per file or sheet: the
 * same tables in the CSV zip and the XLSX, so a column means the same in both. Headers are stable
 * machine names (as in the compiled export); texts of questions are in the analysis's language.
 */
/** The files the analysis is exported as. */
export const COMMONALITY_FORMATS = ['xlsx', 'csv', 'json', 'pdf'] as const
export type CommonalityFormat = (typeof COMMONALITY_FORMATS)[number]

export interface AnalysisTable {
	name: string
	header: readonly string[]
	rows: PlainCell[][]
}

export interface AnalysisMeta {
	language: string
	generatedAt: string
	/** The Party whose calendar is included, if one was selected. */
	partyCode?: string
}

const list = (values: readonly (string | number)[]) => values.join('; ')

function metadataTable(analysis: CommonalityAnalysis, meta: AnalysisMeta): AnalysisTable {
	const forms = analysis.content.forms.map(
		(form) => `${form.formId} v${form.version} (${form.convention}, ${form.status})`,
	)
	return {
		name: 'metadata',
		header: ['key', 'value'],
		rows: [
			['language', meta.language],
			['generated_at', meta.generatedAt],
			['forms', list(forms)],
			['calendar_years', `${analysis.timing.years.from}-${analysis.timing.years.to}`],
			['party', meta.partyCode ?? null],
			['widely_shared_concepts', list(analysis.content.widelyShared)],
		],
	}
}

function matrixTables(analysis: CommonalityAnalysis): AnalysisTable[] {
	const formIds = analysis.content.forms.map((form) => form.formId)
	const matrix: AnalysisTable = {
		name: 'matrix',
		header: ['concept', 'group', 'reuse', 'conventions', ...formIds],
		rows: analysis.content.rows.map((row) => [
			row.concept.id,
			row.concept.group,
			row.concept.reuse,
			list(row.conventions),
			...formIds.map((formId) => list((row.cells[formId] ?? []).map((item) => item.itemId))),
		]),
	}
	const items: AnalysisTable = {
		name: 'questions',
		header: ['concept', 'form_id', 'item_id', 'text'],
		rows: analysis.content.rows.flatMap((row) =>
			formIds.flatMap((formId) =>
				(row.cells[formId] ?? []).map((item) => [row.concept.id, formId, item.itemId, item.text]),
			),
		),
	}
	const shares: AnalysisTable = {
		name: 'shares',
		header: ['form_id', 'questions', 'shared_with_other_conventions', 'share'],
		rows: analysis.content.shares.map((share) => [
			share.formId,
			share.questions,
			share.shared,
			Math.round(share.share * 1000) / 1000,
		]),
	}
	return [matrix, items, shares]
}

function formatTable(analysis: CommonalityAnalysis): AnalysisTable {
	return {
		name: 'format',
		header: [
			'concept',
			'cross_convention',
			'differences',
			'form_id',
			'question_types',
			'units',
			'code_lists',
			'partner_countries',
			'period',
			'period_years',
			'unit_conversions',
		],
		rows: analysis.format.flatMap((row) =>
			row.cells.map((cell) => [
				row.conceptId,
				row.crossConvention,
				list(row.differences),
				cell.formId,
				list(cell.questionTypes),
				list(cell.units),
				list(cell.codeLists),
				list(cell.partners),
				cell.period.kind,
				cell.period.years,
				list(
					row.units.map((u) =>
						u.factor === undefined ? `${u.from}→${u.to}: none` : `${u.from}→${u.to}: ×${u.factor}`,
					),
				),
			]),
		),
	}
}

function timingTables(analysis: CommonalityAnalysis): AnalysisTable[] {
	const header = [
		'form_id',
		'convention',
		'cycle',
		'version',
		'period_start',
		'period_end',
		'deadline',
		'source',
	]
	const entryRow = (e: CommonalityAnalysis['timing']['calendar'][number]): PlainCell[] => [
		e.formId,
		e.convention,
		e.code ?? null,
		e.version ?? null,
		e.periodStart,
		e.periodEnd,
		e.deadline,
		e.source,
	]
	const clashRows = (
		scope: string,
		clashes: Pick<CommonalityAnalysis['timing']['clashes'], 'busyYears' | 'closeDeadlines'>,
	): PlainCell[][] => [
		...clashes.busyYears.map((year) => [
			scope,
			'busy_year',
			year.year,
			list(year.entries.map((e) => e.formId)),
			list(year.entries.map((e) => e.deadline)),
			null,
		]),
		...clashes.closeDeadlines.map((pair) => [
			scope,
			'close_deadlines',
			Number(pair.first.deadline.slice(0, 4)),
			list([pair.first.formId, pair.second.formId]),
			list([pair.first.deadline, pair.second.deadline]),
			pair.days,
		]),
	]
	const party = analysis.timing.party
	return [
		{ name: 'calendar', header, rows: analysis.timing.calendar.map(entryRow) },
		{
			name: 'clashes',
			header: ['scope', 'kind', 'year', 'forms', 'deadlines', 'days_apart'],
			rows: [
				...clashRows('all_conventions', analysis.timing.clashes),
				...(party ? clashRows(party.partyCode, party) : []),
			],
		},
	]
}

const dimsText = (dims: Record<string, string>) =>
	list(
		Object.keys(dims)
			.sort()
			.map((name) => `${name}=${dims[name]}`),
	)

/** Submitted quantities that disagree across forms, one row per Party, fact and form. */
function consistencyTable(analysis: CommonalityAnalysis): AnalysisTable {
	return {
		name: 'consistency',
		header: [
			'party',
			'concept',
			'classification',
			'unit',
			'form_id',
			'version',
			'cycle',
			'item_id',
			'amount',
		],
		rows: (analysis.consistency ?? []).flatMap((finding) =>
			finding.values.map((value) => [
				finding.partyCode,
				finding.conceptId,
				dimsText(finding.dims),
				finding.canonicalUnit,
				value.formId,
				value.version,
				value.cycleCode,
				value.itemId,
				value.amount,
			]),
		),
	}
}

function burdenTable(analysis: CommonalityAnalysis): AnalysisTable {
	return {
		name: 'burden',
		header: ['party', 'form_id', 'questions', 'prefillable'],
		rows: (analysis.burden ?? []).map((b) => [b.partyCode, b.formId, b.questions, b.prefillable]),
	}
}

/** Every table of the analysis, in the order files and sheets are written. */
export function analysisTables(analysis: CommonalityAnalysis, meta: AnalysisMeta): AnalysisTable[] {
	return [
		metadataTable(analysis, meta),
		...matrixTables(analysis),
		formatTable(analysis),
		...timingTables(analysis),
		consistencyTable(analysis),
		burdenTable(analysis),
	]
}
