import { interpolate } from '#forms/text-core.ts'
import type { Language } from '#forms/types.ts'
import ar from '../locales/ar/exports.json' with { type: 'json' }
import en from '../locales/en/exports.json' with { type: 'json' }
import es from '../locales/es/exports.json' with { type: 'json' }
import fr from '../locales/fr/exports.json' with { type: 'json' }
import ru from '../locales/ru/exports.json' with { type: 'json' }
import zh from '../locales/zh/exports.json' with { type: 'json' }

/**
 * The words exported documents print around the answers (covers, page numbers, sheet headings):
 * the `document` section of `locales/<lang>/exports.json`, the one store of user-facing text. Form
 * texts (questions, options, markers) come from `formText`; the builders stay plain functions
 * without a translator of their own.
 */
export interface DocumentLabels {
	country: string
	form: string
	version: string
	cycle: string
	period: string
	status: string
	submission: string
	submittedAt: string
	fingerprint: string
	/** SHA-256 of the frozen form version (docs/decisions/011). */
	formFingerprint: string
	generatedAt: string
	language: string
	reportId: string
	/** `{{page}}` and `{{pages}}` are replaced. */
	pageOf: string
	draftWatermark: string
	notAnswered: string
	attachments: string
	noAttachments: string
	noRows: string
	wholeAnswer: string
	metadataSheet: string
	field: string
	value: string
	ref: string
	question: string
	answer: string
	notes: string
	rowId: string
	hintChoose: string
	hintSeveral: string
	hintMarkers: string
	hintDate: string
	hintNumber: string
	hintInteger: string
	hintUnit: string
	hintReadOnly: string
	hintAttachments: string
	hintNewRows: string
	templateInstructions: string
	states: Record<
		'draft' | 'submitted' | 'under_review' | 'returned' | 'accepted' | 'recalled' | 'superseded',
		string
	>
}

const LABELS: Record<Language, DocumentLabels> = {
	en: en.document,
	fr: fr.document,
	es: es.document,
	ru: ru.document,
	zh: zh.document,
	ar: ar.document,
}

export function documentLabels(lang: Language): DocumentLabels {
	return LABELS[lang]
}

/** A document label with its `{{params}}` filled in. */
export const fillIn = interpolate
