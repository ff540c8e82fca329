import { useTranslation } from '../../utils/use-translation.tsx'
import { useLoaderData } from 'react-router'
import type { Route } from './+types/translations.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { LANGUAGE_NAMES } from '../../utils/i18n.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { translationFiles } from '../../utils/translation-status.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

export function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return { files: translationFiles() }
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:translations.title')])

export default function TranslationsPage() {
	const { t } = useTranslation()
	const { files } = useLoaderData<typeof loader>()
	const count = (status: string) => files.filter((file) => file.status === status).length
	return (
		<section aria-labelledby="translations-title" className="stack">
			<h1 id="translations-title">{t('admin:translations.title')}</h1>
			<p>{t('admin:translations.intro')}</p>
			<p>
				{t('admin:translations.summary', {
					draft: count('draft'),
					reviewed: count('reviewed'),
					missing: count('missing'),
				})}
			</p>
			<ScrollRegion labelledBy="translations-title">
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('admin:translations.language')}</th>
							<th scope="col">{t('admin:translations.area')}</th>
							<th scope="col">{t('admin:translations.name')}</th>
							<th scope="col">{t('admin:translations.status')}</th>
							<th scope="col">{t('admin:translations.problems')}</th>
						</tr>
					</thead>
					<tbody>
						{files.map((file) => (
							<tr key={`${file.language}/${file.area}/${file.name}`}>
								<th scope="row" lang={file.language}>
									{LANGUAGE_NAMES[file.language]}
								</th>
								<td>{t(`admin:translations.areas.${file.area}`)}</td>
								<td>
									<code>{file.name || '—'}</code>
								</td>
								<td>
									<span className={`badge badge--${file.status === 'reviewed' ? 'ok' : 'soon'}`}>
										{t(`admin:translations.statuses.${file.status}`)}
									</span>
								</td>
								<td>{file.problems}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
