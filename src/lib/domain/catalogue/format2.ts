import { z } from 'zod';
import { childminderContactKindSchema } from '../registers/childminding';
import { familyEducationKindSchema } from '../registers/familyEducation';
import { qualificationKindSchema } from '../registers/qualifications';

/**
 * The parts format 2 adds to a criterion (docs/catalogue-format.md): UND/ODER expressions,
 * frequency thresholds over the registers, the questionnaire variants a criterion applies to and
 * the evidence the certification body expects. Kept apart from ./schema so that file stays readable.
 */

const partIdSchema = z
	.string()
	.min(1)
	.max(40)
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich');

/** Erstzertifizierung („neu“) or Rezertifizierung („re“). */
export const roundKindSchema = z.enum(['neu', 're']);
export type RoundKind = z.infer<typeof roundKindSchema>;

/** A single centre („einzel“) or a Verbund of up to five Kitas. */
export const roundFormSchema = z.enum(['einzel', 'verbund']);
export type RoundForm = z.infer<typeof roundFormSchema>;

/** The questionnaires that ask a criterion; a missing list means every form or kind. */
export const variantApplicabilitySchema = z.object({
	forms: z.array(roundFormSchema).min(1).optional(),
	kinds: z.array(roundKindSchema).min(1).optional()
});
export type VariantApplicability = z.infer<typeof variantApplicabilitySchema>;

/**
 * An expression over a criterion's item and threshold ids: an id, or UND / ODER of at least two
 * expressions. `{ "oder": ["1.3", "1.3.1"] }` is „1.3 ODER 1.3.1“.
 */
export type RequirementExpression =
	string | { und: RequirementExpression[] } | { oder: RequirementExpression[] };

export const requirementSchema: z.ZodType<RequirementExpression> = z.lazy(() =>
	z.union([
		partIdSchema,
		z.strictObject({ und: z.array(requirementSchema).min(2, 'UND verbindet mindestens zwei Teile') }),
		z.strictObject({ oder: z.array(requirementSchema).min(2, 'ODER verbindet mindestens zwei Teile') })
	])
);

/** What a threshold counts. */
export const thresholdSourceSchema = z.enum([
	/** Office-hour sessions held (Erziehungsberatung). */
	'officeHourSessions',
	/** Family-education offers with at least one session in the window. */
	'familyEducationOffers',
	/** Single sessions of family-education offers. */
	'familyEducationSessions',
	/** Kindertagespflege contacts (their summed counts). */
	'childminderContacts',
	/** Prevention offers in force in the window. */
	'preventionOffers',
	/** Trainings and qualifications of the staff (qualifications register). */
	'qualifications'
]);
export type ThresholdSource = z.infer<typeof thresholdSourceSchema>;

/** The window a threshold's minimum applies to: the whole period, each half, each month. */
export const thresholdPerSchema = z.enum(['period', 'half', 'month']);
export type ThresholdPer = z.infer<typeof thresholdPerSchema>;

export const thresholdSchema = z.object({
	/** Unique within the criterion; used in `requires`. */
	id: partIdSchema,
	/** Short German label for messages: „Kurs mit mindestens 8 Terminen“. */
	label: z.string().min(1).max(160),
	source: thresholdSourceSchema,
	/** At least this many in each window. */
	min: z.number().int().min(1).max(10_000),
	per: thresholdPerSchema,
	/** per month: in how many months of the period the minimum must be reached (default: every month). */
	months: z.number().int().min(1).max(12).optional(),
	/** Which entries count; every filter that is given must hold. */
	where: z
		.strictObject({
			offerKinds: z.array(familyEducationKindSchema).min(1).optional(),
			/** Offers with at least this many sessions (a course of at least 8 sessions). */
			minSessions: z.number().int().min(1).max(400).optional(),
			/** Only entries on a Saturday or Sunday (a weekend offer). */
			weekend: z.boolean().optional(),
			contactKinds: z.array(childminderContactKindSchema).min(1).optional(),
			qualificationKinds: z.array(qualificationKindSchema).min(1).optional(),
			/** Qualifications of at least this many hours. */
			minHours: z.number().min(0.5).max(10_000).optional(),
			/** Qualifications not older than this many years at the end of the period. */
			maxAgeYears: z.number().int().min(1).max(50).optional()
		})
		.default({}),
	/** Verbund: counted per site (Kita); every site must reach the minimum. */
	perSite: z.boolean().default(false)
});
export type Threshold = z.infer<typeof thresholdSchema>;

export const evidenceRequirementKindSchema = z.enum([
	'vereinbarung',
	'qualifikation',
	'konzept',
	'aushang',
	'protokoll',
	'sonstiges'
]);
export type EvidenceRequirementKind = z.infer<typeof evidenceRequirementKindSchema>;

/** Evidence the certification body expects for a criterion. */
export const evidenceRequirementSchema = z.object({
	id: partIdSchema,
	kind: evidenceRequirementKindSchema,
	label: z.string().min(1).max(200),
	/** Must be submitted anew in every round (qualifications, cooperation agreements). */
	newEachRound: z.boolean().default(false),
	/** Not older than this many years at the end of the period (one- or two-day courses: 7). */
	maxAgeYears: z.number().int().min(1).max(50).optional(),
	/** Trainings of at least this many hours (6), a qualification of at least 30. */
	minHours: z.number().min(0.5).max(10_000).optional()
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;
