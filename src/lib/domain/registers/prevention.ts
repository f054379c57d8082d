import { z } from 'zod';
import { recordBaseSchema, siteIdSchema } from '../records';
import {
	checkRange,
	onlyWhenValid,
	optionalRegisterDateSchema,
	preventionOfferKindSchema,
	preventionPhaseSchema,
	registerDateSchema,
	writtenAgreementSchema
} from './common';

/**
 * Profilbereich Prävention: the agreement with the municipality, the network or programme the
 * centre belongs to, its role, and its offers mapped to the phases of the Präventionskette.
 */

export const preventionNetworkKindSchema = z.enum(
	['fruehe_hilfen', 'kommunale_praeventionskette', 'sonstiges'],
	{
		error: 'Bitte die Art des Netzwerks wählen'
	}
);
export type PreventionNetworkKind = z.infer<typeof preventionNetworkKindSchema>;
export { preventionNetworkKindLabels } from './names';

export const preventionRoleSchema = z.enum(['anlaufstelle', 'beteiligt', 'eigene_angebote'], {
	error: 'Bitte die Rolle des Familienzentrums wählen'
});
export type PreventionRole = z.infer<typeof preventionRoleSchema>;
export const preventionRoleLabels: Record<PreventionRole, string> = {
	anlaufstelle: 'Lokale Anlaufstelle',
	beteiligt: 'Beteiligt an Angeboten',
	eigene_angebote: 'Eigene Angebote'
};

export const preventionProfileFields = z.object({
	/** The written agreement with the municipality; null until there is one. */
	agreement: writtenAgreementSchema.nullable().default(null),
	networkKind: preventionNetworkKindSchema,
	networkName: z
		.string({ error: 'Bitte den Namen des Netzwerks oder Programms angeben' })
		.trim()
		.min(1, 'Bitte den Namen des Netzwerks oder Programms angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	role: preventionRoleSchema
});
export type PreventionProfileFields = z.infer<typeof preventionProfileFields>;

export const preventionProfileInputSchema = preventionProfileFields;
/** One per facility; its id is `preventionProfileId(facilityId)` so two devices meet in one record. */
export const preventionProfileSchema = recordBaseSchema.extend(preventionProfileFields.shape);
export type PreventionProfile = z.infer<typeof preventionProfileSchema>;

export { preventionProfileId } from './names';

export const preventionOfferFields = z.object({
	title: z
		.string({ error: 'Bitte einen Titel angeben' })
		.trim()
		.min(1, 'Bitte einen Titel angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	description: z.string().trim().max(2000, 'Höchstens 2.000 Zeichen').default(''),
	phases: z.array(preventionPhaseSchema).min(1, 'Bitte mindestens eine Phase wählen'),
	offerKinds: z.array(preventionOfferKindSchema).min(1, 'Bitte mindestens eine Art wählen'),
	validFrom: registerDateSchema,
	validTo: optionalRegisterDateSchema,
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type PreventionOfferFields = z.infer<typeof preventionOfferFields>;

/** The labels of the offer form's dates (descriptions/prevention.ts), named by its messages. */
export const preventionOfferValidityLabels = { from: 'Seit', to: 'Bis' } as const;

function checkOffer(o: Pick<PreventionOfferFields, 'validFrom' | 'validTo'>, ctx: z.RefinementCtx) {
	checkRange(o.validFrom, o.validTo, ctx, preventionOfferValidityLabels);
}

export const preventionOfferInputSchema = preventionOfferFields.superRefine(
	checkOffer,
	onlyWhenValid('validFrom', 'validTo')
);
export const preventionOfferSchema = recordBaseSchema
	.extend(preventionOfferFields.shape)
	.superRefine(checkOffer, onlyWhenValid('validFrom', 'validTo'));
export type PreventionOffer = z.infer<typeof preventionOfferSchema>;
