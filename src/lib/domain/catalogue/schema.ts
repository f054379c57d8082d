import { z } from 'zod';
import { criterionRuleSchema } from '../criterionRules/schema';
import { crossCheckCatalogue } from './crossChecks';
import {
	evidenceRequirementSchema,
	requirementSchema,
	thresholdSchema,
	variantApplicabilitySchema
} from './format2';

export {
	evidenceRequirementSchema,
	requirementSchema,
	roundFormSchema,
	roundKindSchema,
	thresholdSchema,
	thresholdSourceSchema,
	thresholdPerSchema,
	variantApplicabilitySchema
} from './format2';
export type {
	EvidenceRequirement,
	RequirementExpression,
	RoundForm,
	RoundKind,
	Threshold,
	ThresholdSource,
	ThresholdPer,
	VariantApplicability
} from './format2';

/** Format 2 (docs/catalogue-format.md); format-1 files are converted to it on import. */
export const CATALOGUE_FORMAT_1 = 'guetesiegel-katalog/1';
export const CATALOGUE_FORMAT_2 = 'guetesiegel-katalog/2';

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

/** A block within an area with its own numbering, e.g. 4B „Berufstätigkeit und zeitsensible Angebote“. */
export const blockSchema = z.object({
	id: idSchema,
	title: z.string().min(1).max(200),
	description: z.string().optional()
});
export type Block = z.infer<typeof blockSchema>;

export const areaSchema = z.object({
	id: idSchema,
	kind: areaKindSchema,
	title: z.string().min(1),
	description: z.string().optional(),
	minimum: minimumSchema,
	/** Blocks in their order; a criterion names its block in `blockId`. */
	blocks: z.array(blockSchema).max(30).optional()
});
export type Area = z.infer<typeof areaSchema>;

/** A sub-item of a criterion, marked by the Leitung like a criterion („1.3.1“). */
export const criterionItemSchema = z.object({
	id: idSchema,
	title: z.string().min(1).max(200),
	explanation: z.string().optional()
});
export type CriterionItem = z.infer<typeof criterionItemSchema>;

export const criterionSchema = z.object({
	/** Stable across catalogue versions where the meaning is unchanged, e.g. "1.2". */
	id: idSchema,
	areaId: idSchema,
	level: criterionLevelSchema,
	points: z.number().int().min(0).max(20),
	title: z.string().min(1).max(200),
	explanation: z.string().min(1),
	typicalEvidence: z.array(z.string().min(1)).default([]),
	/** Format-1 register rules: they only ever suggest a status (criterionRules/evaluate). */
	rules: z.array(criterionRuleSchema).optional(),
	/** The block of its area this criterion belongs to (format 2). */
	blockId: idSchema.optional(),
	/**
	 * Sub-items the Leitung marks one by one (e.g. „1.3.1“). Their ids are unique across the whole
	 * catalogue, criteria included, because a sub-item's status is stored like a criterion's.
	 */
	items: z.array(criterionItemSchema).max(20).optional(),
	/** Frequency thresholds over the registers, usable in `requires` by their id. */
	thresholds: z.array(thresholdSchema).max(20).optional(),
	/**
	 * When the criterion is met by its parts: an UND/ODER expression over its item and threshold ids.
	 * Absent while it has items or thresholds: all of them (UND).
	 */
	requires: requirementSchema.optional(),
	/** Which questionnaires (Einzel/Verbund, Neu/Re) ask this criterion; absent: all of them. */
	appliesTo: variantApplicabilitySchema.optional(),
	/** Evidence the certification body expects (kind, new each round, maximum age, minimum hours). */
	evidenceRequirements: z.array(evidenceRequirementSchema).max(20).optional(),
	/** Verbund: the criterion must be met at every site (Kita) of the Verbund, not once for all. */
	perSite: z.boolean().optional()
});
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionInput = z.input<typeof criterionSchema>;

export const overallMinimumSchema = z.object({
	points: z.number().int().min(0).optional(),
	/** Basis criteria across all Leistungsbereiche. */
	basisLeistung: z.number().int().min(0).optional(),
	/** Basis criteria across all Strukturbereiche. */
	basisStruktur: z.number().int().min(0).optional()
});
export type OverallMinimum = z.infer<typeof overallMinimumSchema>;

/**
 * How statuses, evidence links and citations of an earlier version of the same catalogue carry over:
 * criteria (and sub-items) keep their id unless listed here; `null` means the criterion was dropped.
 */
export const versionMappingSchema = z.object({
	fromVersion: z.string().min(1).max(60),
	criteria: z.record(idSchema, idSchema.nullable())
});
export type VersionMapping = z.infer<typeof versionMappingSchema>;

/**
 * The fields format 2 adds are optional, so a catalogue stored in format 1 (on a device, on the server,
 * in a dossier) is a valid catalogue as it is; an import converts a format-1 file (./parseCatalogue).
 */
const catalogueFieldsSchema = z.object({
	format: z.enum([CATALOGUE_FORMAT_1, CATALOGUE_FORMAT_2]),
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
	/**
	 * The day (MM-DD) the second half of a period starts: thresholds „per half“ look at both halves.
	 * Default: 08-01 for a calendar year (1 Jan – 31 Jul, 1 Aug – 31 Dec), 02-01 for a Kindergartenjahr.
	 */
	secondHalfStarts: z
		.string()
		.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ein Tag im Format MM-TT, z. B. 08-01')
		.optional(),
	areas: z.array(areaSchema).min(1),
	criteria: z.array(criterionSchema).min(1),
	overallMinimum: overallMinimumSchema,
	/** Mappings from earlier versions of this catalogue (renumbered or dropped criteria). */
	mappings: z.array(versionMappingSchema).max(50).optional()
});
export type Catalogue = z.infer<typeof catalogueFieldsSchema>;
/** A catalogue as written in a format-2 file, before defaults are filled in. */
export type CatalogueInput = z.input<typeof catalogueFieldsSchema>;

/**
 * The catalogue format, with the checks across fields (unique ids, known areas, reachable minimums)
 * that run once every field is valid. Their messages are German: they reach the import screen.
 */
export const catalogueSchema = catalogueFieldsSchema.superRefine((catalogue, ctx) => {
	for (const issue of crossCheckCatalogue(catalogue))
		ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
