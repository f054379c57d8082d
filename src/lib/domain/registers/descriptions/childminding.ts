import {
	childminderArrangementValidityLabels,
	CHILDMINDER_ARRANGEMENT_KINDS,
	CHILDMINDER_CONTACT_KINDS,
	childminderArrangementInputSchema,
	childminderArrangementKindLabels,
	childminderContactInputSchema,
	childminderContactKindLabels
} from '$lib/domain/registers/childminding';
import { childminderArrangementsCsv, childminderContactsCsv } from '$lib/domain/registers/csv/registers';
import { validityFieldSpecs, type FieldSpecs, type RegisterDescription } from './description';

/** The fields of a contact's form. */
export const childminderContactFieldSpecs = {
	date: { label: 'Datum', type: 'date' },
	kind: {
		label: 'Art des Kontakts',
		type: 'choice',
		options: CHILDMINDER_CONTACT_KINDS,
		labels: childminderContactKindLabels
	},
	count: { label: 'Anzahl', hint: 'Wie viele Familien oder Personen', type: 'count' }
} as const satisfies FieldSpecs;

/** The fields of an arrangement's form. */
export const childminderArrangementFieldSpecs = {
	kind: {
		label: 'Art',
		type: 'choice',
		options: CHILDMINDER_ARRANGEMENT_KINDS,
		labels: childminderArrangementKindLabels
	},
	label: {
		label: 'Bezeichnung',
		hint: 'Nur eine Bezeichnung wie „Tagespflegeperson A“ oder „Fachdienst Stadt“ – keine Namen oder Adressen.',
		maxlength: 60
	},
	description: { label: 'Beschreibung (optional)', type: 'long', maxlength: 2000 },
	...validityFieldSpecs(childminderArrangementValidityLabels)
} as const satisfies FieldSpecs;

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
			fields: childminderContactFieldSpecs,
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
			fields: childminderArrangementFieldSpecs,
			csv: {
				name: 'kindertagespflege-vereinbarungen',
				periodic: true,
				build: (data, period) => childminderArrangementsCsv(data.childminderArrangements, period)
			}
		}
	]
};
