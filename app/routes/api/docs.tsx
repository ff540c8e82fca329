import { useTranslation } from '../../utils/use-translation.tsx'
import { useLoaderData } from 'react-router'
import type { Route } from './+types/docs.ts'
import { apiReference, type ReferenceOperation } from '../../api/reference.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

/**
 * `/api/v1/docs`: the API's reference for people, rendered on the server from the OpenAPI
 * document (`/api/v1/openapi.json`): its operations with their parameters and responses, the kinds
 * of problem, and the schemas. Public, like the document; no script or style from elsewhere.
 */
export function loader(_: Route.LoaderArgs) {
	return apiReference()
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('apiDocs.title')])

/** Protocol words the texts name as they are, in every language. */
const PROTOCOL = {
	header: 'Authorization: Bearer',
	rateHeaders: 'RateLimit, RateLimit-Policy',
	retryAfter: 'Retry-After',
	limitParam: 'limit',
	nextLink: 'next',
	etag: 'ETag',
	ifNoneMatch: 'If-None-Match',
	standard: 'RFC 9457, application/problem+json',
}

const anchor = (id: string) => `operation-${id}`
const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/\W+/g, '-')}`

function Operation({ operation }: { operation: ReferenceOperation }) {
	const { t } = useTranslation()
	return (
		<article aria-labelledby={anchor(operation.id)} className="stack api-operation">
			<h4 id={anchor(operation.id)}>
				<code>GET /api/v1{operation.path}</code> {operation.summary}
			</h4>
			<p>{operation.description}</p>
			<p>
				{operation.access === 'public'
					? t('apiDocs.accessPublic')
					: t('apiDocs.accessScope', { scope: operation.access })}
			</p>
			{operation.parameters.length > 0 ? (
				<ScrollRegion labelledBy={`${anchor(operation.id)}-parameters`}>
					<table className="table">
						<caption id={`${anchor(operation.id)}-parameters`}>{t('apiDocs.parameters')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('apiDocs.name')}</th>
								<th scope="col">{t('apiDocs.in')}</th>
								<th scope="col">{t('apiDocs.type')}</th>
								<th scope="col">{t('apiDocs.required')}</th>
								<th scope="col">{t('apiDocs.description')}</th>
							</tr>
						</thead>
						<tbody>
							{operation.parameters.map((parameter) => (
								<tr key={`${parameter.in}-${parameter.name}`}>
									<th scope="row">
										<code>{parameter.name}</code>
									</th>
									<td>{parameter.in}</td>
									<td>
										<code>{parameter.type}</code>
									</td>
									<td>{parameter.required ? t('apiDocs.yes') : t('apiDocs.no')}</td>
									<td>{parameter.description}</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			) : null}
			<ScrollRegion labelledBy={`${anchor(operation.id)}-responses`}>
				<table className="table">
					<caption id={`${anchor(operation.id)}-responses`}>{t('apiDocs.responses')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('apiDocs.status')}</th>
							<th scope="col">{t('apiDocs.description')}</th>
							<th scope="col">{t('apiDocs.content')}</th>
						</tr>
					</thead>
					<tbody>
						{operation.responses.map((response) => (
							<tr key={response.status}>
								<th scope="row">{response.status}</th>
								<td>{response.description}</td>
								<td>
									{response.contentTypes.map((type) => (
										<code key={type} className="api-content-type">
											{type}
										</code>
									))}
									{response.schema ? (
										<a href={`#schema-${response.schema}`}>{response.schema}</a>
									) : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</article>
	)
}

export default function ApiDocsPage() {
	const { t } = useTranslation()
	const reference = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="api-docs-title" className="stack">
			<h1 id="api-docs-title">{t('apiDocs.title')}</h1>
			{reference.description.map((paragraph) => (
				<p key={paragraph}>{paragraph}</p>
			))}
			<p>
				<a href="/api/v1/openapi.json">{t('apiDocs.openapiLink')}</a> ·{' '}
				{t('apiDocs.server', { url: reference.server })}
			</p>

			<nav aria-labelledby="api-docs-contents">
				<h2 id="api-docs-contents">{t('apiDocs.contents')}</h2>
				<ul>
					{reference.groups.map((group) => (
						<li key={group.tag}>
							{group.tag}
							<ul>
								{group.operations.map((operation) => (
									<li key={operation.id}>
										<a href={`#${anchor(operation.id)}`}>
											<code>{operation.path}</code>
										</a>{' '}
										{operation.summary}
									</li>
								))}
							</ul>
						</li>
					))}
				</ul>
			</nav>

			<h2>{t('apiDocs.authentication')}</h2>
			<p>{t('apiDocs.authenticationText', PROTOCOL)}</p>
			<h2>{t('apiDocs.limits')}</h2>
			<p>{t('apiDocs.limitsText', { ...reference.limits, ...PROTOCOL })}</p>
			<h2>{t('apiDocs.pagination')}</h2>
			<p>{t('apiDocs.paginationText', { max: reference.limits.maxPage, ...PROTOCOL })}</p>
			<h2>{t('apiDocs.licence')}</h2>
			<p>
				{t('apiDocs.licenceText', { licence: reference.licence.id })}{' '}
				<a href={reference.licence.url}>{reference.licence.url}</a>
			</p>
			<h2>{t('apiDocs.problems')}</h2>
			<p>{t('apiDocs.problemsText', PROTOCOL)}</p>
			<dl className="summary-list">
				{reference.problems.map((problem) => (
					<div key={problem.kind} id={`problem-${problem.kind}`}>
						<dt>
							<code>{problem.kind}</code> ({problem.status})
						</dt>
						<dd>{problem.title}</dd>
					</div>
				))}
			</dl>

			<h2>{t('apiDocs.operations')}</h2>
			{reference.groups.map((group) => (
				<section key={group.tag} aria-labelledby={tagAnchor(group.tag)} className="stack">
					<h3 id={tagAnchor(group.tag)}>{group.tag}</h3>
					<p>{group.description}</p>
					{group.operations.map((operation) => (
						<Operation key={operation.id} operation={operation} />
					))}
				</section>
			))}

			<h2>{t('apiDocs.schemas')}</h2>
			{reference.schemas.map((schema) => (
				<details key={schema.name} id={`schema-${schema.name}`}>
					<summary>
						<code>{schema.name}</code>
					</summary>
					<pre className="api-schema" tabIndex={0}>
						{schema.json}
					</pre>
				</details>
			))}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
