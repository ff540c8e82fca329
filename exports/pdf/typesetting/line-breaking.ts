// Line-break opportunities: a small subset of UAX #14 that covers report text. Lines break after
// spaces, around CJK ideographs, after a hyphen between letters (long chemical names) and after a
// zero-width space; never before closing punctuation or after opening punctuation (spaces or not).

const BREAKING_SPACE = /[ \u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]/u
const IDEOGRAPHIC =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6]/u
const NO_BREAK_BEFORE =
	/[\p{M}\p{Pe}\p{Pf}!%,.:;?\u00BB\u203A\u200C\u3001\u3002\u3005\u303B\u309D\u309E\u30FC\u30FD\u30FE\uFF01\uFF05\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7]|\u200D/u
const NO_BREAK_AFTER = /[\p{Ps}\p{Pi}\u00AB\u2039]|\u200D/u
const HYPHEN = /[-\u2010\u2013]/u
const LETTER = /\p{L}/u
const WORD_BEFORE_HYPHEN = /[\p{L}\p{N})\]]/u
const ZERO_WIDTH_SPACE = 0x200b

export function isBreakingSpace(codePoint: number): boolean {
	return BREAKING_SPACE.test(String.fromCodePoint(codePoint))
}

/** `result[i]` is true when a line may start at code point `i`. */
export function breakOpportunities(codePoints: readonly number[]): boolean[] {
	const chars = codePoints.map((codePoint) => String.fromCodePoint(codePoint))
	return chars.map((char, index) => {
		if (index === 0) return false
		const before = chars[index - 1]!
		if (BREAKING_SPACE.test(char) || NO_BREAK_BEFORE.test(char)) return false
		if (BREAKING_SPACE.test(before)) return followsWordThroughSpaces(chars, index - 1)
		if (codePoints[index - 1] === ZERO_WIDTH_SPACE) return true
		if (NO_BREAK_AFTER.test(before)) return false
		if (IDEOGRAPHIC.test(char) || IDEOGRAPHIC.test(before)) return true
		return (
			HYPHEN.test(before) &&
			LETTER.test(char) &&
			index >= 2 &&
			WORD_BEFORE_HYPHEN.test(chars[index - 2]!)
		)
	})
}

/** Spaces end a line unless they open the paragraph or follow an opening bracket or quote. */
function followsWordThroughSpaces(chars: readonly string[], lastSpace: number): boolean {
	let index = lastSpace
	while (index >= 0 && BREAKING_SPACE.test(chars[index]!)) index--
	return index >= 0 && !NO_BREAK_AFTER.test(chars[index]!)
}

/** Where a word too long for a line may be cut: anywhere but before a combining mark or joiner. */
export function canCutBefore(codePoints: readonly number[], index: number): boolean {
	if (index <= 0 || index >= codePoints.length) return false
	const char = String.fromCodePoint(codePoints[index]!)
	return !/[\p{M}\u200C]|\u200D/u.test(char) && codePoints[index - 1] !== 0x200d
}
