import { partnersCsv } from '$lib/domain/registers/csv/registers';
import { cooperationPartnerInputSchema, partnerKindLabels } from '$lib/domain/registers/partners';
import type { RegisterDescription } from './description';

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
			labels: { kind: partnerKindLabels },
			csv: {
				name: 'kooperationspartner',
				periodic: false,
				build: (data, _period, today) => partnersCsv(data.partners, today, data.sealValidUntil)
			}
		}
	]
};
