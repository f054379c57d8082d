import {
	childminderArrangementInputSchema,
	childminderArrangementKindLabels,
	childminderContactInputSchema,
	childminderContactKindLabels
} from '$lib/domain/registers/childminding';
import { childminderArrangementsCsv, childminderContactsCsv } from '$lib/domain/registers/csv/registers';
import type { RegisterDescription } from './description';

/** Kindertagespflege: information and mediation contacts, and standing arrangements. */
export const childmindingRegister: RegisterDescription = {
	segment: 'kindertagespflege',
	title: 'Kindertagespflege',
	pageTitle: 'Kindertagespflege',
	intro:
		'Wie das Familienzentrum über Kindertagespflege informiert und vermittelt, und welche Vereinbarungen es gibt. Tagespflegepersonen nur mit einer Bezeichnung wie „Tagespflegeperson A“.',
	periodic: true,
	draftRegister: 'childminding',
	summary: 'childminding',
	tables: [
		{
			kind: 'contact',
			section: {
				id: 'kt-contacts',
				title: 'Information und Vermittlung',
				add: 'Kontakt eintragen',
				empty: 'Keine Kontakte im {period}'
			},
			table: 'childminderContacts',
			schema: childminderContactInputSchema,
			labels: { kind: childminderContactKindLabels },
			csv: {
				name: 'kindertagespflege',
				periodic: true,
				build: (data, period) => childminderContactsCsv(data.childminderContacts, period)
			}
		},
		{
			kind: 'arrangement',
			section: {
				id: 'kt-arrangements',
				title: 'Kooperation, Räume, Vertretung',
				add: 'Vereinbarung eintragen',
				csv: 'Vereinbarungen als CSV',
				empty: 'Keine Vereinbarungen im {period}'
			},
			table: 'childminderArrangements',
			schema: childminderArrangementInputSchema,
			labels: { kind: childminderArrangementKindLabels },
			csv: {
				name: 'kindertagespflege-vereinbarungen',
				periodic: true,
				build: (data, period) => childminderArrangementsCsv(data.childminderArrangements, period)
			}
		}
	]
};
