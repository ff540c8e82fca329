/**
 * A file download: always `attachment`, never shown in the page; not cached; not sniffed; and
 * should a browser render it all the same, a policy that lets it run and load nothing.
 */
export function downloadResponse(
	bytes: Uint8Array | ReadableStream<Uint8Array>,
	file: { fileName: string; contentType: string },
) {
	const headers = new Headers({
		'Content-Type': file.contentType,
		'Content-Disposition': attachmentDisposition(file.fileName),
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
		'Cross-Origin-Resource-Policy': 'same-origin',
		'Cache-Control': 'private, no-store',
	})
	if (bytes instanceof Uint8Array) headers.set('Content-Length', String(bytes.byteLength))
	return new Response(bytes as BodyInit, { headers })
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): `filename` in plain ASCII for
 * old clients (accents dropped, anything else `_`), and `filename*` in UTF-8, percent-encoded as
 * RFC 5987 requires (`'`, `(`, `)` and `*` too, which `encodeURIComponent` leaves as they are).
 */
export function attachmentDisposition(fileName: string) {
	const ascii = fileName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_')
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	)
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
