import { z } from 'zod';
import { recordBaseSchema, siteIdSchema } from '../records';
import {
	checkRange,
	onlyWhenValid,
	countSchema,
	optionalRegisterDateSchema,
	registerDateSchema
} from './common';

/**
 * Kindertagespflege: how the centre informs about childminding and mediates it, and its standing
 * arrangements (Fachdienst, rooms, stand-in care, cooperating childminders). Childminders appear
 * only under a label such as "Tagespflegeperson A", never with private data.
 */

export const childminderContactKindSchema = z.enum(['beratung', 'vermittlung', 'infoveranstaltung'], {
	error: 'Bitte die Art des Kontakts wählen'
});
export type ChildminderContactKind = z.infer<typeof childminderContactKindSchema>;
export const CHILDMINDER_CONTACT_KINDS: readonly ChildminderContactKind[] =
	childminderContactKindSchema.options;
export const childminderContactKindLabels: Record<ChildminderContactKind, string> = {
	beratung: 'Beratung',
	vermittlung: 'Vermittlung',
	infoveranstaltung: 'Infoveranstaltung'
};

export const childminderContactFields = z.object({
	date: registerDateSchema,
	kind: childminderContactKindSchema,
	count: countSchema(1, 1000, 'Kontakte'),
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export const childminderContactInputSchema = childminderContactFields;
export const childminderContactSchema = recordBaseSchema.extend(childminderContactFields.shape);
export type ChildminderContact = z.infer<typeof childminderContactSchema>;

export const childminderArrangementKindSchema = z.enum(
	['fachdienst_kooperation', 'raum_fuer_tagespflege', 'vertretung', 'kooperierende_tagespflegeperson'],
	{ error: 'Bitte die Art der Vereinbarung wählen' }
);
export type ChildminderArrangementKind = z.infer<typeof childminderArrangementKindSchema>;
export const CHILDMINDER_ARRANGEMENT_KINDS: readonly ChildminderArrangementKind[] =
	childminderArrangementKindSchema.options;
export const childminderArrangementKindLabels: Record<ChildminderArrangementKind, string> = {
	fachdienst_kooperation: 'Kooperation mit dem Fachdienst',
	raum_fuer_tagespflege: 'Raum für Tagespflege',
	vertretung: 'Vertretungsregelung',
	kooperierende_tagespflegeperson: 'Kooperierende Tagespflegeperson'
};

export const childminderArrangementFields = z.object({
	kind: childminderArrangementKindSchema,
	/** A neutral label such as "Tagespflegeperson A" or "Fachdienst Stadt"; no private data. */
	label: z
		.string({ error: 'Bitte eine Bezeichnung angeben' })
		.trim()
		.min(1, 'Bitte eine Bezeichnung angeben')
		.max(60, 'Höchstens 60 Zeichen – bitte nur eine Bezeichnung wie „Tagespflegeperson A“'),
	description: z.string().trim().max(2000, 'Höchstens 2.000 Zeichen').default(''),
	validFrom: registerDateSchema,
	validTo: optionalRegisterDateSchema,
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type ChildminderArrangementFields = z.infer<typeof childminderArrangementFields>;

/** The labels of the arrangement form's dates (descriptions/childminding.ts), named by its messages. */
export const childminderArrangementValidityLabels = { from: 'Von', to: 'Bis' } as const;

function checkArrangement(
	a: Pick<ChildminderArrangementFields, 'validFrom' | 'validTo'>,
	ctx: z.RefinementCtx
) {
	checkRange(a.validFrom, a.validTo, ctx, childminderArrangementValidityLabels);
}

export const childminderArrangementInputSchema = childminderArrangementFields.superRefine(
	checkArrangement,
	onlyWhenValid('validFrom', 'validTo')
);
export const childminderArrangementSchema = recordBaseSchema
	.extend(childminderArrangementFields.shape)
	.superRefine(checkArrangement, onlyWhenValid('validFrom', 'validTo'));
export type ChildminderArrangement = z.infer<typeof childminderArrangementSchema>;
