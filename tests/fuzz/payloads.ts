import fc from 'fast-check'
import { questionsOf } from '#forms/question-index.ts'
import { INT4_MAX } from '#app/utils/input.ts'
import type { FormDefinition, Question } from '#forms/types.ts'

/**
 * Payload generators for the input fuzz suite (`tests/integration/input-fuzz.test.ts`): what a
 * careless or hostile client can send to the save endpoint and to every form action. Each mixes
 * values the route expects (so that some requests get past the first check and reach the deeper
 * ones) with values that broke the app before: U+0000, lone surrogates, `__proto__`, numbers
 * beyond PostgreSQL's integer, impossible dates, malformed ids, JSON nested thousands deep.
 */

/** Text that caused 500s or worse, and text that looks like what a route expects. */
export const NASTY_TEXT = [
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'\ud800',
	'x\udc00',
	'\udbff\u0000',
	'\u202eexe.pdf',
	'\ufeff',
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'-'.repeat(36),
	'00000000-0000-0000-0000-000000000000',
	'2024-13-45',
	'2023-02-29',
	'0000-00-00',
	'9999-99-99',
	String(2 ** 31),
	String(2 ** 40),
	'-1',
	'1e400',
	'NaN',
	'Infinity',
	'%00',
	'../../etc/passwd',
	"'; drop table report; --",
	'<script>alert(1)</script>',
	'=cmd|"/c calc"!A1',
	'/\t/evil.example',
	'//evil.example',
	'\r\nSet-Cookie: x=y',
	'\u3000',
	'x'.repeat(5_000),
] as const

/** A string: mostly short random text of any code unit, often one of `NASTY_TEXT` or `known`. */
export function hostileText(known: readonly string[] = []): fc.Arbitrary<string> {
	const pieces: fc.Arbitrary<string>[] = [
		fc.constantFrom(...NASTY_TEXT),
		fc.string({ unit: 'binary', maxLength: 20 }),
		fc.string({ maxLength: 20 }),
		// Lone surrogates and U+0000 inside otherwise ordinary text.
		fc
			.tuple(
				fc.string({ maxLength: 8 }),
				fc.constantFrom('\u0000', '\ud800', '\udfff'),
				fc.string({ maxLength: 8 }),
			)
			.map((parts) => parts.join('')),
	]
	if (known.length > 0) pieces.push(fc.constantFrom(...known), fc.constantFrom(...known))
	return fc.oneof(...pieces)
}

/** Numbers as JSON carries them: small, negative, fractional, beyond int4, huge. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
	fc.integer({ min: -5, max: 50 }),
	fc.constantFrom(-1, 0.5, INT4_MAX, INT4_MAX + 1, 2 ** 40, 2 ** 53, -(2 ** 31) - 1, 1e308),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Any JSON value with hostile leaves, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		hostileText(),
		hostileNumber,
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(hostileText(['rows', 'cells', 'id', 'marker', '__proto__']), tie('value'), {
			maxKeys: 4,
		}),
	),
})).value

/** JSON text nested `depth` levels (built as text: JSON.stringify would recurse that deep). */
export function nestedJsonText(depth: number, open = '[', close = ']') {
	return `${open.repeat(depth)}0${close.repeat(depth)}`
}

export type SaveContext = {
	definition: FormDefinition
	/** Files of the report saved to, and of another report. */
	ownFiles: string[]
	otherFiles: string[]
	partyCode: string
}

