import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AUTHORED_VERSIONS } from './authored.ts'
import { codeListFor, getCodeList, UNITS } from './codelists/index.ts'
import { collectReleases, pinRelease, restoreRelease } from './codelists/pinned.ts'
import {
	applyFreeze,
	contentSha256,
	describeDifference,
	isFrozenFileName,
	parseTarget,
	planFreeze,
	PUBLISHED_DIR,
	readFrozenDir,
	renderIndex,
	renderReleases,
	RELEASES_FILE,
	serializeFrozen,
	type FreezeOptions,
} from './freeze.ts'
import { firstDifference, frozenContent, frozenFileName, type FrozenForm } from './frozen.ts'
import { formVersionIdentity, getFormDefinition, listFormDefinitions } from './registry.ts'
import { ART15_V5 } from './stockholm-art15/v5.ts'
import type { FormDefinition, Question } from './types.ts'

const frozenFiles = await readFrozenDir(PUBLISHED_DIR)
const frozenForms = [...frozenFiles.values()]
const label = (def: { formId: string; version: number }) => `${def.formId} v${def.version}`

const CHECK: FreezeOptions = { targets: [], draft: false, replaceDraft: false }

function withQuestion(def: FormDefinition, id: string, change: (q: Question) => Question) {
	const copy = structuredClone(def)
	for (const part of copy.parts)
		for (const section of part.sections)
			section.questions = section.questions.map((q) => (q.id === id ? change(q) : q))
	return copy
}

/**
 * An authored version pinning the current release of every list it uses, so it can be frozen from
 * scratch (a published version may pin releases only its frozen file still holds).
 */
function pinningCurrent(def: FormDefinition): FormDefinition {
	const codeLists = Object.fromEntries(
		Object.keys(def.codeLists).map((listId) => [listId, getCodeList(listId)!.version]),
	)
	return { ...def, codeLists }
}
const AUTHORED_NOW = AUTHORED_VERSIONS.map(pinningCurrent)

/** The frozen files planning would write, by file name. */
function written(steps: ReturnType<typeof planFreeze>['steps']): Map<string, FrozenForm> {
	return new Map(steps.flatMap((step) => (step.write ? [[step.file, step.write] as const] : [])))
}

