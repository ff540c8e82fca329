/**
 * Shades of the concept × form heat map (page and PDF): one blue (Okabe–Ito #0072B2 and darker),
 * by how many of the form's questions ask the concept, each with a text colour of enough contrast.
 * The count is always written in the cell, so the shade is never the only cue.
 */
export const MATRIX_SHADES = [
	{ from: 1, fill: '#cfe5f3', text: '#1b1f23' },
	{ from: 2, fill: '#7fb8dc', text: '#1b1f23' },
	{ from: 4, fill: '#0b4f6c', text: '#ffffff' },
] as const

export type MatrixShade = (typeof MATRIX_SHADES)[number]

/** The shade of a cell whose form asks the concept in `count` questions; none when it does not. */
export function matrixShade(count: number): MatrixShade | undefined {
	return [...MATRIX_SHADES].reverse().find((shade) => count >= shade.from)
}
