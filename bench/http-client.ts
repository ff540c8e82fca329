import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http'

export type HttpResponse = { status: number; body: string; headers: IncomingHttpHeaders }

/**
 * A plain HTTP/1.1 client on kept-alive connections. The simulated editors share the machine's two
 * cores with the server and PostgreSQL, so the lighter the client, the less of its own cost the
 * figures carry: node:http does less per request than `fetch` and its WHATWG streams. With
 * `timeoutMs`, a request without an answer by then fails (its outcome unknown).
 */
export function httpClient(origin: string, agent: Agent, options: { timeoutMs?: number } = {}) {
	const { hostname, port } = new URL(origin)
	return (method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body = '') =>
		new Promise<HttpResponse>((resolve, reject) => {
			const request = httpRequest(
				{
					agent,
					hostname,
					port,
					method,
					path,
					headers: body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers,
				},
				(response) => {
					let text = ''
					response.setEncoding('utf8')
					response.on('data', (chunk: string) => (text += chunk))
					response.on('end', () =>
						resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }),
					)
					response.on('error', reject)
				},
			)
			if (options.timeoutMs) {
				request.setTimeout(options.timeoutMs, () => request.destroy(new Error('timed out')))
			}
			request.on('error', reject)
			request.end(body)
		})
}
