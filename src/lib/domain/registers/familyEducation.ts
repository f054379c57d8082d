import { z } from 'zod';
import { recordBaseSchema, siteIdSchema } from '../records';
import { countSchema, preventionPhaseSchema, registerDateSchema } from './common';

/**
 * Familienbildung: offers and courses with their sessions. Participants are counted per session;
 * the register never holds who took part.
 */

export const familyEducationKindSchema = z.enum(
	['elternkurs', 'elterncafe', 'informationsabend', 'eltern_kind_gruppe', 'sprachkurs', 'sonstiges'],
	{ error: 'Bitte die Art des Angebots wählen' }
);
export type FamilyEducationKind = z.infer<typeof familyEducationKindSchema>;
export const FAMILY_EDUCATION_KINDS: readonly FamilyEducationKind[] = familyEducationKindSchema.options;
export const familyEducationKindLabels: Record<FamilyEducationKind, string> = {
	elternkurs: 'Elternkurs',
	elterncafe: 'Elterncafé',
	informationsabend: 'Informationsabend',
	eltern_kind_gruppe: 'Eltern-Kind-Gruppe',
	sprachkurs: 'Sprachkurs',
	sonstiges: 'Sonstiges'
};

export const offerLocationSchema = z.enum(['im_zentrum', 'im_sozialraum'], { error: 'Bitte den Ort wählen' });
export type OfferLocation = z.infer<typeof offerLocationSchema>;
export const offerLocationLabels: Record<OfferLocation, string> = {
	im_zentrum: 'Im Familienzentrum',
	im_sozialraum: 'Im Sozialraum'
};

export const courseSessionSchema = z.object({
	date: registerDateSchema,
	participants: countSchema(0, 1000, 'Teilnehmenden')
});
export type CourseSession = z.infer<typeof courseSessionSchema>;

export const familyEducationOfferFields = z.object({
	title: z
		.string({ error: 'Bitte einen Titel angeben' })
		.trim()
		.min(1, 'Bitte einen Titel angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	kind: familyEducationKindSchema,
	/** Cooperation partner running or co-running the offer; null when the centre runs it alone. */
	partnerId: z.string().min(1).max(120).nullable().default(null),
	sessions: z
		.array(courseSessionSchema)
		.min(1, 'Bitte mindestens einen Termin angeben')
		.max(400, 'Höchstens 400 Termine je Angebot'),
	targetGroup: z.string().trim().max(200, 'Höchstens 200 Zeichen').default(''),
	languages: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
	free: z.boolean({ error: 'Bitte angeben, ob das Angebot kostenfrei ist' }),
	location: offerLocationSchema,
	phases: z.array(preventionPhaseSchema).default([]),
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type FamilyEducationOfferFields = z.infer<typeof familyEducationOfferFields>;

export const familyEducationOfferInputSchema = familyEducationOfferFields;
export const familyEducationOfferSchema = recordBaseSchema.extend(familyEducationOfferFields.shape);
export type FamilyEducationOffer = z.infer<typeof familyEducationOfferSchema>;
