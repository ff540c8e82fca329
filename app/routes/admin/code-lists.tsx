import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listParties } from '#db/queries/parties.ts'
import {
	AMENDMENTS,
	ANNEX_AMENDMENT_IDS,
	CHEMICALS,
	DEPOSITARY_EVENT_KINDS,
	amendmentEntryIntoForce,
	amendmentStatus,
	chemicalApplicability,
	laterChangesFor,
	type DepositaryRecord,
	type RecordedEvent,
} from '#forms/codelists/index.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import type { Route } from './+types/code-lists.ts'
import {
	CheckboxGroup,
	Field,
	FormError,
	SelectField,
	valueOf,
	type FormFailureData,
} from '../../components/forms.tsx'
import {
	chemicalsOfAmendment,
	DepositaryEntrySchema,
	listDepositaryReleases,
	loadDepositaryRecord,
	recordDepositaryEntry,
} from '../../domain/depositary-record.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDate, formatDateTime } from '#forms/locale-format.ts'
import { todayIso } from '../../utils/dates.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { positiveIntText } from '../../utils/input.ts'
import { failure, parseForm, parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { useSentence } from '../../components/sentence.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const ViewSchema = z.object({
	party: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{3}$/)
		.optional()
		.catch(undefined),
	recorded: positiveIntText.optional().catch(undefined),
})

/** The latest entry of the record about an amendment's communication, if any. */
function communicationOf(record: DepositaryRecord, amendment: string) {
	return record.events
		.filter((event) => event.kind === 'communication' && event.amendment === amendment)
		.at(-1)
}

function describe(event: RecordedEvent) {
	return {
		kind: event.kind,
		amendment: 'amendment' in event ? event.amendment : null,
		partyCode: 'partyCode' in event ? event.partyCode : null,
		date: event.date,
		chemicals: 'chemicals' in event ? (event.chemicals ?? []) : [],
		reference: event.reference,
		source: event.source,
		verified: event.verified,
	}
}

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const view = parseQuery(request, ViewSchema)
	const today = todayIso()
	const [record, releases, parties] = await Promise.all([
		loadDepositaryRecord(db),
		listDepositaryReleases(db),
		listParties(db),
	])
	const partyName = new Map(parties.map((p) => [p.code, p.names[language] || p.names.en]))
	const chemicalName = (code: string) => codeLabel(CHEMICALS.id, code, language)
	const partyEvents = (kinds: RecordedEvent['kind'][]) =>
		record.events.filter((event) => kinds.includes(event.kind)).map(describe)
	const party = view.party && partyName.has(view.party) ? view.party : undefined

	return {
		today,
		recorded: view.recorded ?? null,
		version: record.version,
		amendments: ANNEX_AMENDMENT_IDS.map((id) => {
			const communication = communicationOf(record, id)
			return {
				id,
				decisions: AMENDMENTS[id].decisions.join(', '),
				adoptedOn: AMENDMENTS[id].adoptedOn,
				communication: communication ? describe(communication) : null,
				entryIntoForce: amendmentEntryIntoForce(id, record),
				status: amendmentStatus(id, today, record),
			}
		}),
		pendingChanges: CHEMICALS.entries.flatMap((chemical) =>
			(chemical.laterChanges ?? []).map((change) => ({
				chemical: chemicalName(chemical.code),
				decision: change.decision,
				summary: change.summary,
				amendment: change.amendment,
				status: amendmentStatus(change.amendment, today, record),
			})),
		),
		declarations: partyEvents(['declaration']).map((declaration) => ({
			...declaration,
			partyName: partyName.get(declaration.partyCode ?? '') ?? declaration.partyCode,
			deposits: partyEvents(['ratification'])
				.filter((deposit) => deposit.partyCode === declaration.partyCode)
				.map((deposit) => ({
					...deposit,
					chemicals: deposit.chemicals.map(chemicalName),
				})),
		})),
		notifications: partyEvents(['non_acceptance', 'withdrawal']).map((notification) => ({
			...notification,
			partyName: partyName.get(notification.partyCode ?? '') ?? notification.partyCode,
		})),
		releases: releases.toReversed().map((release) => ({
			version: release.version,
			recordedAt: release.recordedAt.toISOString(),
			recordedBy: release.recordedByName,
			note: release.note,
			events: release.events.map(describe),
		})),
		partyView: party
			? {
					code: party,
					name: partyName.get(party)!,
					chemicals: CHEMICALS.entries.map((chemical) => {
						const applicability = chemicalApplicability(chemical.code, party, record)!
						return {
							code: chemical.code,
							name: chemicalName(chemical.code),
							annexes: chemical.annexes.join(', '),
							amendment: applicability.amendment,
							basis: applicability.basis,
							inForceFrom: applicability.inForceFrom,
							pending: laterChangesFor(chemical.code, party, today, record)
								.filter((change) => !change.inForce)
								.map((change) => `${change.decision}: ${change.summary}`),
						}
					}),
				}
			: null,
		options: {
			parties: parties.map((p) => ({
				value: p.code,
				label: `${partyName.get(p.code)} (${p.code})`,
			})),
			chemicals: ANNEX_AMENDMENT_IDS.flatMap((amendment) =>
				chemicalsOfAmendment(amendment).map((code) => ({
					value: code,
					label: `${chemicalName(code)} (${amendment})`,
				})),
			),
		},
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const parsed = await parseForm(request, DepositaryEntrySchema)
	if (!parsed.ok) return parsed.response
	const outcome = await recordDepositaryEntry(context.get(dbContext), admin, parsed.data)
	if (!outcome.ok) {
		const { status, ok: _ok, ...body } = outcome
		return failure(status, { ...body, values: { ...parsed.data } })
	}
	return redirect(`/admin/code-lists?recorded=${outcome.version}`)
}

