/** The code list a chemical question/column uses. */
export const CHEMICAL_LIST_ID = 'sc-chemicals'
/** The code list a country question/column uses. */
export const COUNTRY_LIST_ID = 'countries'
