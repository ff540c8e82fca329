/**
 * An arrow that points the way the reading goes: `forward` (next, to) and `back` (previous). The
 * arrow characters do not mirror by themselves, so `.arrow` is flipped in right-to-left pages (see
 * app.css): "next →" reads "← التالي" in Arabic. Decorative: the link's words say where it goes.
 */
export function DirectionalArrow({ to }: { to: 'forward' | 'back' }) {
	return (
		<span className="arrow" aria-hidden="true">
			{to === 'forward' ? '→' : '←'}
		</span>
	)
}
