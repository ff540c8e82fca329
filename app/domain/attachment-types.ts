/**
 * File types a country may attach, recognised on the server from the content, not the name. The
 * first extension of a type is the one a stored file is named with (unless the name already has
 * another of its extensions, such as `.jpeg`).
 */
export const ATTACHMENT_TYPES: Record<string, { label: string; extensions: string[] }> = {
	'application/pdf': { label: 'PDF', extensions: ['pdf'] },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
		label: 'Word',
		extensions: ['docx'],
	},
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
		label: 'Excel',
		extensions: ['xlsx'],
	},
	'application/x-cfb': { label: 'Word/Excel 97-2003', extensions: ['doc', 'xls'] },
	'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text', extensions: ['odt'] },
	'application/vnd.oasis.opendocument.spreadsheet': {
		label: 'OpenDocument spreadsheet',
		extensions: ['ods'],
	},
	'image/png': { label: 'PNG', extensions: ['png'] },
	'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
	'image/gif': { label: 'GIF', extensions: ['gif'] },
	'image/webp': { label: 'WebP', extensions: ['webp'] },
	'image/tiff': { label: 'TIFF', extensions: ['tif', 'tiff'] },
}

/**
 * Word and Excel 97-2003 files share one container format (`application/x-cfb`); they are stored
 * with the content type of the document inside it.
 */
export const LEGACY_OFFICE_TYPES = {
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
} as const

/** Extensions of a stored content type, the one files are named with first; none if unknown. */
export function extensionsOf(contentType: string): readonly string[] {
	if (contentType === LEGACY_OFFICE_TYPES.doc) return ['doc']
	if (contentType === LEGACY_OFFICE_TYPES.xls) return ['xls']
	if (contentType === 'application/x-cfb') return []
	return ATTACHMENT_TYPES[contentType]?.extensions ?? []
}

export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES)
	.flatMap((t) => t.extensions.map((e) => `.${e}`))
	.join(',')
