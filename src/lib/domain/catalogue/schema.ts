import { z } from 'zod';
import { criterionRuleSchema } from '../criterionRules/schema';
import { crossCheckCatalogue } from './crossChecks';

/** Leistungsbereich, Strukturbereich or (chosen by the centre) Profilbereich. */
export const areaKindSchema = z.enum(['leistung', 'struktur', 'profil']);
export type AreaKind = z.infer<typeof areaKindSchema>;

/** Basis criteria are the floor of the seal; Aufbau criteria are the more demanding ones. */
export const criterionLevelSchema = z.enum(['basis', 'aufbau']);
export type CriterionLevel = z.infer<typeof criterionLevelSchema>;

/** Betrachtungszeitraum: a Kindergartenjahr (1 Aug – 31 Jul) or a calendar year. */
export const reviewPeriodKindSchema = z.enum(['kindergartenjahr', 'kalenderjahr']);
export type ReviewPeriodKind = z.infer<typeof reviewPeriodKindSchema>;

const idSchema = z
	.string()
	.min(1)
	.max(40)
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich');

export const minimumSchema = z.object({
	/** Points that must be reached within the area (or overall). */
	points: z.number().int().min(0).optional(),
	/** Basis criteria that must be met within the area (or overall). */
	basisCount: z.number().int().min(0).optional()
});
export type Minimum = z.infer<typeof minimumSchema>;

export const areaSchema = z.object({
	id: idSchema,
	kind: areaKindSchema,
	title: z.string().min(1),
	description: z.string().optional(),
	minimum: minimumSchema
});
export type Area = z.infer<typeof areaSchema>;

export const criterionSchema = z.object({
	/** Stable across catalogue versions where the meaning is unchanged, e.g. "1.2". */
	id: idSchema,
	areaId: idSchema,
	level: criterionLevelSchema,
	points: z.number().int().min(0).max(20),
	title: z.string().min(1).max(200),
	explanation: z.string().min(1),
	typicalEvidence: z.array(z.string().min(1)).default([]),
	rules: z.array(criterionRuleSchema).optional()
});
export type Criterion = z.infer<typeof criterionSchema>;

export const overallMinimumSchema = z.object({
	points: z.number().int().min(0).optional(),
	/** Basis criteria across all Leistungsbereiche. */
	basisLeistung: z.number().int().min(0).optional(),
	/** Basis criteria across all Strukturbereiche. */
	basisStruktur: z.number().int().min(0).optional()
});
export type OverallMinimum = z.infer<typeof overallMinimumSchema>;

const catalogueFieldsSchema = z.object({
	format: z.literal('guetesiegel-katalog/1'),
	/** Which catalogue this is, e.g. "familienzentrum-nrw"; versions of one catalogue share it. */
	id: idSchema,
	/** e.g. "2026.1-arbeitsfassung"; a dossier records the version it was assessed against. */
	version: z.string().min(1).max(60),
	title: z.string().min(1),
	/** false for our own working text; true only for a transcription of the ministry's publication. */
	official: z.boolean(),
	notice: z.string().optional(),
	validFrom: z.iso.date().optional(),
	reviewPeriod: reviewPeriodKindSchema,
	areas: z.array(areaSchema).min(1),
	criteria: z.array(criterionSchema).min(1),
	overallMinimum: overallMinimumSchema
});
export type Catalogue = z.infer<typeof catalogueFieldsSchema>;

/**
 * The catalogue format, with the checks across fields (unique ids, known areas, reachable minimums)
 * that run once every field is valid. Their messages are German: they reach the import screen.
 */
export const catalogueSchema = catalogueFieldsSchema.superRefine((catalogue, ctx) => {
	for (const issue of crossCheckCatalogue(catalogue))
		ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