describe('frozen form versions (forms/published)', () => {
	it.each(AUTHORED_VERSIONS.map((def) => [label(def), def] as const))(
		'%s: the TypeScript build equals the frozen file',
		(_name, def) => {
			const frozen = frozenFiles.get(frozenFileName(def.formId, def.version))
			expect(frozen, `${label(def)} is not frozen: run npm run forms:publish`).toBeDefined()
			const built = frozenContent(def, frozenForms)
			const difference = firstDifference(frozen!.content, built)
			const remedy =
				frozen!.status === 'published'
					? 'it is PUBLISHED and must not change: undo the change for this version, or publish the correction as a new version with a migration (docs/decisions/011)'
					: 'it is a draft: re-freeze it with npm run forms:publish -- --replace-draft if the change is meant'
			expect(
				difference,
				`${label(def)} differs from ${frozenFileName(def.formId, def.version)}: ${describeDifference(frozen!.content, built)}; ${remedy}`,
			).toBeUndefined()
		},
	)

	it('every frozen file records the SHA-256 of its content and names its own authored version', () => {
		const authored = new Set(
			AUTHORED_VERSIONS.map((def) => frozenFileName(def.formId, def.version)),
		)
		for (const [file, frozen] of frozenFiles) {
			expect(file).toBe(frozenFileName(frozen.formId, frozen.version))
			expect(authored.has(file), `${file} has no authored version`).toBe(true)
			expect(['draft', 'published']).toContain(frozen.status)
			expect(frozen.sha256).toMatch(/^[0-9a-f]{64}$/)
			expect(contentSha256(frozen.content), `${file} was edited by hand`).toBe(frozen.sha256)
			expect(frozen.content.definition.formId).toBe(frozen.formId)
			expect(frozen.content.definition.version).toBe(frozen.version)
			const pins = frozen.content.definition.codeLists
			expect(Object.keys(frozen.content.codeLists).sort()).toEqual(Object.keys(pins).sort())
			for (const [listId, release] of Object.entries(frozen.content.codeLists))
				expect(release.version).toBe(pins[listId])
		}
	})

	it('versions pinning the same code-list release hold the same release', () => {
		const seen = new Map<string, string>()
		for (const frozen of frozenForms) {
			for (const [listId, release] of Object.entries(frozen.content.codeLists)) {
				const key = `${listId}@${release.version}`
				const held = JSON.stringify(release)
				expect(seen.get(key) ?? held, `${key} differs between frozen versions`).toBe(held)
				seen.set(key, held)
			}
		}
	})

	it('the generated index imports exactly the frozen files, and the releases file holds their releases', async () => {
		const names = (await readdir(PUBLISHED_DIR)).filter(isFrozenFileName)
		expect(names.sort()).toEqual([...frozenFiles.keys()].sort())
		expect((await readdir(PUBLISHED_DIR)).sort()).toEqual(
			[...names, 'index.ts', RELEASES_FILE].sort(),
		)
		const indexPath = join(PUBLISHED_DIR, 'index.ts')
		expect(await readFile(indexPath, 'utf8'), 'run npm run forms:publish').toBe(
			await renderIndex(names, indexPath),
		)
		const releasesPath = join(PUBLISHED_DIR, RELEASES_FILE)
		expect(await readFile(releasesPath, 'utf8'), 'run npm run forms:publish').toBe(
			await renderReleases(frozenForms, releasesPath),
		)
	})

	it('the runtime serves the frozen files, deep-frozen, with their SHA-256 and status', () => {
		expect(listFormDefinitions().map(label).sort()).toEqual(frozenForms.map(label).sort())
		for (const frozen of frozenForms) {
			const served = getFormDefinition(frozen.formId, frozen.version)!
			expect(firstDifference(served, frozen.content.definition)).toBeUndefined()
			expect(formVersionIdentity(frozen.formId, frozen.version)).toEqual({
				sha256: frozen.sha256,
				status: frozen.status,
			})
			expect(Object.isFrozen(served.parts[0]!.sections[0]!.questions[0])).toBe(true)
			expect(() => {
				;(served as { deadline: string }).deadline = '2099-01-01'
			}).toThrow(TypeError)
		}
		// The builders are not what runs: the served version is another object.
		expect(getFormDefinition('stockholm-art15', 5)).not.toBe(ART15_V5)
		expect(formVersionIdentity('stockholm-art15', 99)).toBeUndefined()
	})

	it('the 5th-cycle Article 15 report is published', () => {
		expect(formVersionIdentity('stockholm-art15', 5)?.status).toBe('published')
	})
})

