import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as analysisLoader } from '#app/routes/analysis/index.tsx'
import { action as cycleAction, loader as cycleLoader } from '#app/routes/admin/cycle.tsx'
import { action as newCycleAction } from '#app/routes/admin/cycle-new.tsx'
import { loader as cyclesLoader } from '#app/routes/admin/cycles.tsx'
import { languageContext } from '#app/utils/context.ts'
import type { Language } from '#app/utils/i18n.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { formContextFor } from '#app/domain/report-context.server.ts'
import { loadDepositaryRecord } from '#app/domain/depositary-record.server.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	createUser,
	formRequest,
	getRequest,
	routeContext,
	settle,
	statusOf,
} from '#tests/factories.ts'

let t: TestDatabase
let admin: CurrentUser
let analyst: CurrentUser

beforeAll(async () => {
	t = await createTestDatabase()
	admin = await createUser(t.db, { roles: ['admin'] })
	analyst = await createUser(t.db, { roles: ['analyst'] })
})
afterAll(async () => {
	await t.destroy()
})

const TITLES = {
	titleAr: 'التقرير الوطني بموجب المادة 15، الدورة السابعة',
	titleZh: '第15条国家报告，第七周期',
	titleEn: 'Article 15 national report, 7th cycle',
	titleFr: 'Rapport national au titre de l’article 15, 7e cycle',
	titleRu: 'Национальный доклад по статье 15, седьмой цикл',
	titleEs: 'Informe nacional en virtud del artículo 15, séptimo ciclo',
}

const CYCLE = {
	convention: 'stockholm',
	form: 'stockholm-art15@6',
	periodStart: '2026-01-01',
	periodEnd: '2029-12-31',
	opensOn: '2029-01-01',
	deadline: '2030-08-31',
}

function context(user: CurrentUser, language: Language = 'en') {
	const routed = routeContext(t.db, user)
	routed.set(languageContext, language)
	return routed
}

function create(fields: Record<string, string>, user = admin) {
	return settle(() =>
		newCycleAction({
			request: formRequest('/admin/cycles/new', fields),
			params: {},
			context: context(user),
		} as never),
	)
}

async function titlesShown(language: Language) {
	const result = await cyclesLoader({
		request: getRequest('/admin/cycles'),
		params: {},
		context: context(admin, language),
	} as never)
	return Object.fromEntries(result.cycles.map((cycle) => [cycle.code, cycle.titleText]))
}

