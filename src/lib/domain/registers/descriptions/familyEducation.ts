import { familyEducationCsv } from '$lib/domain/registers/csv/registers';
import {
	familyEducationKindLabels,
	familyEducationOfferInputSchema,
	offerLocationLabels
} from '$lib/domain/registers/familyEducation';
import type { RegisterDescription } from './description';

/** Familienbildung: offers and courses with their sessions and the number of participants. */
export const familyEducationRegister: RegisterDescription = {
	segment: 'familienbildung',
	title: 'Familienbildung',
	pageTitle: 'Familienbildung',
	intro: 'Angebote und Kurse mit ihren Terminen und der Zahl der Teilnehmenden – keine Namen.',
	periodic: true,
	draftRegister: 'familyEducation',
	summary: 'familyEducation',
	tables: [
		{
			kind: 'offer',
			section: {
				id: 'offers-title',
				title: 'Angebote und Kurse',
				add: 'Angebot eintragen',
				empty: 'Keine Angebote im {period}'
			},
			table: 'familyEducationOffers',
			schema: familyEducationOfferInputSchema,
			labels: { kind: familyEducationKindLabels, location: offerLocationLabels },
			csv: {
				name: 'familienbildung',
				periodic: true,
				build: (data, period) => familyEducationCsv(data.familyEducationOffers, data.partners, period)
			}
		}
	]
};