describe('forms:publish planning', () => {
	const v5 = pinningCurrent(ART15_V5)
	const changedV5 = withQuestion(v5, 'c_pcb_plan_2025', (q) => ({ ...q, required: false }))

	it('freezes new versions as drafts, then changes nothing on a second run', () => {
		const first = planFreeze(AUTHORED_NOW, new Map(), CHECK)
		expect(first.ok).toBe(true)
		expect(first.steps.map((s) => [s.file, s.action, s.status])).toEqual(
			AUTHORED_VERSIONS.map((def) => [frozenFileName(def.formId, def.version), 'created', 'draft']),
		)
		const second = planFreeze(AUTHORED_NOW, written(first.steps), CHECK)
		expect(second.steps.every((s) => s.action === 'unchanged' && !s.write)).toBe(true)
		expect(second.steps.map((s) => s.sha256)).toEqual(first.steps.map((s) => s.sha256))
	})

	it('publishes a target, keeping the content and its SHA-256', () => {
		const drafts = written(planFreeze([v5], new Map(), CHECK).steps)
		const plan = planFreeze([v5], drafts, {
			...CHECK,
			targets: [parseTarget('stockholm-art15@5')!],
		})
		expect(plan.steps).toMatchObject([{ action: 'published', status: 'published' }])
		expect(plan.steps[0]!.write?.sha256).toBe(drafts.get('stockholm-art15-v5.json')!.sha256)
		const again = planFreeze([v5], written(plan.steps), {
			...CHECK,
			targets: [parseTarget('stockholm-art15@5')!],
		})
		expect(again.steps).toMatchObject([{ action: 'unchanged', status: 'published' }])
	})

	it('refuses any change to a published version, even with --replace-draft', () => {
		const published = written(
			planFreeze([v5], new Map(), {
				...CHECK,
				targets: [{ formId: 'stockholm-art15', version: 5 }],
			}).steps,
		)
		for (const options of [CHECK, { ...CHECK, replaceDraft: true }]) {
			const plan = planFreeze([changedV5], published, options)
			expect(plan.ok).toBe(false)
			expect(plan.steps[0]).toMatchObject({ action: 'refused', status: 'published' })
			expect(plan.steps[0]!.write).toBeUndefined()
			expect(plan.steps[0]!.message).toContain('definition.parts[2].sections')
			expect(plan.steps[0]!.message).toContain('new version with a migration')
		}
		const demote = planFreeze([v5], published, {
			...CHECK,
			targets: [{ formId: 'stockholm-art15', version: 5 }],
			draft: true,
		})
		expect(demote.steps[0]).toMatchObject({ action: 'refused' })
	})

	it('re-freezes a changed draft only with --replace-draft', () => {
		const drafts = written(planFreeze([v5], new Map(), CHECK).steps)
		const refused = planFreeze([changedV5], drafts, CHECK)
		expect(refused.steps[0]).toMatchObject({ action: 'refused', status: 'draft' })
		expect(refused.steps[0]!.message).toContain('--replace-draft')
		const replaced = planFreeze([changedV5], drafts, { ...CHECK, replaceDraft: true })
		expect(replaced.ok).toBe(true)
		expect(replaced.steps[0]).toMatchObject({ action: 'replaced_draft', status: 'draft' })
		expect(replaced.steps[0]!.sha256).not.toBe(drafts.get('stockholm-art15-v5.json')!.sha256)
	})

	it('names a code list changed without a new release version', () => {
		const frozen = written(planFreeze([v5], new Map(), CHECK).steps).get('stockholm-art15-v5.json')!
		const tampered = structuredClone(frozen)
		tampered.content.codeLists.units!.entries[1]!.toCanonical = 100
		tampered.sha256 = contentSha256(tampered.content)
		const plan = planFreeze([v5], new Map([['stockholm-art15-v5.json', tampered]]), CHECK)
		expect(plan.steps[0]!.message).toContain(
			`code list units ${UNITS.version} changed without a new release version`,
		)
	})

	it('refuses a file edited by hand, a file of another version and an unknown target', () => {
		const frozen = written(planFreeze([v5], new Map(), CHECK).steps).get('stockholm-art15-v5.json')!
		const edited = structuredClone(frozen)
		edited.content.definition.deadline = '2030-01-01'
		expect(
			planFreeze([v5], new Map([['stockholm-art15-v5.json', edited]]), CHECK).steps[0],
		).toMatchObject({ action: 'invalid_file' })
		const misplaced = { ...frozen, version: 6 }
		expect(
			planFreeze([v5], new Map([['stockholm-art15-v5.json', misplaced]]), CHECK).steps[0],
		).toMatchObject({ action: 'invalid_file' })
		const unknown = planFreeze([v5], new Map(), {
			...CHECK,
			targets: [{ formId: 'ddt', version: 9 }],
		})
		expect(unknown.ok).toBe(false)
		expect(unknown.steps[0]!.message).toContain('not an authored version')
		expect(parseTarget('stockholm-art15@0')).toBeUndefined()
		expect(parseTarget('stockholm-art15')).toBeUndefined()
	})

	it('pins a code-list release no longer current only if a frozen version holds it', () => {
		const old = { ...pinRelease(UNITS), version: '2019.1' }
		const pinsOld: FormDefinition = { ...v5, codeLists: { ...v5.codeLists, units: '2019.1' } }
		const refused = planFreeze([pinsOld], new Map(), CHECK)
		expect(refused.steps[0]).toMatchObject({ action: 'refused' })
		expect(refused.steps[0]!.message).toContain('pins code list units 2019.1')
		const holder = written(planFreeze([v5], new Map(), CHECK).steps).get('stockholm-art15-v5.json')!
		const olderHolder = structuredClone(holder)
		olderHolder.formId = 'older'
		olderHolder.content.codeLists.units = old
		expect(frozenContent(pinsOld, [olderHolder]).codeLists.units).toEqual(old)
	})
})