type Loaded = Awaited<ReturnType<typeof loader>>

function EntryForm({
	options,
	failure,
}: {
	options: Loaded['options']
	failure?: FormFailureData
}) {
	const { t } = useTranslation()
	const errors = failure?.fieldErrors ?? {}
	const chosen = failure?.values?.chemicals
	return (
		<Form method="post" className="stack" aria-labelledby="record-title">
			<FormError failure={failure} />
			<SelectField
				label={t('admin:depositary.kind')}
				name="kind"
				defaultValue={valueOf(failure, 'kind', 'communication')}
				options={DEPOSITARY_EVENT_KINDS.map((kind) => ({
					value: kind,
					label: t(`admin:depositary.kinds.${kind}`),
				}))}
				errors={errors.kind}
			/>
			<SelectField
				label={t('admin:depositary.amendment')}
				name="amendment"
				defaultValue={valueOf(failure, 'amendment', 'sc12-2025')}
				options={ANNEX_AMENDMENT_IDS.map((id) => ({
					value: id,
					label: `${id} (${AMENDMENTS[id].decisions.join(', ')})`,
				}))}
				errors={errors.amendment}
			/>
			<SelectField
				label={t('admin:depositary.party')}
				name="partyCode"
				defaultValue={valueOf(failure, 'partyCode')}
				options={[{ value: '', label: t('admin:depositary.noParty') }, ...options.parties]}
				errors={errors.partyCode}
			/>
			<Field
				label={t('admin:depositary.date')}
				help={t('admin:depositary.dateHelp')}
				name="date"
				type="date"
				defaultValue={valueOf(failure, 'date')}
				errors={errors.date}
			/>
			<CheckboxGroup
				legend={t('admin:depositary.chemicals')}
				name="chemicals"
				options={options.chemicals}
				defaultValues={typeof chosen === 'string' ? [chosen] : Array.isArray(chosen) ? chosen : []}
				errors={errors.chemicals}
				columns
			/>
			<Field
				label={t('admin:depositary.reference')}
				help={t('admin:depositary.referenceHelp')}
				name="reference"
				maxLength={300}
				defaultValue={valueOf(failure, 'reference')}
				errors={errors.reference}
			/>
			<Field
				label={t('admin:depositary.source')}
				help={t('admin:depositary.sourceHelp')}
				name="source"
				required
				maxLength={2000}
				defaultValue={valueOf(failure, 'source')}
				errors={errors.source}
			/>
			<Field
				label={t('admin:depositary.note')}
				name="note"
				maxLength={500}
				defaultValue={valueOf(failure, 'note')}
				errors={errors.note}
			/>
			<label className="checkbox">
				<input
					type="checkbox"
					name="verified"
					value="yes"
					defaultChecked={failure ? failure.values?.verified === 'yes' : true}
				/>
				{t('admin:depositary.verified')}
			</label>
			<label className="checkbox">
				<input type="checkbox" name="confirmCorrection" value="yes" />
				{t('admin:depositary.confirmCorrection')}
			</label>
			<button type="submit" className="button">
				{t('admin:depositary.record')}
			</button>
		</Form>
	)
}

type LoadedEvent = Loaded['releases'][number]['events'][number]

/** A date in the page's language, or a dash. */
function useDateText() {
	const { i18n } = useTranslation()
	return (value: string | null) => (value ? formatDate(value, i18n.language) : '—')
}

