/**
 * Commonality benchmark (`npx tsx bench/commonality.bench.ts`): an in-memory PGlite database with
 * every Party of the reference data (198; at most 200) × 5 forms of submitted reports (Art. 15
 * v6, DDT, Basel with a varied year of trade rows, Rotterdam, Minamata full; figures scaled per
 * Party), then the medians of
 * (a) the compiled exports of the same data, as the analysis page downloads them: one XLSX per
 *     cycle, built by `buildCompiledInWorker` (the export worker), and
 * (b) the commonality analysis with data consistency and burden, as the page loads it:
 *     `loadCommonality` (every Party's latest submission read, made the asked answers, compared).
 * Goal: the analysis takes at most twice the time of the export.
 */
import { pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'
import { loadCommonality } from '#app/domain/commonality.server.ts'
import {
	buildCompiledInWorker,
	resolveCompiledRequest,
} from '#app/domain/compiled-exports.server.ts'
import { loadDepositaryRecord } from '#app/domain/depositary-record.server.ts'
import { formContextFor } from '#app/domain/report-context.server.ts'
import { createDatabase } from '#db/connect.ts'
import { upsertCycleByCode, type CycleInput, type ReportingCycle } from '#db/queries/cycles.ts'
import { listParties } from '#db/queries/parties.ts'
import { insertUser } from '#db/queries/users.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { jsonb } from '#db/json.ts'
import type { Database } from '#db/types.ts'
import {
	buildCompleteArt15V6Answers,
	buildCompleteBaselAnswers,
	buildCompleteDdtAnswers,
} from '#forms/fixtures/builders.ts'
import { buildCompleteMinamataAnswers } from '#forms/fixtures/minamata.ts'
import { buildCompleteRotterdamAnswers } from '#forms/fixtures/rotterdam.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import { isTableAnswer } from '#forms/engine/values.ts'
import type { Answers, CellValue, FormContext } from '#forms/types.ts'

/** At most this many Parties (the reference data holds 198: every Party it knows reports). */
const PARTIES = 200
const RUNS = 5
const GOAL_RATIO = 2

interface FormSeed {
	cycleCode: string
	build: (ctx: FormContext, index: number) => Answers
}

/** Cycles of the forms the reference data does not seed yet (periods as the fixtures use). */
const EXTRA_CYCLES: CycleInput[] = [
	{
		code: 'bc-art13-2025',
		convention: 'basel',
		formId: 'basel-art13',
		formVersion: 1,
		title: { en: 'Basel Convention national report, 2025' },
		periodStart: '2025-01-01',
		periodEnd: '2025-12-31',
		opensOn: '2026-01-01',
		deadline: '2026-12-31',
	},
	{
		code: 'rc-report-2025',
		convention: 'rotterdam',
		formId: 'rotterdam-report',
		formVersion: 1,
		title: { en: 'Rotterdam Convention national report, 2025' },
		periodStart: '2025-01-01',
		periodEnd: '2025-12-31',
		opensOn: '2026-01-01',
		deadline: '2026-12-31',
	},
	{
		code: 'mc-art21-2021-2024',
		convention: 'minamata',
		formId: 'minamata-art21',
		formVersion: 1,
		formVariant: 'full',
		title: { en: 'Minamata Convention full national report, 2021–2024' },
		periodStart: '2021-01-01',
		periodEnd: '2024-12-31',
		opensOn: '2025-01-01',
		deadline: '2025-12-31',
	},
]

const FORMS: FormSeed[] = [
	{ cycleCode: 'sc-art15-6', build: (ctx) => buildCompleteArt15V6Answers(ctx) },
	{ cycleCode: 'sc-ddt-2024-2026', build: (ctx) => buildCompleteDdtAnswers(ctx) },
	{
		cycleCode: 'bc-art13-2025',
		// From a handful of movements to a busy year (up to ~300 exports, ~100 imports).
		build: (ctx, i) =>
			buildCompleteBaselAnswers(ctx, {
				exportRows: 1 + ((i * 37) % 300),
				importRows: 1 + ((i * 13) % 100),
			}),
	},
	{ cycleCode: 'rc-report-2025', build: (ctx) => buildCompleteRotterdamAnswers(ctx) },
	{ cycleCode: 'mc-art21-2021-2024', build: (ctx) => buildCompleteMinamataAnswers(ctx) },
]

const QUANTITY = /quantity|_kg$|_t$|_kg_ai$/

/** The builders' figures scaled per Party (quantities only), so no two Parties report the same. */
function varied(answers: Answers, factor: number): Answers {
	const scale = (value: CellValue): CellValue =>
		typeof value === 'number'
			? value >= 100
				? Math.round(value * factor)
				: Math.round(value * factor * 100) / 100
			: value
	return Object.fromEntries(
		Object.entries(answers).map(([id, value]) => {
			if (typeof value === 'number' && QUANTITY.test(id)) return [id, scale(value)]
			if (isTableAnswer(value))
				return [
					id,
					{
						rows: value.rows.map((row) => ({
							...row,
							cells: Object.fromEntries(
								Object.entries(row.cells).map(([column, cell]) => [
									column,
									QUANTITY.test(column) ? scale(cell) : cell,
								]),
							),
						})),
					},
				]
			return [id, value]
		}),
	) as Answers
}

/** 200 Parties × 5 forms: an accepted report and its accepted submission each. */
async function seed(db: Kysely<Database>): Promise<{ cycles: ReportingCycle[]; parties: number }> {
	await migrateToLatest(db)
	await seedReferenceData(db)
	for (const cycle of EXTRA_CYCLES) await upsertCycleByCode(db, cycle)
	const record = await loadDepositaryRecord(db)
	const userId = await insertUser(db, {
		email: 'bench@example.org',
		name: 'Benchmark',
		roles: ['analyst'],
		partyCodes: [],
	})
	const parties = (await listParties(db)).slice(0, PARTIES)
	const cycles: ReportingCycle[] = []
	for (const form of FORMS) {
		const resolved = await resolveCompiledRequest(db, {
			cycle: form.cycleCode,
			status: 'accepted',
			questions: [],
			lang: 'en',
		})
		if (!resolved.ok) throw new Error(`unknown cycle ${form.cycleCode}`)
		const { definition } = resolved.request
		cycles.push(resolved.request.cycle)
		const sha = requireFormSha256(definition.formId, definition.version)
		for (const [i, party] of parties.entries()) {
			const ctx = formContextFor(party.code, resolved.request.cycle, record)
			const answers = varied(form.build(ctx, i), 0.5 + ((i * 53) % 100) / 100)
			const report = await db
				.insertInto('report')
				.values({
					party_code: party.code,
					cycle_id: resolved.request.cycle.id,
					form_id: definition.formId,
					form_version: definition.version,
					form_sha256: sha,
					status: 'accepted',
					created_by: userId,
				})
				.returning('id')
				.executeTakeFirstOrThrow()
			await db
				.insertInto('submission')
				.values({
					report_id: report.id,
					number: 1,
					report_revision: 1,
					form_id: definition.formId,
					form_version: definition.version,
					form_sha256: sha,
					answers: jsonb(answers),
					acknowledgements: jsonb([]),
					sha256: 'f'.repeat(64),
					state: 'accepted',
					submitted_by: userId,
				})
				.execute()
		}
	}
	return { cycles, parties: parties.length }
}

async function median(run: () => Promise<unknown>): Promise<number> {
	await run()
	const times: number[] = []
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now()
		await run()
		times.push(performance.now() - started)
	}
	times.sort((a, b) => a - b)
	return times[Math.floor(RUNS / 2)]!
}

