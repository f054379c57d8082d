import {
	PREVENTION_OFFER_KINDS,
	PREVENTION_PHASES,
	preventionOfferKindLabels,
	preventionPhaseLabels
} from '$lib/domain/registers/common';
import { preventionCsv } from '$lib/domain/registers/csv/registers';
import * as prevention from '$lib/domain/registers/prevention';
import { validityFieldSpecs, type FieldSpecs, type RegisterDescription } from './description';

/** The fields of an offer's form. */
export const preventionOfferFieldSpecs = {
	title: { label: 'Titel', maxlength: 200 },
	description: { label: 'Beschreibung (optional)', type: 'long', maxlength: 2000 },
	phases: {
		legend: 'Phasen der Präventionskette',
		options: PREVENTION_PHASES,
		labels: preventionPhaseLabels
	},
	offerKinds: {
		legend: 'Art des Angebots',
		options: PREVENTION_OFFER_KINDS,
		labels: preventionOfferKindLabels
	},
	...validityFieldSpecs(prevention.preventionOfferValidityLabels)
} as const satisfies FieldSpecs;

/** The fields of the profile's form; the agreement with the municipality has its own fields. */
export const preventionProfileFieldSpecs = {
	networkKind: {
		label: 'Art des Netzwerks',
		type: 'choice',
		options: prevention.preventionNetworkKindSchema.options,
		labels: prevention.preventionNetworkKindLabels
	},
	role: {
		label: 'Rolle des Familienzentrums',
		type: 'choice',
		options: prevention.preventionRoleSchema.options,
		labels: prevention.preventionRoleLabels
	},
	networkName: { label: 'Name des Netzwerks oder Programms', maxlength: 200 }
} as const satisfies FieldSpecs;

/** Profilbereich Prävention: one profile per facility (network, role, agreement), and its offers. */
export const preventionRegister: RegisterDescription = {
	segment: 'praevention',
	title: 'Profilbereich Prävention',
	pageTitle: 'Profilbereich Prävention',
	intro:
		'Vereinbarung mit der Kommune, das Netzwerk oder Programm, die Rolle des Familienzentrums und seine Angebote entlang der Präventionskette.',
	periodic: true,
	draftRegister: 'prevention',
	summary: 'prevention',
	tables: [
		{
			kind: 'profile',
			section: {
				id: 'pv-profile',
				title: 'Netzwerk und Vereinbarung',
				add: 'Eintragen',
				empty: 'Noch kein Netzwerk eingetragen',
				emptyHint: 'Der Profilbereich Prävention braucht in der Regel eine Vereinbarung mit der Kommune.'
			},
			table: 'preventionProfiles',
			schema: prevention.preventionProfileInputSchema,
			fields: preventionProfileFieldSpecs
		},
		{
			kind: 'offer',
			section: {
				id: 'pv-offers',
				title: 'Präventionsangebote',
				add: 'Angebot eintragen',
				empty: 'Keine Präventionsangebote im {period}'
			},
			table: 'preventionOffers',
			schema: prevention.preventionOfferInputSchema,
			fields: preventionOfferFieldSpecs,
			csv: {
				name: 'praevention',
				periodic: true,
				build: (data, period) => preventionCsv(data.preventionProfile, data.preventionOffers, period)
			}
		}
	]
};