describe('frozen files on disk', () => {
	let dir: string | undefined
	afterEach(async () => {
		if (dir) await rm(dir, { recursive: true, force: true })
		dir = undefined
	})

	it('are written deterministically: a second run writes nothing and the bytes stay the same', async () => {
		dir = await mkdtemp(join(tmpdir(), 'frozen-'))
		const first = planFreeze(AUTHORED_NOW, await readFrozenDir(dir), CHECK)
		expect(await applyFreeze(dir, first)).toEqual([
			...AUTHORED_VERSIONS.map((def) => frozenFileName(def.formId, def.version)),
			'index.ts',
			RELEASES_FILE,
		])
		const bytes = await readFile(join(dir, 'stockholm-art15-v5.json'), 'utf8')
		const second = planFreeze(AUTHORED_NOW, await readFrozenDir(dir), CHECK)
		expect(await applyFreeze(dir, second)).toEqual([])
		expect(await readFile(join(dir, 'stockholm-art15-v5.json'), 'utf8')).toBe(bytes)
		// The repository's own frozen v5 is byte for byte what a fresh freeze writes.
		const repo = frozenFiles.get('stockholm-art15-v5.json')!
		const path = join(dir, 'check.json')
		await writeFile(path, await serializeFrozen(repo, path))
		expect(await readFile(path, 'utf8')).toBe(
			await readFile(join(PUBLISHED_DIR, 'stockholm-art15-v5.json'), 'utf8'),
		)
	})
})

describe('pinned code-list releases', () => {
	it('every served version reads the release it pins: the current list itself when it is current', () => {
		for (const def of listFormDefinitions()) {
			for (const [listId, version] of Object.entries(def.codeLists)) {
				const current = getCodeList(listId)!
				const served = codeListFor(listId, def.codeLists)!
				if (version === current.version) expect(served).toBe(current)
				else if (served !== current) expect(served.version).toBe(version)
				else expect(listId).toBe('countries')
			}
		}
	})

	it('an archived release keeps its codes and metadata and takes labels from the current list', () => {
		const pinned = pinRelease(UNITS)
		pinned.version = '2019.1'
		pinned.entries = [
			{ ...pinned.entries[0]!, toCanonical: 2 },
			{ code: 'old_unit', dimension: 'mass', toCanonical: 3 },
		]
		expect(Object.keys(pinRelease(UNITS).entries[0]!)).not.toContain('labels')
		const restored = restoreRelease('units', pinned, UNITS)
		expect(restored.version).toBe('2019.1')
		expect(restored.entries).toEqual([
			{ ...UNITS.entries[0], toCanonical: 2 },
			{ code: 'old_unit', dimension: 'mass', toCanonical: 3, labels: { en: 'old_unit' } },
		])
		const held = collectReleases([{ units: pinned }, { units: pinRelease(UNITS) }])
		expect([...held.get('units')!.keys()]).toEqual(['2019.1', UNITS.version])
	})
})
