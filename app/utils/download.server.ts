/** A file download: attachment disposition (UTF-8 name), no caching, no sniffing. */
export function downloadResponse(
	bytes: Uint8Array | ReadableStream<Uint8Array>,
	file: { fileName: string; contentType: string },
) {
	const headers = new Headers({
		'Content-Type': file.contentType,
		'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': 'private, no-store',
	})
	if (bytes instanceof Uint8Array) headers.set('Content-Length', String(bytes.byteLength))
	return new Response(bytes as BodyInit, { headers })
}
