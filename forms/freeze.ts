/**
 * Freezing form versions (Node only): the library behind `npm run forms:publish` and the test that
 * keeps the frozen files and the TypeScript builders in step. See docs/decisions/011.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { canonicalJson } from './canonical.ts'
import { collectReleases } from './codelists/pinned.ts'
import {
	firstDifference,
	frozenContent,
	frozenFileName,
	UnavailableReleaseError,
	type FrozenContent,
	type FrozenForm,
	type FrozenStatus,
} from './frozen.ts'
import type { FormDefinition } from './types.ts'

/** Where the frozen files live. */
export const PUBLISHED_DIR = new URL('./published/', import.meta.url).pathname

/** SHA-256 (hex) of the canonical JSON of a frozen version's content. */
export function contentSha256(content: FrozenContent): string {
	return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

/** `<formId>-v<version>.json` */
export function isFrozenFileName(name: string): boolean {
	return /^[a-z0-9][a-z0-9-]*-v[1-9][0-9]*\.json$/.test(name)
}

/** File of every code-list release the frozen versions hold (what the code-list module reads). */
export const RELEASES_FILE = 'code-list-releases.json'

/** The frozen files of a folder, by file name. */
export async function readFrozenDir(dir: string): Promise<Map<string, FrozenForm>> {
	const files = new Map<string, FrozenForm>()
	for (const name of (await readdir(dir)).sort()) {
		if (!isFrozenFileName(name)) continue
		files.set(name, JSON.parse(await readFile(join(dir, name), 'utf8')) as FrozenForm)
	}
	return files
}

/** A version to act on: `formId@version`. */
export interface Target {
	formId: string
	version: number
}

export function parseTarget(text: string): Target | undefined {
	const match = /^([a-z0-9][a-z0-9-]*)@([1-9][0-9]*)$/.exec(text)
	return match ? { formId: match[1]!, version: Number(match[2]) } : undefined
}

export interface FreezeOptions {
	/** Versions to publish; none: every authored version keeps its status, new ones become drafts. */
	targets: readonly Target[]
	/** Freeze the targets as drafts instead of publishing them. */
	draft: boolean
	/** Re-freeze drafts whose build changed (never published versions). */
	replaceDraft: boolean
}

export type FreezeAction =
	'unchanged' | 'created' | 'replaced_draft' | 'published' | 'refused' | 'invalid_file'

export interface FreezeStep {
	formId: string
	version: number
	file: string
	action: FreezeAction
	status: FrozenStatus | null
	sha256: string | null
	message: string
	/** What to write (absent: the file stays as it is). */
	write?: FrozenForm
}

export interface FreezePlan {
	steps: FreezeStep[]
	/** True when every version is frozen as asked (nothing refused). */
	ok: boolean
}

const POLICY =
	'A published version never changes: keep its behaviour (for instance behind a parameter of the shared builder) and publish the correction as a new version with a migration (docs/decisions/011).'

/** Where a build differs from its frozen file, in words. */
export function describeDifference(frozen: FrozenContent, built: FrozenContent): string {
	const path = firstDifference(frozen, built)
	if (!path) return 'no difference'
	const list = /^codeLists\.([^.[]+)/.exec(path)?.[1]
	if (list && frozen.codeLists[list] && built.codeLists[list]) {
		const { version } = built.codeLists[list]
		if (frozen.codeLists[list].version === version)
			return `code list ${list} ${version} changed without a new release version (first difference at ${path}); give the list a new version instead`
	}
	return `first difference at ${path}`
}

/**
 * Decides, without writing anything, what freezing the authored versions does. `builds` are the
 * TypeScript definitions; `existing` the frozen files by file name.
 */
export function planFreeze(
	builds: readonly FormDefinition[],
	existing: ReadonlyMap<string, FrozenForm>,
	options: FreezeOptions,
): FreezePlan {
	const steps: FreezeStep[] = []
	const known = new Set(builds.map((def) => `${def.formId}@${def.version}`))
	for (const target of options.targets) {
		if (!known.has(`${target.formId}@${target.version}`)) {
			steps.push({
				...target,
				file: frozenFileName(target.formId, target.version),
				action: 'refused',
				status: null,
				sha256: null,
				message: `${target.formId}@${target.version} is not an authored version (forms/authored.ts)`,
			})
		}
	}
	const frozenForms = [...existing.values()]
	for (const definition of builds) {
		const { formId, version } = definition
		const file = frozenFileName(formId, version)
		const targeted = options.targets.some(
			(target) => target.formId === formId && target.version === version,
		)
		if (options.targets.length > 0 && !targeted) continue
		const step = (
			action: FreezeAction,
			status: FrozenStatus | null,
			sha256: string | null,
			message: string,
			write?: FrozenForm,
		) => steps.push({ formId, version, file, action, status, sha256, message, write })

		let content: FrozenContent
		try {
			content = frozenContent(definition, frozenForms)
		} catch (error) {
			if (!(error instanceof UnavailableReleaseError)) throw error
			step('refused', existing.get(file)?.status ?? null, null, error.message)
			continue
		}
		const sha256 = contentSha256(content)
		const current = existing.get(file)
		const wanted: FrozenStatus | undefined = targeted
			? options.draft
				? 'draft'
				: 'published'
			: undefined
		const frozen = (status: FrozenStatus): FrozenForm => ({
			formId,
			version,
			status,
			sha256,
			content,
		})

		if (!current) {
			const status = wanted ?? 'draft'
			step('created', status, sha256, `frozen as ${status}`, frozen(status))
			continue
		}
		if (current.formId !== formId || current.version !== version) {
			step(
				'invalid_file',
				current.status,
				current.sha256,
				`${file} holds ${current.formId} v${current.version}`,
			)
			continue
		}
		if (contentSha256(current.content) !== current.sha256) {
			step(
				'invalid_file',
				current.status,
				current.sha256,
				`${file} was edited by hand: its content no longer has the SHA-256 it records`,
			)
			continue
		}
		const same = current.sha256 === sha256
		if (current.status === 'published') {
			if (!same) {
				step(
					'refused',
					'published',
					current.sha256,
					`published, and its build now differs: ${describeDifference(current.content, content)}. ${POLICY}`,
				)
			} else if (wanted === 'draft') {
				step('refused', 'published', sha256, 'published: it cannot become a draft again')
			} else step('unchanged', 'published', sha256, 'published, unchanged')
			continue
		}
		// A draft.
		if (!same && !options.replaceDraft) {
			step(
				'refused',
				'draft',
				current.sha256,
				`draft, and its build now differs: ${describeDifference(current.content, content)}. Re-freeze it with --replace-draft if the change is meant.`,
			)
			continue
		}
		const status = wanted ?? 'draft'
		if (same && status === 'draft') step('unchanged', 'draft', sha256, 'draft, unchanged')
		else if (same) step('published', 'published', sha256, 'published', frozen('published'))
		else
			step(
				status === 'published' ? 'published' : 'replaced_draft',
				status,
				sha256,
				status === 'published'
					? `re-frozen and published (was ${current.sha256.slice(0, 12)}…)`
					: `draft re-frozen (was ${current.sha256.slice(0, 12)}…)`,
				frozen(status),
			)
	}
	return { steps, ok: steps.every((s) => s.action !== 'refused' && s.action !== 'invalid_file') }
}

/** A frozen file as written: fixed member order, then the repository's formatting. */
export async function serializeFrozen(form: FrozenForm, filePath: string): Promise<string> {
	const ordered: FrozenForm = {
		formId: form.formId,
		version: form.version,
		status: form.status,
		sha256: form.sha256,
		content: {
			format: form.content.format,
			definition: form.content.definition,
			codeLists: form.content.codeLists,
		},
	}
	return prettify(JSON.stringify(ordered, null, 2), filePath)
}

/** Formats as the repository does, wherever the file is written (tests write to a temporary folder). */
async function prettify(text: string, filePath: string): Promise<string> {
	const asInRepository = join(PUBLISHED_DIR, basename(filePath))
	const config = await resolveConfig(asInRepository)
	return format(text, { ...config, filepath: asInRepository })
}

function identifierOf(fileName: string): string {
	return fileName
		.replace(/\.json$/, '')
		.replace(/[^a-zA-Z0-9]+([a-zA-Z0-9])/g, (_, next: string) => next.toUpperCase())
}

/** `forms/published/index.ts`: imports every frozen file, so bundlers and Node see them alike. */
export async function renderIndex(fileNames: readonly string[], filePath: string): Promise<string> {
	const names = [...fileNames].sort()
	const lines = [
		'// Generated by `npm run forms:publish` from the frozen files in this folder: do not edit.',
		"import type { FrozenForm } from '../frozen.ts'",
		...names.map((name) => `import ${identifierOf(name)} from './${name}' with { type: 'json' }`),
		'',
		'/** Every frozen form version (docs/decisions/011). */',
		`export const FROZEN_FORMS = [${names.map(identifierOf).join(', ')}] as unknown as readonly FrozenForm[]`,
		'',
	]
	return prettify(lines.join('\n'), filePath)
}

/**
 * `code-list-releases.json`: every release the frozen versions hold, by list id and version,
 * sorted. The code-list module reads it (in the browser too) to serve a version the releases it
 * pins, without loading the definitions.
 */
export async function renderReleases(
	frozen: readonly FrozenForm[],
	filePath: string,
): Promise<string> {
	const held = collectReleases(frozen.map((form) => form.content.codeLists))
	const sorted = Object.fromEntries(
		[...held.keys()].sort().map((listId) => {
			const versions = held.get(listId)!
			return [
				listId,
				Object.fromEntries([...versions.keys()].sort().map((v) => [v, versions.get(v)])),
			]
		}),
	)
	return prettify(JSON.stringify(sorted), filePath)
}

/**
 * Writes what a plan decided, then the index and the releases file, each only when its text
 * changes. Returns the names of the files written (with `dryRun`: that would be written).
 */
export async function applyFreeze(
	dir: string,
	plan: FreezePlan,
	{ dryRun = false } = {},
): Promise<string[]> {
	const frozen = await readFrozenDir(dir)
	const texts = new Map<string, string>()
	for (const step of plan.steps) {
		if (!step.write) continue
		frozen.set(step.file, step.write)
		texts.set(step.file, await serializeFrozen(step.write, join(dir, step.file)))
	}
	const names = [...frozen.keys()].sort()
	texts.set('index.ts', await renderIndex(names, join(dir, 'index.ts')))
	texts.set(
		RELEASES_FILE,
		await renderReleases(
			names.map((name) => frozen.get(name)!),
			join(dir, RELEASES_FILE),
		),
	)
	const written: string[] = []
	for (const [name, text] of texts) {
		const path = join(dir, name)
		if ((await readFile(path, 'utf8').catch(() => '')) === text) continue
		if (!dryRun) await writeFile(path, text)
		written.push(name)
	}
	return written
}
