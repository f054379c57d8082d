import { z } from 'zod';
import { recordBaseSchema, siteIdSchema } from '../records';
import { writtenAgreementSchema } from './common';

/** Kooperationspartner: partner organisations and the written agreements with them. */

export const partnerKindSchema = z.enum(
	[
		'erziehungsberatungsstelle',
		'familienbildungsstaette',
		'fachdienst_kindertagespflege',
		'jugendamt',
		'gesundheitsamt',
		'hebamme',
		'grundschule',
		'fruehe_hilfen',
		'sonstige'
	],
	{ error: 'Bitte die Art des Partners wählen' }
);
export type PartnerKind = z.infer<typeof partnerKindSchema>;
export const PARTNER_KINDS: readonly PartnerKind[] = partnerKindSchema.options;
export { partnerKindLabels } from './names';

export const cooperationPartnerFields = z.object({
	/** The organisation, e.g. "Caritas-Erziehungsberatung Nord"; never a private person's name. */
	name: z
		.string({ error: 'Bitte den Namen der Organisation angeben' })
		.trim()
		.min(1, 'Bitte den Namen der Organisation angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	kind: partnerKindSchema,
	/** A role such as "Leitung der Beratungsstelle", not a person's name. */
	contactRole: z.string().trim().max(120, 'Höchstens 120 Zeichen').default(''),
	/** null: no written agreement (yet). */
	agreement: writtenAgreementSchema.nullable().default(null),
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type CooperationPartnerFields = z.infer<typeof cooperationPartnerFields>;

export const cooperationPartnerInputSchema = cooperationPartnerFields;
export const cooperationPartnerSchema = recordBaseSchema.extend(cooperationPartnerFields.shape);
export type CooperationPartner = z.infer<typeof cooperationPartnerSchema>;
