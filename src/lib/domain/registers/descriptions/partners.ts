import { partnersCsv } from '$lib/domain/registers/csv/registers';
import {
	cooperationPartnerInputSchema,
	PARTNER_KINDS,
	partnerKindLabels
} from '$lib/domain/registers/partners';
import type { FieldSpecs, RegisterDescription } from './description';

/** The fields of a partner's form; the written agreement has its own fields. */
export const cooperationPartnerFieldSpecs = {
	name: {
		label: 'Name der Organisation',
		hint: 'z. B. „Caritas-Erziehungsberatungsstelle Nord“ – keine Privatpersonen.',
		maxlength: 200
	},
	kind: { label: 'Art des Partners', type: 'choice', options: PARTNER_KINDS, labels: partnerKindLabels },
	contactRole: {
		label: 'Ansprechrolle (optional)',
		hint: 'Eine Funktion wie „Leitung der Beratungsstelle“, kein Name.',
		maxlength: 120
	}
} as const satisfies FieldSpecs;

/** Kooperationspartner and their written agreements; not bound to a review period. */
export const partnersRegister: RegisterDescription = {
	segment: 'partner',
	title: 'Kooperationspartner',
	pageTitle: 'Kooperationspartner',
	intro:
		'Partnerorganisationen und die schriftlichen Vereinbarungen mit ihnen. Ansprechpersonen nur mit ihrer Rolle, nicht mit Namen.',
	periodic: false,
	draftRegister: 'partners',
	summary: 'partners',
	tables: [
		{
			kind: 'partner',
			section: {
				id: 'partners-title',
				title: 'Kooperationspartner',
				add: 'Partner eintragen',
				empty: 'Noch keine Kooperationspartner'
			},
			table: 'cooperationPartners',
			schema: cooperationPartnerInputSchema,
			fields: cooperationPartnerFieldSpecs,
			csv: {
				name: 'kooperationspartner',
				periodic: false,
				build: (data, _period, today) => partnersCsv(data.partners, today, data.sealValidUntil)
			}
		}
	]
};
