import { preventionOfferKindLabels, preventionPhaseLabels } from '$lib/domain/registers/common';
import { preventionCsv } from '$lib/domain/registers/csv/registers';
import {
	preventionNetworkKindLabels,
	preventionOfferInputSchema,
	preventionProfileInputSchema,
	preventionRoleLabels
} from '$lib/domain/registers/prevention';
import type { RegisterDescription } from './description';

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
			schema: preventionProfileInputSchema,
			labels: { networkKind: preventionNetworkKindLabels, role: preventionRoleLabels }
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
			schema: preventionOfferInputSchema,
			labels: { phases: preventionPhaseLabels, offerKinds: preventionOfferKindLabels },
			csv: {
				name: 'praevention',
				periodic: true,
				build: (data, period) => preventionCsv(data.preventionProfile, data.preventionOffers, period)
			}
		}
	]
};