/** An event of the record on one line: kind, amendment, Party, date, chemicals, reference. */
function useEventText() {
	const { t } = useTranslation()
	const date = useDateText()
	return (event: LoadedEvent) =>
		[
			t(`admin:depositary.kinds.${event.kind}`),
			event.amendment,
			event.partyCode,
			date(event.date),
			event.chemicals.length ? event.chemicals.join(', ') : null,
			event.reference,
		]
			.filter(Boolean)
			.join(' · ')
}

function Unverified() {
	const { t } = useTranslation()
	return <span className="badge badge--soon">{t('admin:depositary.unverified')}</span>
}

function CommunicationCell({ amendment }: { amendment: Loaded['amendments'][number] }) {
	const date = useDateText()
	const { communication } = amendment
	if (!communication) return <td>—</td>
	return (
		<td>
			{date(communication.date)}
			{communication.reference ? (
				<>
					<br />
					<small>{communication.reference}</small>
				</>
			) : null}
			{communication.verified ? null : <Unverified />}
		</td>
	)
}

function AmendmentsTable({
	amendments,
	pendingChanges,
}: Pick<Loaded, 'amendments' | 'pendingChanges'>) {
	const { t } = useTranslation()
	const sentence = useSentence()
	const date = useDateText()
	return (
		<>
			<h2>{t('admin:depositary.amendments')}</h2>
			<ScrollRegion labelledBy="amendments-caption">
				<table className="table">
					<caption className="visually-hidden" id="amendments-caption">
						{t('admin:depositary.amendments')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:depositary.amendment')}</th>
							<th scope="col">{t('admin:depositary.adoptedOn')}</th>
							<th scope="col">{t('admin:depositary.communicatedOn')}</th>
							<th scope="col">{t('admin:depositary.entryIntoForce')}</th>
							<th scope="col">{t('admin:depositary.status')}</th>
						</tr>
					</thead>
					<tbody>
						{amendments.map((amendment) => (
							<tr key={amendment.id}>
								<th scope="row">
									{amendment.id}
									<br />
									<small>{amendment.decisions}</small>
								</th>
								<td>{date(amendment.adoptedOn)}</td>
								<CommunicationCell amendment={amendment} />
								<td>{date(amendment.entryIntoForce)}</td>
								<td>{t(`admin:depositary.statuses.${amendment.status}`)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			{pendingChanges.length ? (
				<ul>
					{pendingChanges.map((change) => (
						<li key={change.decision}>
							{sentence('admin:depositary.laterChange', {
								chemical: change.chemical,
								decision: change.decision,
								summary: change.summary,
								status: t(`admin:depositary.statuses.${change.status}`),
							})}
						</li>
					))}
				</ul>
			) : null}
		</>
	)
}

function DepositsCell({ deposits }: { deposits: Loaded['declarations'][number]['deposits'] }) {
	const { t } = useTranslation()
	const sentence = useSentence()
	const date = useDateText()
	if (!deposits.length) return <td>{t('admin:depositary.noDeposit')}</td>
	return (
		<td>
			<ul>
				{deposits.map((deposit) => (
					<li key={`${deposit.amendment}-${deposit.date}`}>
						{sentence('admin:depositary.deposit', {
							amendment: deposit.amendment,
							date: date(deposit.date),
						})}
						{deposit.chemicals.length ? ` (${deposit.chemicals.join(', ')})` : null}
					</li>
				))}
			</ul>
		</td>
	)
}

function OptInTable({ declarations }: Pick<Loaded, 'declarations'>) {
	const { t } = useTranslation()
	return (
		<>
			<h2>{t('admin:depositary.optIn')}</h2>
			<p>{t('admin:depositary.optInHelp')}</p>
			<ScrollRegion labelledBy="opt-in-caption">
				<table className="table">
					<caption className="visually-hidden" id="opt-in-caption">
						{t('admin:depositary.optIn')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:depositary.party')}</th>
							<th scope="col">{t('admin:depositary.deposits')}</th>
							<th scope="col">{t('admin:depositary.source')}</th>
						</tr>
					</thead>
					<tbody>
						{declarations.map((declaration) => (
							<tr key={declaration.partyCode}>
								<th scope="row">
									<Link to={`?party=${declaration.partyCode}`}>
										{declaration.partyName} ({declaration.partyCode})
									</Link>
									{declaration.verified ? null : <Unverified />}
								</th>
								<DepositsCell deposits={declaration.deposits} />
								<td>
									<small>{declaration.source}</small>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</>
	)
}

function NonAcceptanceList({ notifications }: Pick<Loaded, 'notifications'>) {
	const { t } = useTranslation()
	const eventText = useEventText()
	return (
		<>
			<h2>{t('admin:depositary.nonAcceptance')}</h2>
			{notifications.length ? (
				<ul>
					{notifications.map((notification, i) => (
						<li key={i}>
							{notification.partyName} ({notification.partyCode}) · {eventText(notification)}
						</li>
					))}
				</ul>
			) : (
				<p>{t('admin:depositary.noNonAcceptance')}</p>
			)}
		</>
	)
}

function PartyView({
	partyView,
	parties,
}: {
	partyView: Loaded['partyView']
	parties: Loaded['options']['parties']
}) {
	const { t } = useTranslation()
	const date = useDateText()
	return (
		<>
			<h2>{t('admin:depositary.partyView')}</h2>
			<Form method="get" className="filters" aria-label={t('admin:depositary.partyView')}>
				<SelectField
					label={t('admin:depositary.party')}
					name="party"
					defaultValue={partyView?.code ?? ''}
					options={[{ value: '', label: t('admin:depositary.noParty') }, ...parties]}
				/>
				<button type="submit" className="button button--secondary">
					{t('admin:depositary.show')}
				</button>
			</Form>
			{partyView ? (
				<ScrollRegion labelledBy="party-view-caption">
					<table className="table">
						<caption id="party-view-caption">
							{t('admin:depositary.partyViewCaption', {
								party: `${partyView.name} (${partyView.code})`,
							})}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t('admin:depositary.chemical')}</th>
								<th scope="col">{t('admin:depositary.amendment')}</th>
								<th scope="col">{t('admin:depositary.inForceFrom')}</th>
								<th scope="col">{t('admin:depositary.basis')}</th>
							</tr>
						</thead>
						<tbody>
							{partyView.chemicals.map((chemical) => (
								<tr key={chemical.code}>
									<th scope="row">
										{chemical.name} <small>({chemical.annexes})</small>
										{chemical.pending.map((pending) => (
											<div key={pending}>
												<small>{t('admin:depositary.pendingChange', { change: pending })}</small>
											</div>
										))}
									</th>
									<td>{chemical.amendment}</td>
									<td>{date(chemical.inForceFrom)}</td>
									<td>{t(`admin:depositary.bases.${chemical.basis}`)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			) : null}
		</>
	)
}

function ReleasesTable({ releases }: Pick<Loaded, 'releases'>) {
	const { t, i18n } = useTranslation()
	const eventText = useEventText()
	if (!releases.length) return <p>{t('admin:depositary.noReleases')}</p>
	return (
		<ScrollRegion labelledBy="releases-caption">
			<table className="table">
				<caption className="visually-hidden" id="releases-caption">
					{t('admin:depositary.releases')}
				</caption>
				<thead>
					<tr>
						<th scope="col">{t('admin:depositary.version')}</th>
						<th scope="col">{t('admin:depositary.recordedAt')}</th>
						<th scope="col">{t('admin:depositary.entries')}</th>
					</tr>
				</thead>
				<tbody>
					{releases.map((release) => (
						<tr key={release.version}>
							<th scope="row">{release.version}</th>
							<td>
								{formatDateTime(release.recordedAt, i18n.language)}
								<br />
								<small>{release.recordedBy ?? '—'}</small>
							</td>
							<td>
								{release.events.map((event, i) => (
									<div key={i}>
										{eventText(event)}
										{event.verified ? null : <Unverified />}
										<br />
										<small>{event.source}</small>
									</div>
								))}
								{release.note ? <small>{release.note}</small> : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:depositary.title')])

export default function CodeListsPage() {
	const { t } = useTranslation()
	const data = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<section aria-labelledby="code-lists-title" className="stack">
			<h1 id="code-lists-title">{t('admin:depositary.title')}</h1>
			<p>{t('admin:depositary.intro')}</p>
			{data.recorded ? (
				<p role="status" className="alert alert--success">
					{t('admin:depositary.recorded', { version: data.recorded })}
				</p>
			) : null}
			<AmendmentsTable amendments={data.amendments} pendingChanges={data.pendingChanges} />
			<OptInTable declarations={data.declarations} />
			<NonAcceptanceList notifications={data.notifications} />
			<PartyView partyView={data.partyView} parties={data.options.parties} />
			<h2 id="record-title">{t('admin:depositary.recordTitle')}</h2>
			<p>{t('admin:depositary.recordHelp')}</p>
			<EntryForm
				options={data.options}
				failure={result && 'fieldErrors' in result ? result : undefined}
			/>
			<h2>{t('admin:depositary.releases')}</h2>
			<ReleasesTable releases={data.releases} />
		</section>
	)
}
