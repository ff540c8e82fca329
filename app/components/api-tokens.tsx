import { useTranslation } from '../utils/use-translation.tsx'
import { Form } from 'react-router'
import type { ApiScope } from '#db/types.ts'
import { formatDateTime } from '#forms/locale-format.ts'
import { CheckboxGroup, Field, SelectField, valueOf, type FormFailureData } from './forms.tsx'
import { ScrollRegion } from './scroll-region.tsx'

/** Token lifetimes offered, in days (the server accepts these only). */
const LIFETIMES = ['30', '90', '365'] as const

type TokenRow = {
	id: string
	name: string
	tokenPrefix: string
	scopes: ApiScope[]
	createdAt: string
	expiresAt: string
	lastUsedAt: string | null
	state: 'active' | 'expired' | 'revoked'
}

/** `t` reads `:` as a namespace separator: scope names are looked up with `_`. */
const scopeKey = (scope: ApiScope) => scope.replace(':', '_')

/**
 * The account page's personal API tokens: the user's tokens (live, expired, revoked) with a revoke
 * button each, a form to create one, and the token just created, shown this once. Users whose roles
 * allow no scope see only tokens they already hold (to revoke them).
 */
export function ApiTokensSection({
	allowedScopes,
	tokens,
	created,
	failure,
}: {
	allowedScopes: ApiScope[]
	tokens: TokenRow[]
	created?: { name: string; token: string }
	failure?: FormFailureData
}) {
	const { t } = useTranslation()
	if (allowedScopes.length === 0 && tokens.length === 0) return null
	const ownFailure = failure?.values?.intent === 'create-token' ? failure : undefined
	return (
		<section aria-labelledby="api-tokens-title" className="stack">
			<h2 id="api-tokens-title">{t('account.tokens.title')}</h2>
			<p>
				{t('account.tokens.intro', { header: 'Authorization: Bearer' })}{' '}
				<a href="/api/v1/docs">{t('account.tokens.docsLink')}</a>
			</p>
			{created ? (
				<div role="status" className="alert alert--success stack">
					<p>{t('account.tokens.createdOnce')}</p>
					<Field
						label={t('account.tokens.createdLabel', { name: created.name })}
						name="createdToken"
						value={created.token}
						readOnly
						spellCheck={false}
						autoComplete="off"
						className="token-value"
					/>
				</div>
			) : null}
			<TokenTable tokens={tokens} />
			{allowedScopes.length > 0 ? (
				<Form method="post" className="stack">
					<h3>{t('account.tokens.createTitle')}</h3>
					<input type="hidden" name="intent" value="create-token" />
					<Field
						label={t('account.tokens.name')}
						help={t('account.tokens.nameHelp')}
						name="name"
						required
						maxLength={100}
						autoComplete="off"
						defaultValue={valueOf(ownFailure, 'name')}
						errors={ownFailure?.fieldErrors?.name}
					/>
					<CheckboxGroup
						legend={t('account.tokens.scopes')}
						name="scopes"
						options={allowedScopes.map((scope) => ({
							value: scope,
							label: `${t(`account.tokens.scope.${scopeKey(scope)}`)}: ${t(`account.tokens.scopeHelp.${scopeKey(scope)}`)}`,
						}))}
						defaultValues={['read:public']}
						errors={ownFailure?.fieldErrors?.scopes}
					/>
					<SelectField
						label={t('account.tokens.lifetime')}
						name="lifetimeDays"
						defaultValue="90"
						options={LIFETIMES.map((days) => ({
							value: days,
							label: t(`account.tokens.lifetimes.d${days}`),
						}))}
						errors={ownFailure?.fieldErrors?.lifetimeDays}
					/>
					<button type="submit" className="button">
						{t('account.tokens.create')}
					</button>
				</Form>
			) : null}
		</section>
	)
}

/** The user's tokens, each with a revoke button while it is active. */
function TokenTable({ tokens }: { tokens: TokenRow[] }) {
	const { t, i18n } = useTranslation()
	return tokens.length === 0 ? (
		<p>{t('account.tokens.none')}</p>
	) : (
		<ScrollRegion labelledBy="tokens-caption">
			<table className="table">
				<caption className="visually-hidden" id="tokens-caption">
					{t('account.tokens.title')}
				</caption>
				<thead>
					<tr>
						<th scope="col">{t('account.tokens.name')}</th>
						<th scope="col">{t('account.tokens.startsWith')}</th>
						<th scope="col">{t('account.tokens.scopes')}</th>
						<th scope="col">{t('account.tokens.createdAt')}</th>
						<th scope="col">{t('account.tokens.expiresAt')}</th>
						<th scope="col">{t('account.tokens.lastUsedAt')}</th>
						<th scope="col">{t('account.tokens.state')}</th>
						<th scope="col">
							<span className="visually-hidden">{t('account.tokens.actions')}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{tokens.map((token) => (
						<tr key={token.id}>
							<th scope="row" dir="auto">
								{token.name}
							</th>
							<td>
								<code>{token.tokenPrefix}…</code>
							</td>
							<td>
								{token.scopes
									.map((scope) => t(`account.tokens.scope.${scopeKey(scope)}`))
									.join(', ')}
							</td>
							<td>{formatDateTime(token.createdAt, i18n.language)}</td>
							<td>{formatDateTime(token.expiresAt, i18n.language)}</td>
							<td>
								{token.lastUsedAt
									? formatDateTime(token.lastUsedAt, i18n.language)
									: t('account.tokens.never')}
							</td>
							<td>{t(`account.tokens.states.${token.state}`)}</td>
							<td>
								{token.state === 'active' ? (
									<Form method="post">
										<input type="hidden" name="intent" value="revoke-token" />
										<input type="hidden" name="tokenId" value={token.id} />
										<button
											type="submit"
											className="button button--secondary"
											aria-label={t('account.tokens.revokeNamed', { name: token.name })}
										>
											{t('account.tokens.revoke')}
										</button>
									</Form>
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	)
}
