import { useTranslation } from '../../utils/use-translation.tsx'
import type { CommonalityAnalysis } from '#forms/commonality.ts'
import type { ConsistencyFinding } from '#forms/reuse/party-analysis.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { useFormat } from '../../utils/use-format.ts'

/**
 * The two parts of the commonality analysis that read Parties' submissions: quantities given
 * differently in two forms (after conversion to one unit), and how many questions of each form
 * "report once" could answer from a Party's other submissions.
 */

type Names = { parties: Map<string, string>; forms: Map<string, string> }

function useNumber() {
	const format = useFormat()
	return (value: number) => format.number(value, { maximumFractionDigits: 3 })
}

/** What a finding is about, named in the reader's language (the chemical by its name, not its CAS number). */
function dimsText(
	finding: Pick<ConsistencyFinding, 'dims' | 'dimLabels'>,
	t: (key: string, params: Record<string, string | undefined>) => string,
) {
	return Object.keys(finding.dims)
		.sort()
		.map((name) =>
			t('commonality.consistency.dim', {
				name: t(`commonality.consistency.dimNames.${name}`, { defaultValue: name }),
				value: finding.dimLabels?.[name] ?? finding.dims[name],
			}),
		)
		.join(' · ')
}

export function ConsistencySection({
	analysis,
	names,
}: {
	analysis: CommonalityAnalysis
	names: Names
}) {
	const { t } = useTranslation('exports')
	const number = useNumber()
	const findings = analysis.consistency ?? []
	return (
		<section aria-labelledby="consistency-title" className="stack">
			<h2 id="consistency-title">{t('commonality.consistency.title')}</h2>
			<p>{t('commonality.consistency.intro')}</p>
			{findings.length === 0 ? (
				<p>{t('commonality.consistency.none')}</p>
			) : (
				<ScrollRegion labelledBy="consistency-caption">
					<table className="data-table">
						<caption id="consistency-caption">
							{t('commonality.consistency.caption', { count: findings.length })}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t('commonality.consistency.party')}</th>
								<th scope="col">{t('commonality.consistency.concept')}</th>
								<th scope="col">{t('commonality.consistency.about')}</th>
								<th scope="col">{t('commonality.consistency.values')}</th>
							</tr>
						</thead>
						<tbody>
							{findings.map((finding) => (
								<tr
									key={`${finding.partyCode}-${finding.conceptId}-${JSON.stringify(finding.dims)}`}
									data-finding={finding.partyCode}
								>
									<th scope="row">{names.parties.get(finding.partyCode) ?? finding.partyCode}</th>
									<td>{finding.conceptId}</td>
									<td>{dimsText(finding, (key, params) => t(key, params))}</td>
									<td>
										<ul className="plain-list">
											{finding.values.map((value) => (
												<li key={value.submissionId}>
													{t('commonality.consistency.value', {
														amount: number(value.amount),
														unit: finding.canonicalUnit,
														form: names.forms.get(value.formId) ?? value.formId,
														cycle: value.cycleCode,
														item: value.itemId,
													})}
												</li>
											))}
										</ul>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			)}
		</section>
	)
}

export function BurdenSection({
	analysis,
	names,
}: {
	analysis: CommonalityAnalysis
	names: Names
}) {
	const { t } = useTranslation('exports')
	const burden = (analysis.burden ?? []).filter((row) => row.prefillable > 0)
	return (
		<section aria-labelledby="burden-title" className="stack">
			<h2 id="burden-title">{t('commonality.burden.title')}</h2>
			<p>{t('commonality.burden.intro')}</p>
			{burden.length === 0 ? (
				<p>{t('commonality.burden.none')}</p>
			) : (
				<ScrollRegion labelledBy="burden-caption">
					<table className="data-table">
						<caption id="burden-caption">{t('commonality.burden.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('commonality.consistency.party')}</th>
								<th scope="col">{t('commonality.burden.form')}</th>
								<th scope="col">{t('commonality.burden.prefillable')}</th>
							</tr>
						</thead>
						<tbody>
							{burden.map((row) => (
								<tr key={`${row.partyCode}-${row.formId}`}>
									<th scope="row">{names.parties.get(row.partyCode) ?? row.partyCode}</th>
									<td>{names.forms.get(row.formId) ?? row.formId}</td>
									<td>
										{t('commonality.burden.count', {
											prefillable: row.prefillable,
											count: row.questions,
										})}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			)}
		</section>
	)
}
