/** File types a country may attach, recognised on the server from the content, not the name. */
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

export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES)
	.flatMap((t) => t.extensions.map((e) => `.${e}`))
	.join(',')
