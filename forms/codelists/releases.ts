import type { CodeList } from './types.ts'

/**
 * Source groups of the Standardized Toolkit for Identification and Quantification of Releases of
 * Dioxins, Furans and Other Unintentional POPs (UNEP, 2013 edition), the inventory method UNEP
 * provides for the release inventories of Art. 5(a)(i).
 */
export const TOOLKIT_SOURCE_GROUPS: CodeList = {
	id: 'toolkit-source-groups',
	version: '2013.1',
	date: '2013-01-01',
	source:
		'The ten source groups of the Standardized Toolkit for Identification and Quantification of Releases (UNEP, 2013), listed from background knowledge of the Toolkit, not checked against it.',
	entries: [
		{ code: 'SG1', labels: { en: 'Waste incineration', fr: 'Incinération des déchets' } },
		{
			code: 'SG2',
			labels: {
				en: 'Ferrous and non-ferrous metal production',
				fr: 'Production de métaux ferreux et non ferreux',
			},
		},
		{
			code: 'SG3',
			labels: { en: 'Heat and power generation', fr: 'Production de chaleur et d’électricité' },
		},
		{
			code: 'SG4',
			labels: { en: 'Production of mineral products', fr: 'Production de produits minéraux' },
		},
		{ code: 'SG5', labels: { en: 'Transportation', fr: 'Transports' } },
		{
			code: 'SG6',
			labels: { en: 'Open burning processes', fr: 'Procédés de brûlage à l’air libre' },
		},
		{
			code: 'SG7',
			labels: {
				en: 'Production and use of chemicals and consumer goods',
				fr: 'Production et utilisation de produits chimiques et de biens de consommation',
			},
		},
		{ code: 'SG8', labels: { en: 'Miscellaneous', fr: 'Divers' } },
		{ code: 'SG9', labels: { en: 'Disposal and landfill', fr: 'Élimination et mise en décharge' } },
		{
			code: 'SG10',
			labels: { en: 'Contaminated sites and hotspots', fr: 'Sites contaminés et points chauds' },
		},
	],
}

/** Release vectors of the Toolkit (Art. 5 inventories). */
export const RELEASE_VECTORS: CodeList = {
	id: 'release-vectors',
	version: '2013.1',
	date: '2013-01-01',
	source:
		'The five release vectors of the Standardized Toolkit (UNEP, 2013): air, water, land, product, residue.',
	entries: [
		{ code: 'air', labels: { en: 'Air', fr: 'Air' } },
		{ code: 'water', labels: { en: 'Water', fr: 'Eau' } },
		{ code: 'land', labels: { en: 'Land', fr: 'Sol' } },
		{ code: 'product', labels: { en: 'Product', fr: 'Produit' } },
		{ code: 'residue', labels: { en: 'Residue', fr: 'Résidus' } },
	],
}
