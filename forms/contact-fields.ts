import type { ContactField } from './types.ts'

/**
 * The fields of a contact block (national focal point, competent authority, official contact
 * point) as the Stockholm Article 15 and Basel Article 13(3) forms ask them. The DDT questionnaire
 * asks a shorter set of its own.
 */
export const CONTACT_FIELDS: ContactField[] = [
	{ id: 'institution', type: 'text', required: true },
	{ id: 'name', type: 'text', required: true },
	{ id: 'title', type: 'text' },
	{ id: 'address', type: 'long_text', required: true },
	{ id: 'phone', type: 'phone' },
	{ id: 'fax', type: 'phone' },
	{ id: 'email', type: 'email', required: true },
	{ id: 'website', type: 'url' },
]
