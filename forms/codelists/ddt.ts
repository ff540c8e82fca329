import type { CodeList } from './types.ts'

const DATE = '2024-06-30'
const VERSION = '2024.1'

/** Diseases DDT (and its alternatives) is used against; [R] list reconstructed from forms-content §2.2. */
export const DDT_DISEASES: CodeList = {
	id: 'ddt-diseases',
	version: VERSION,
	date: DATE,
	source: 'forms-content.md §2.2 [R]: malaria, leishmaniasis/kala-azar, other.',
	entries: [
		{ code: 'malaria', labels: { en: 'Malaria', fr: 'Paludisme' } },
		{
			code: 'leishmaniasis',
			labels: {
				en: 'Leishmaniasis (including visceral leishmaniasis, kala-azar)',
				fr: 'Leishmaniose (y compris la leishmaniose viscérale, kala-azar)',
			},
		},
		{ code: 'dengue', labels: { en: 'Dengue', fr: 'Dengue' } },
		{
			code: 'other',
			labels: { en: 'Other vector-borne disease', fr: 'Autre maladie à transmission vectorielle' },
		},
	],
}

export const DDT_VECTORS: CodeList = {
	id: 'ddt-vectors',
	version: VERSION,
	date: DATE,
	source: 'forms-content.md §2.2 [R]: target vectors.',
	entries: [
		{ code: 'anopheles', labels: { en: 'Anopheles mosquitoes', fr: 'Moustiques anophèles' } },
		{ code: 'sand_flies', labels: { en: 'Sand flies (Phlebotomus)', fr: 'Phlébotomes' } },
		{ code: 'aedes', labels: { en: 'Aedes mosquitoes', fr: 'Moustiques Aedes' } },
		{ code: 'culex', labels: { en: 'Culex mosquitoes', fr: 'Moustiques Culex' } },
		{ code: 'other', labels: { en: 'Other vectors', fr: 'Autres vecteurs' } },
	],
}

export const DDT_APPLICATION_METHODS: CodeList = {
	id: 'ddt-application-methods',
	version: VERSION,
	date: DATE,
	source:
		'forms-content.md §2.2 [R]: IRS is the main method; ITN/LLIN, larviciding for alternatives.',
	entries: [
		{
			code: 'irs',
			labels: {
				en: 'Indoor residual spraying (IRS)',
				fr: 'Pulvérisation intradomiciliaire d’insecticide à effet rémanent (PID)',
			},
		},
		{
			code: 'itn_llin',
			labels: {
				en: 'Insecticide-treated nets / long-lasting insecticidal nets (ITN/LLIN)',
				fr: 'Moustiquaires imprégnées d’insecticide / à imprégnation durable (MII/MILD)',
			},
		},
		{ code: 'larviciding', labels: { en: 'Larviciding', fr: 'Traitement larvicide' } },
		{ code: 'space_spraying', labels: { en: 'Space spraying', fr: 'Pulvérisation spatiale' } },
		{ code: 'other', labels: { en: 'Other method', fr: 'Autre méthode' } },
	],
}

export const INSECTICIDE_CLASSES: CodeList = {
	id: 'insecticide-classes',
	version: VERSION,
	date: DATE,
	source: 'forms-content.md §2.2 [R]: pyrethroids, carbamates, organophosphates, newer classes.',
	entries: [
		{ code: 'pyrethroids', labels: { en: 'Pyrethroids', fr: 'Pyréthrinoïdes' } },
		{ code: 'carbamates', labels: { en: 'Carbamates', fr: 'Carbamates' } },
		{ code: 'organophosphates', labels: { en: 'Organophosphates', fr: 'Organophosphorés' } },
		{ code: 'organochlorines', labels: { en: 'Organochlorines', fr: 'Organochlorés' } },
		{ code: 'neonicotinoids', labels: { en: 'Neonicotinoids', fr: 'Néonicotinoïdes' } },
		{ code: 'pyrroles', labels: { en: 'Pyrroles', fr: 'Pyrroles' } },
		{
			code: 'insect_growth_regulators',
			labels: { en: 'Insect growth regulators', fr: 'Régulateurs de croissance des insectes' },
		},
		{ code: 'microbial', labels: { en: 'Microbial larvicides', fr: 'Larvicides microbiens' } },
		{ code: 'other', labels: { en: 'Other class', fr: 'Autre classe' } },
	],
}

/** Legal-measure categories used in the analysis of 108 Parties' reports (Malaria Journal, 2017) [S]. */
export const DDT_LEGAL_MEASURES: CodeList = {
	id: 'ddt-legal-measures',
	version: VERSION,
	date: DATE,
	source: 'forms-content.md §2.2 [S]: categories from the 2017 Malaria Journal analysis.',
	entries: [
		{
			code: 'production_prohibition',
			labels: { en: 'Prohibition of production', fr: 'Interdiction de la production' },
		},
		{
			code: 'import_prohibition',
			labels: { en: 'Prohibition of import', fr: 'Interdiction de l’importation' },
		},
		{
			code: 'export_prohibition',
			labels: { en: 'Prohibition of export', fr: 'Interdiction de l’exportation' },
		},
		{
			code: 'agricultural_use_prohibition',
			labels: {
				en: 'Prohibition of agricultural use',
				fr: 'Interdiction de l’utilisation agricole',
			},
		},
		{
			code: 'public_health_use_prohibition',
			labels: {
				en: 'Prohibition of public-health use',
				fr: 'Interdiction de l’utilisation en santé publique',
			},
		},
		{
			code: 'production_use_restriction',
			labels: {
				en: 'Restriction on production and/or use',
				fr: 'Restriction de la production et/ou de l’utilisation',
			},
		},
	],
}
