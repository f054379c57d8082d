import { z } from 'zod';
import { childminderArrangementKindSchema } from '../registers/childminding';
import { familyEducationKindSchema } from '../registers/familyEducation';
import { partnerKindSchema } from '../registers/partners';
import { qualificationsRuleSchema } from './qualifications';

/**
 * Rules a catalogue criterion may declare so the app can check it against the registers
 * (Sprechstunden, Familienbildung, Kindertagespflege, partners, Prävention). A rule only ever
 * yields a suggestion ("laut Register erfüllt"); the leader confirms the status herself.
 * Kinds are the registers' own enums, so a typo in an imported catalogue is reported, not ignored.
 */
const ruleOfferKindSchema = z.enum(familyEducationKindSchema.options, {
	error: `Unbekannte Art eines Familienbildungsangebots (erlaubt: ${familyEducationKindSchema.options.join(', ')})`
});
const rulePartnerKindSchema = z.enum(partnerKindSchema.options, {
	error: `Unbekannte Art eines Kooperationspartners (erlaubt: ${partnerKindSchema.options.join(', ')})`
});
const ruleArrangementKindSchema = z.enum(childminderArrangementKindSchema.options, {
	error: `Unbekannte Art einer Tagespflege-Vereinbarung (erlaubt: ${childminderArrangementKindSchema.options.join(', ')})`
});

export const criterionRuleSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('officeHoursMonthly'),
		/** Months of the review period that must have at least one office-hour session held. */
		minMonths: z.number().int().min(1).max(12).default(10)
	}),
	z.object({
		kind: z.literal('familyEducationOffers'),
		/** Offers with at least one session in the period. */
		min: z.number().int().min(1),
		/** Only offers of these kinds count; all kinds when absent. */
		offerKinds: z.array(ruleOfferKindSchema).min(1).optional()
	}),
	z.object({
		kind: z.literal('partnerAgreement'),
		/** A written agreement with a partner of this kind, in force today (or at the period's end). */
		partnerKind: rulePartnerKindSchema
	}),
	z.object({
		kind: z.literal('childminderContacts'),
		/** Information and mediation contacts (summed counts) in the period. */
		min: z.number().int().min(1)
	}),
	z.object({
		kind: z.literal('childminderArrangement'),
		/** A Kindertagespflege arrangement of this kind in force during the period. */
		arrangementKind: ruleArrangementKindSchema
	}),
	z.object({
		/** Profilbereich Prävention: network named, municipal agreement in force, at least one offer. */
		kind: z.literal('preventionNetwork')
	}),
	qualificationsRuleSchema
]);

export type CriterionRule = z.infer<typeof criterionRuleSchema>;