export async function runCommonalityBench(): Promise<void> {
	const db = createDatabase({ kind: 'pglite' })
	try {
		const seeding = performance.now()
		const { cycles, parties } = await seed(db)
		console.log(
			`Commonality benchmark: ${parties} Parties × ${FORMS.length} forms of accepted submissions (PGlite, seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
		)

		const exportOne = async (cycle: ReportingCycle) => {
			const resolved = await resolveCompiledRequest(db, {
				cycle: cycle.code,
				status: 'accepted',
				questions: [],
				lang: 'en',
			})
			if (!resolved.ok) throw new Error(resolved.error)
			const file = await buildCompiledInWorker(db, resolved.request, 'xlsx')
			if (file.reportCount !== parties)
				throw new Error(`${cycle.code}: ${file.reportCount} of ${parties} reports exported`)
			exported.set(cycle.code, { reports: file.reportCount, bytes: file.bytes.length })
		}
		const exported = new Map<string, { reports: number; bytes: number }>()
		const perCycle: [string, number][] = []
		for (const cycle of cycles) perCycle.push([cycle.code, await median(() => exportOne(cycle))])
		const exportMs = perCycle.reduce((sum, [, ms]) => sum + ms, 0)

		const analysis = await loadCommonality(db, 'en')
		const analysisMs = await median(() => loadCommonality(db, 'en'))
		const ratio = analysisMs / exportMs

		const ms = (value: number) => `${Math.round(value)} ms`
		for (const [code, value] of perCycle) {
			const { reports, bytes } = exported.get(code)!
			console.log(
				`  compiled XLSX ${code.padEnd(22)} median ${ms(value)} (${reports} reports, ${(bytes / 1_048_576).toFixed(1)} MB)`,
			)
		}
		console.log(`  (a) compiled exports, all ${cycles.length} cycles    ${ms(exportMs)}`)
		console.log(
			`  (b) loadCommonality (all Parties)           median ${ms(analysisMs)} (${analysis.consistency?.length ?? 0} consistency findings, ${analysis.burden?.length ?? 0} burden rows)`,
		)
		console.log(
			`  ratio analysis / export: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'MISSED'})`,
		)
	} finally {
		await db.destroy()
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await runCommonalityBench()
}
