import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findParty, listConventionStatus, setConventionStatus } from '#db/queries/parties.ts'
import { CONVENTION_STATUSES, CONVENTIONS } from '#db/types.ts'
import { PARTY_STATUS_RELEASE } from '#forms/codelists/party-status.ts'
import type { Route } from './+types/country.ts'
import { FormError } from '../../components/forms.tsx'
import { isoDate } from './cycle-schema.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDate } from '#forms/locale-format.ts'
import { LANGUAGES } from '../../utils/i18n.ts'
import { partyCodeText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { parseForm, routeParam } from '../../utils/request.server.ts'
import { useSentence } from '../../components/sentence.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const StatusSchema = z.object({
	convention: z.enum(CONVENTIONS),
	status: z.enum(CONVENTION_STATUSES),
	consentedOn: z.union([z.literal(''), isoDate]).optional(),
	note: z.string().trim().max(500).optional(),
})

async function loadParty(context: Route.LoaderArgs['context'], code: string) {
	const party = await findParty(context.get(dbContext), routeParam(code, partyCodeText))
	if (!party) throw notFound()
	return party
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const party = await loadParty(context, params.partyCode)
	const statuses = await listConventionStatus(context.get(dbContext), party.code)
	return {
		party: { ...party, name: party.names[context.get(languageContext)] || party.names.en },
		release: PARTY_STATUS_RELEASE,
		statuses: CONVENTIONS.map((convention) => {
			const s = statuses.find((x) => x.convention === convention)
			return {
				convention,
				status: s?.status ?? null,
				signedOn: s?.signedOn ?? null,
				consentedOn: s?.consentedOn ?? null,
				instrument: s?.instrument ?? null,
				inForceOn: s?.inForceOn ?? null,
				release: s?.release ?? null,
				updatedAt: s?.updatedAt.toISOString() ?? null,
				note: s?.note ?? '',
			}
		}),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const party = await loadParty(context, params.partyCode)
	const parsed = await parseForm(request, StatusSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	await db.transaction().execute(async (trx) => {
		await setConventionStatus(trx, {
			partyCode: party.code,
			convention: parsed.data.convention,
			status: parsed.data.status,
			consentedOn: parsed.data.consentedOn || null,
			note: parsed.data.note || null,
			updatedBy: admin.id,
		})
		await recordAuditEvent(trx, {
			actorUserId: admin.id,
			action: 'party.convention_status_changed',
			subjectType: 'party',
			subjectId: party.code,
			partyCode: party.code,
			details: parsed.data,
		})
	})
	return { done: 'admin:country.saved' }
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		loaderData ? `${loaderData.party.name} (${loaderData.party.code})` : undefined,
		t('admin:countries.title'),
	])

export default function CountryAdminPage() {
	const { t, i18n } = useTranslation()
	const sentence = useSentence()
	const { party, release, statuses } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<section aria-labelledby="country-title" className="stack">
			<h1 id="country-title">
				{party.name} ({party.code})
			</h1>
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done)}
				</p>
			) : null}
			<FormError failure={result && 'fieldErrors' in result ? result : undefined} />
			<dl className="summary-list">
				<dt>{t('admin:countries.region')}</dt>
				<dd>{party.regionalGroup ? t(`regions.${party.regionalGroup}`) : '—'}</dd>
				<dt>ISO 3166 alpha-2 / M49</dt>
				<dd>
					{party.alpha2} / {party.m49 ?? '—'}
				</dd>
				{LANGUAGES.map((l) => (
					<div key={l} className="summary-list__row">
						<dt>{t('admin:country.nameIn', { language: l })}</dt>
						<dd lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
							{party.names[l]}
						</dd>
					</div>
				))}
			</dl>
			<h2>{t('admin:country.conventions')}</h2>
			<p>{t('admin:country.statusHelp')}</p>
			{statuses.map((s) => (
				<section
					key={s.convention}
					className="stack"
					aria-labelledby={`convention-${s.convention}`}
				>
					<h3 id={`convention-${s.convention}`}>{t(`conventions.${s.convention}`)}</h3>
					<dl className="summary-list">
						<dt>{t('admin:country.status')}</dt>
						<dd>{s.status ? t(`conventionStatus.${s.status}`) : '—'}</dd>
						<dt>{t('admin:country.signedOn')}</dt>
						<dd>{s.signedOn ? formatDate(s.signedOn, i18n.language) : '—'}</dd>
						<dt>{t('admin:country.instrument')}</dt>
						<dd>
							{s.status === 'party'
								? `${t(`admin:country.instruments.${s.instrument ?? 'unspecified'}`)}, `
								: '—'}
							{s.status === 'party' ? (
								<bdi>
									{s.consentedOn
										? formatDate(s.consentedOn, i18n.language)
										: t('admin:country.notRecorded')}
								</bdi>
							) : null}
						</dd>
						<dt>{t('admin:country.inForceOn')}</dt>
						<dd>{s.inForceOn ? formatDate(s.inForceOn, i18n.language) : '—'}</dd>
						<dt>{t('admin:country.source')}</dt>
						<dd>
							{s.release
								? sentence('admin:country.release', {
										version: s.release,
										source: release.source,
										asOf: formatDate(release.statusAsOf, i18n.language),
										readOn: formatDate(release.readOn, i18n.language),
									})
								: s.updatedAt
									? sentence('admin:country.byAdmin', {
											date: formatDate(s.updatedAt, i18n.language),
										})
									: '—'}
							{s.note ? <bdi className="field-help">{s.note}</bdi> : null}
						</dd>
					</dl>
					<Form method="post" className="inline-form" aria-label={t(`conventions.${s.convention}`)}>
						<input type="hidden" name="convention" value={s.convention} />
						<label>
							<span className="visually-hidden">{t('admin:country.status')}</span>
							<select name="status" defaultValue={s.status ?? 'non_party'}>
								{CONVENTION_STATUSES.map((st) => (
									<option key={st} value={st}>
										{t(`conventionStatus.${st}`)}
									</option>
								))}
							</select>
						</label>
						<label>
							<span className="visually-hidden">{t('admin:country.consentedOn')}</span>
							<input
								type="date"
								name="consentedOn"
								defaultValue={s.consentedOn ?? ''}
								title={t('admin:country.consentedOn')}
							/>
						</label>
						<label>
							<span className="visually-hidden">{t('admin:country.note')}</span>
							<input
								name="note"
								defaultValue={s.release ? '' : s.note}
								placeholder={t('admin:country.note')}
								maxLength={500}
							/>
						</label>
						<button type="submit" className="button button--secondary">
							{t('actions.save')}
						</button>
					</Form>
				</section>
			))}
			<p className="muted">{t('admin:country.knownGaps', { gaps: release.knownGaps })}</p>
		</section>
	)
}
