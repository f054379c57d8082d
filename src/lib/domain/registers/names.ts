import type { PartnerKind } from './partners';
import type { PreventionNetworkKind } from './prevention';

/**
 * Names and ids of register records that the Übersicht shows (its agreement alerts). Kept apart from
 * the zod schemas in `partners.ts` and `prevention.ts`, which re-export them, so the Übersicht loads
 * without zod.
 */

export const partnerKindLabels: Record<PartnerKind, string> = {
	erziehungsberatungsstelle: 'Erziehungsberatungsstelle',
	familienbildungsstaette: 'Familienbildungsstätte',
	fachdienst_kindertagespflege: 'Fachdienst Kindertagespflege',
	jugendamt: 'Jugendamt',
	gesundheitsamt: 'Gesundheitsamt',
	hebamme: 'Hebamme / Hebammenpraxis',
	grundschule: 'Grundschule',
	fruehe_hilfen: 'Frühe Hilfen',
	sonstige: 'Sonstige'
};

export const preventionNetworkKindLabels: Record<PreventionNetworkKind, string> = {
	fruehe_hilfen: 'Netzwerk Frühe Hilfen',
	kommunale_praeventionskette: 'Kommunale Präventionskette',
	sonstiges: 'Sonstiges Programm'
};

/** The facility's one prevention profile: a fixed id, so two devices meet in one record. */
export function preventionProfileId(facilityId: string): string {
	return `${facilityId}:praevention`;
}