const dateLike = fc
	.tuple(
		fc.integer({ min: 0, max: 9999 }),
		fc.integer({ min: 0, max: 19 }),
		fc.integer({ min: 0, max: 39 }),
	)
	.map(
		([y, m, d]) =>
			`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
	)

/** A value shaped like the answer of `question`, with hostile content often enough. */
function answerLike(question: Question, ctx: SaveContext): fc.Arbitrary<unknown> {
	const marker = fc.record({
		marker: fc.constantFrom('not_available', 'confidential', '__proto__'),
	})
	const codes = ['KEN', 'IND', 'FRA', 'yes', 'no', 'not_applicable', 'PFOS', 'DDT']
	const scalar = (type: string): fc.Arbitrary<unknown> => {
		switch (type) {
			case 'date':
				return fc.oneof(dateLike, hostileText())
			case 'integer':
			case 'year':
			case 'decimal':
				return hostileNumber
			case 'checkbox':
				return fc.boolean()
			case 'multiple_choice':
				return fc.array(hostileText(codes), { maxLength: 3 })
			default:
				return hostileText(codes)
		}
	}
	switch (question.type) {
		case 'table': {
			const columns = question.columns.map((column) => column.id)
			const rowIds = ['r1', 'r2', '__proto__', 'r1']
			const row = fc.record({
				id: hostileText(rowIds),
				cells: fc.dictionary(
					hostileText(columns),
					fc.oneof(...question.columns.map((column) => scalar(column.type)), marker),
					{ maxKeys: 4 },
				),
			})
			return fc.oneof(fc.record({ rows: fc.array(row, { maxLength: 4 }) }), marker, hostileJson)
		}
		case 'attachment':
			return fc.oneof(
				fc.array(
					fc.record({
						attachmentId: hostileText([...ctx.ownFiles, ...ctx.otherFiles]),
						name: hostileText(['law.pdf']),
					}),
					{ maxLength: 2 },
				),
				hostileJson,
			)
		case 'contact':
			return fc.oneof(
				fc.dictionary(hostileText(question.fields.map((f) => f.id)), hostileText(), {
					maxKeys: 3,
				}),
				marker,
			)
		case 'country':
			return fc.oneof(fc.constantFrom(ctx.partyCode, 'IND', 'FRA', 'XXX'), hostileText(), marker)
		default:
			return fc.oneof(scalar(question.type), marker, hostileJson)
	}
}

/**
 * A body for `POST /reports/:id/answers`: mostly a well-formed save with hostile ids, revisions,
 * bases and values; sometimes raw text (truncated, deeply nested, not JSON at all).
 */
export function saveBody(ctx: SaveContext, revision: () => number): fc.Arbitrary<string> {
	const questions = questionsOf(ctx.definition)
	const ids = questions.map((q) => q.id)
	const change = fc.constantFrom(...questions).chain((question) =>
		fc.record(
			{
				questionId: fc.oneof(
					{ weight: 4, arbitrary: fc.constant(question.id) },
					{ weight: 1, arbitrary: hostileText(ids) },
				),
				baseRevision: fc.oneof(fc.constant(-2), hostileNumber),
				base: fc.oneof(answerLike(question, ctx), hostileJson),
				value: fc.oneof(
					{ weight: 3, arbitrary: answerLike(question, ctx) },
					{ weight: 1, arbitrary: fc.constant(null) },
				),
			},
			{ requiredKeys: ['questionId', 'baseRevision', 'value'] },
		),
	)
	const structured = fc
		.record({
			sinceRevision: fc.oneof(fc.constant(-2), hostileNumber),
			changes: fc.array(change, { minLength: 0, maxLength: 4 }),
		})
		.map((body) => {
			// -2 stands for "the report's current revision", so that many saves get through.
			const current = revision()
			const at = (n: number) => (n === -2 ? current : n)
			return JSON.stringify({
				sinceRevision: at(body.sinceRevision),
				changes: body.changes.map((c) => ({ ...c, baseRevision: at(c.baseRevision) })),
			})
		})
	const raw = fc.oneof(
		hostileText(),
		fc.integer({ min: 1, max: 20_000 }).map((depth) => nestedJsonText(depth)),
		fc
			.integer({ min: 30, max: 6_000 })
			.map(
				(depth) =>
					`{"sinceRevision":0,"changes":[{"questionId":"b6_stockpiles","baseRevision":0,"value":null,"base":${nestedJsonText(depth, '{"rows":[', ']}')}}]}`,
			),
		structured.map((text) => text.slice(0, Math.floor(text.length / 2))),
		hostileJson.map((value) => JSON.stringify(value) ?? 'null'),
	)
	return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: raw })
}

/** What one form field of a target may hold. */
export type FieldSpec = { name: string; known?: readonly string[] }

/**
 * The fields of a form post: its own fields (each missing, a known value or hostile text, sometimes
 * repeated) and now and then a field of a hostile name.
 */
export function formFields(fields: readonly FieldSpec[]): fc.Arbitrary<[string, string][]> {
	const own = fields.map((field) =>
		fc.oneof(
			{ weight: 1, arbitrary: fc.constant([] as [string, string][]) },
			{
				weight: 4,
				arbitrary: fc
					.array(hostileText(field.known ?? []), { minLength: 1, maxLength: 2 })
					.map((values) => values.map((value) => [field.name, value] as [string, string])),
			},
		),
	)
	const stray = fc.array(fc.tuple(hostileText(fields.map((f) => f.name)), hostileText()), {
		maxLength: 2,
	})
	return fc.tuple(fc.tuple(...own), stray).map(([groups, extra]) => [...groups.flat(), ...extra])
}

/** A query string of hostile parameters, named like the route's own or not. */
export function queryString(fields: readonly FieldSpec[]): fc.Arbitrary<string> {
	return formFields(fields).map((pairs) => {
		const params = new URLSearchParams()
		for (const [key, value] of pairs) params.append(key, value)
		return params.toString()
	})
}

/**
 * Percent-encodes text for a URL as a client may: U+0000 as %00, and a lone surrogate as the bytes
 * of its code point (%ED%A0%80), which are not UTF-8 (encodeURIComponent refuses to write them).
 */
export function percentEncode(text: string) {
	let out = ''
	for (const char of text) {
		const code = char.codePointAt(0)!
		out +=
			code >= 0xd800 && code <= 0xdfff
				? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
						.map((byte) => `%${byte.toString(16).toUpperCase()}`)
						.join('')
				: encodeURIComponent(char)
	}
	return out
}

/** A path segment of a URL: hostile text or a plausible id, percent-encoded. */
export function pathSegment(known: readonly string[] = []): fc.Arbitrary<string> {
	return hostileText(['KEN', 'ken', '1', '0', String(INT4_MAX + 1), 'draft', ...known]).map(
		percentEncode,
	)
}
