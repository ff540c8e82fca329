/** Texts of one item (part, section, question, column, contact field). */
export interface ItemTexts {
	label?: string
	help?: string
	/** Inline option code → label. */
	options?: Record<string, string>
	/** Table column id → texts. */
	columns?: Record<string, ItemTexts>
	/** Contact field id → texts (falls back to the engine's common field labels). */
	fields?: Record<string, ItemTexts>
}

/**
 * One language file of a form (`forms/<form>/i18n/<lang>.json`), keyed by stable ids: parts and
 * sections by id, questions by `textKey ?? id`, columns and inline options nested in their
 * question, and rule messages by message key. Interpolation: `{{param}}`.
 */
export interface FormTexts {
	/**
	 * The state of a translation: `draft` for texts no translator has reviewed against the official
	 * wording (every language but English starts as one), `reviewed` once one has. Absent: not
	 * recorded. Not user-facing by itself.
	 */
	translation?: { status: string; note?: string }
	form?: { title?: string; description?: string }
	parts?: Record<string, ItemTexts>
	sections?: Record<string, ItemTexts>
	questions?: Record<string, ItemTexts>
	messages?: Record<string, string>
}

/** The engine's own texts (`forms/i18n/<lang>.json`): structural messages, shared options, contact fields. */
export interface CommonTexts {
	messages: Record<string, string>
	options: Record<string, Record<string, string>>
	fields: Record<string, string>
}