describe(`cycle titles in the six UN languages (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('stores a title for each language given and shows English where one is missing', async () => {
		const created = await create({ ...CYCLE, code: 'sc-art15-7', ...TITLES })
		expect(statusOf(created.value)).toBe(302)
		expect((await findCycleByCode(t.db, 'sc-art15-7'))?.title).toEqual({
			ar: TITLES.titleAr,
			zh: TITLES.titleZh,
			en: TITLES.titleEn,
			fr: TITLES.titleFr,
			ru: TITLES.titleRu,
			es: TITLES.titleEs,
		})

		const englishOnly = await create({
			...CYCLE,
			code: 'sc-art15-7-bis',
			titleEn: 'English only',
			titleAr: '   ',
			titleRu: '',
		})
		expect(statusOf(englishOnly.value)).toBe(302)
		expect((await findCycleByCode(t.db, 'sc-art15-7-bis'))?.title).toEqual({ en: 'English only' })

		expect(await titlesShown('ar')).toMatchObject({
			'sc-art15-7': TITLES.titleAr,
			'sc-art15-7-bis': 'English only',
		})
		expect(await titlesShown('zh')).toMatchObject({ 'sc-art15-7': TITLES.titleZh })
		expect(await titlesShown('es')).toMatchObject({ 'sc-art15-7': TITLES.titleEs })
		// Pages outside the administration show the same titles.
		const analysis = await analysisLoader({
			request: getRequest('/analysis'),
			params: {},
			context: context(analyst, 'ru'),
		} as never)
		expect(analysis.cycles.find((cycle) => cycle.code === 'sc-art15-7')?.title).toBe(TITLES.titleRu)
		expect(analysis.cycles.find((cycle) => cycle.code === 'sc-art15-7-bis')?.title).toBe(
			'English only',
		)
	})

	it('requires the English title and keeps what was typed when a title is refused', async () => {
		const missing = await create({ ...CYCLE, code: 'sc-art15-8', titleFr: TITLES.titleFr })
		expect(statusOf(missing.value)).toBe(400)
		const failure = (missing.value as { data: Record<string, unknown> }).data as {
			fieldErrors: Record<string, string[]>
			values: Record<string, string>
		}
		expect(failure.fieldErrors.titleEn).toEqual(['admin:errors.titleRequired'])
		expect(failure.values.titleFr).toBe(TITLES.titleFr)

		const tooLong = await create({
			...CYCLE,
			code: 'sc-art15-8',
			titleEn: 'Fine',
			titleZh: '长'.repeat(301),
		})
		expect(statusOf(tooLong.value)).toBe(400)
		expect(
			(tooLong.value as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors
				.titleZh,
		).toEqual(['admin:errors.titleTooLong'])
		expect(await findCycleByCode(t.db, 'sc-art15-8')).toBeUndefined()
	})

	it('edits the titles of an existing cycle, including removing one', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-7'))!
		const loaded = await cycleLoader({
			request: getRequest(`/admin/cycles/${cycle.id}`),
			params: { cycleId: cycle.id },
			context: context(admin, 'fr'),
		} as never)
		expect(loaded.title).toBe(TITLES.titleFr)
		expect(loaded.values).toMatchObject(TITLES)
		// The forms offered say which versions are still drafts.
		expect(loaded.forms).toContainEqual({
			value: 'stockholm-art15@6',
			label: 'stockholm-art15 v6',
			draft: false,
			variants: [],
		})
		expect(loaded.forms).toContainEqual({
			value: 'basel-art13@1',
			label: 'basel-art13 v1',
			draft: true,
			variants: [],
		})
		// Forms with variants list them, named in the admin's language.
		expect(loaded.forms).toContainEqual({
			value: 'minamata-art21@1',
			label: 'minamata-art21 v1',
			draft: true,
			variants: [
				{ id: 'full', label: 'Rapport complet' },
				{ id: 'short', label: 'Rapport succinct' },
			],
		})

		const saved = await settle(() =>
			cycleAction({
				request: formRequest(`/admin/cycles/${cycle.id}`, {
					...loaded.values,
					titleFr: '',
					titleEs: 'Informe nacional, séptimo ciclo',
				} as Record<string, string>),
				params: { cycleId: cycle.id },
				context: context(admin),
			} as never),
		)
		expect(saved.value).toEqual({ done: 'admin:cycles.saved' })
		const title = (await findCycleByCode(t.db, 'sc-art15-7'))!.title
		expect(title).not.toHaveProperty('fr')
		expect(title.es).toBe('Informe nacional, séptimo ciclo')
		expect((await titlesShown('fr'))['sc-art15-7']).toBe(TITLES.titleEn)
	})

	it('is for administrators only', async () => {
		const refused = await create({ ...CYCLE, code: 'sc-art15-9', ...TITLES }, analyst)
		expect(statusOf(refused.value)).toBe(403)
		expect(await findCycleByCode(t.db, 'sc-art15-9')).toBeUndefined()
	})
})

describe('cycles of forms with variants (Minamata full and short reports)', () => {
	const MINAMATA = {
		convention: 'minamata',
		form: 'minamata-art21@1',
		titleEn: 'Minamata short report 2025',
		periodStart: '2023-01-01',
		periodEnd: '2024-12-31',
		opensOn: '2025-01-01',
		deadline: '2025-12-31',
	}
	const fieldErrors = (value: unknown) =>
		(value as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors

	it('requires a variant for a form that declares variants, and stores the one chosen', async () => {
		const missing = await create({ ...MINAMATA, code: 'mc-short-2025', formVariant: '' })
		expect(statusOf(missing.value)).toBe(400)
		expect(fieldErrors(missing.value).formVariant).toEqual(['admin:errors.variantRequired'])
		expect(await findCycleByCode(t.db, 'mc-short-2025')).toBeUndefined()

		const unknown = await create({ ...MINAMATA, code: 'mc-short-2025', formVariant: 'medium' })
		expect(fieldErrors(unknown.value).formVariant).toEqual(['admin:errors.unknownVariant'])

		const created = await create({ ...MINAMATA, code: 'mc-short-2025', formVariant: 'short' })
		expect(statusOf(created.value)).toBe(302)
		const cycle = (await findCycleByCode(t.db, 'mc-short-2025'))!
		expect(cycle.formVariant).toBe('short')
		// Reports of the cycle are evaluated as short reports.
		const ctx = formContextFor('KEN', cycle, await loadDepositaryRecord(t.db))
		expect(ctx.formVariant).toBe('short')
	})

	it('refuses a variant for a form without variants; cycles of such forms have none', async () => {
		const refused = await create({
			...CYCLE,
			code: 'sc-art15-10',
			titleEn: 'No variants',
			formVariant: 'short',
		})
		expect(statusOf(refused.value)).toBe(400)
		expect(fieldErrors(refused.value).formVariant).toEqual(['admin:errors.unknownVariant'])
		expect((await findCycleByCode(t.db, 'sc-art15-7'))?.formVariant).toBeNull()
	})
})
