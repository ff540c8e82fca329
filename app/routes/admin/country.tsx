import { useTranslation } from 'react-i18next'
import { Form, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findParty, listConventionStatus, setConventionStatus } from '#db/queries/parties.ts'
import { CONVENTION_STATUSES, CONVENTIONS } from '#db/types.ts'
import type { Route } from './+types/country.ts'
import { FormError } from '../../components/forms.tsx'
import { dbContext, languageContext } from '../../utils/context.ts'
import { LANGUAGES } from '../../utils/i18n.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { parseForm } from '../../utils/request.server.ts'

const StatusSchema = z.object({
	convention: z.enum(CONVENTIONS),
	status: z.enum(CONVENTION_STATUSES),
	note: z.string().trim().max(500).optional(),
})

async function loadParty(context: Route.LoaderArgs['context'], code: string) {
	const party = await findParty(context.get(dbContext), code)
	if (!party) throw notFound()
	return party
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const party = await loadParty(context, params.partyCode)
	const statuses = await listConventionStatus(context.get(dbContext), party.code)
	return {
		party: { ...party, name: party.names[context.get(languageContext)] || party.names.en },
		statuses: CONVENTIONS.map((convention) => {
			const s = statuses.find((x) => x.convention === convention)
			return {
				convention,
				status: s?.status ?? null,
				isDemo: s?.is_demo ?? false,
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
			isDemo: false,
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

export default function CountryAdminPage() {
	const { t } = useTranslation()
	const { party, statuses } = useLoaderData<typeof loader>()
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
				<Form
					method="post"
					key={s.convention}
					className="inline-form"
					aria-label={t(`conventions.${s.convention}`)}
				>
					<input type="hidden" name="convention" value={s.convention} />
					<span className="inline-form__label">{t(`conventions.${s.convention}`)}</span>
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
						<span className="visually-hidden">{t('admin:country.note')}</span>
						<input
							name="note"
							defaultValue={s.note}
							placeholder={t('admin:country.note')}
							maxLength={500}
						/>
					</label>
					{s.isDemo ? <span className="badge">{t('admin:countries.demo')}</span> : null}
					<button type="submit" className="button button--secondary">
						{t('actions.save')}
					</button>
				</Form>
			))}
		</section>
	)
}
