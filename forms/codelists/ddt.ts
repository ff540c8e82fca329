import type { CodeList } from './types.ts'

/**
 * Code lists of the DDT questionnaire (Annex B Part II para 4). The questionnaire's own lists could
 * not be read: these are reconstructed from the Convention and the WHO recommendations it refers
 * to, and should be checked against the 2021–2023 template.
 */
const DATE = '2024-06-30'
const VERSION = '2024.1'

/**
 * Diseases DDT is used against. DDT may be used only for disease vector control in accordance with
 * WHO recommendations (Annex B Part II para 2), which cover indoor residual spraying against the
 * vectors of malaria and of visceral leishmaniasis; anything else is "other".
 */
export const DDT_DISEASES: CodeList = {
	id: 'ddt-diseases',
	version: '2024.2',
	date: DATE,
	source:
		'Reconstructed from Annex B Part II para 2 (disease vector control following WHO recommendations): malaria, leishmaniasis, other. 2024.2: dengue removed (not a use of DDT under those recommendations; it is "other").',
	entries: [
		{ code: 'malaria', labels: { en: 'Malaria', fr: 'Paludisme' } },
		{
			code: 'leishmaniasis',
			labels: {
				en: 'Leishmaniasis (including visceral leishmaniasis, kala-azar)',
				fr: 'Leishmaniose (y compris la leishmaniose viscérale, kala-azar)',
			},
		},
		{
			code: 'other',
			labels: { en: 'Other vector-borne disease', fr: 'Autre maladie à transmission vectorielle' },
		},
	],
}

/** Vectors DDT is used against: those of the diseases above. */
export const DDT_VECTORS: CodeList = {
	id: 'ddt-vectors',
	version: '2024.2',
	date: DATE,
	source:
		'Reconstructed: the vectors of malaria (Anopheles) and of leishmaniasis (sand flies), other. 2024.2: Aedes and Culex removed (they carry no disease of this list; they are "other").',
	entries: [
		{ code: 'anopheles', labels: { en: 'Anopheles mosquitoes', fr: 'Moustiques anophèles' } },
		{ code: 'sand_flies', labels: { en: 'Sand flies (Phlebotomus)', fr: 'Phlébotomes' } },
		{ code: 'other', labels: { en: 'Other vectors', fr: 'Autres vecteurs' } },
	],
}

export const DDT_APPLICATION_METHODS: CodeList = {
	id: 'ddt-application-methods',
	version: VERSION,
	date: DATE,
	source:
		'Reconstructed: indoor residual spraying, the use of DDT under the WHO recommendations (Annex B Part II para 2); nets, larviciding and space spraying for the alternatives (para 5).',
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
	source:
		'Reconstructed: the insecticide classes used in vector control as alternatives to DDT (Annex B Part II para 5).',
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

/**
 * Categories of legal measures on DDT, as used to analyse the measures 108 Parties reported in
 * their national reports (van den Berg et al., "Global trends in the production and use of DDT for
 * control of malaria and other vector-borne diseases", Malaria Journal, 2017).
 */
export const DDT_LEGAL_MEASURES: CodeList = {
	id: 'ddt-legal-measures',
	version: VERSION,
	date: DATE,
	source:
		'Categories of the analysis of the legal measures on DDT reported by Parties (van den Berg et al., Malaria Journal, 2017).',
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
