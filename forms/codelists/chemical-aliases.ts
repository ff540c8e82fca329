/**
 * Other names people search the Stockholm Convention chemicals by, keyed by `CHEMICALS` code,
 * for the chemical pickers (`search.ts`); CAS numbers and the codes themselves (PFOS, PCB,
 * HBCDD…) are searched without being listed here.
 *
 * Sources: the abbreviations and trade or common names used in the listing decisions, the
 * POPs Review Committee risk profiles and the Secretariat's chemical pages (c-decaBDE, BDE-209,
 * HBCD, Kepone, camphechlor, dioxins and furans…), and the French abbreviations of the
 * Convention's French texts where they differ (APFO).
 */
export const CHEMICAL_ALIASES: Readonly<Record<string, readonly string[]>> = {
	ALPHA_HCH: ['alpha-HCH', 'α-HCH', 'HCH'],
	BETA_HCH: ['beta-HCH', 'β-HCH', 'HCH'],
	CHLORDECONE: ['Kepone'],
	DDT: ['dichlorodiphenyltrichloroethane'],
	DECABDE: ['decaBDE', 'c-decaBDE', 'BDE-209', 'decabromodiphenyl oxide'],
	DECHLORANE_PLUS: ['DP'],
	HBCDD: ['HBCD'],
	HEXABB: ['HBB'],
	HEXA_HEPTA_BDE: ['octaBDE', 'c-octaBDE', 'hexaBDE', 'heptaBDE'],
	LCPFCA: ['LC-PFCA', 'PFCA', 'PFNA', 'PFDA'],
	LINDANE: ['gamma-HCH', 'γ-HCH', 'HCH'],
	MCCP: ['MCCPs', 'chlorinated paraffins'],
	PCB: ['polychlorobiphenyls', 'Aroclor'],
	PCDD: ['dioxins', 'PCDD/F'],
	PCDF: ['furans', 'PCDD/F'],
	PFOA: ['APFO', 'C8'],
	PFOS: ['PFOSF'],
	SCCP: ['SCCPs', 'chlorinated paraffins'],
	TETRA_PENTA_BDE: ['pentaBDE', 'c-pentaBDE', 'tetraBDE'],
	TOXAPHENE: ['camphechlor'],
	UV328: ['UV 328'],
}
