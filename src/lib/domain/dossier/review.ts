import { z } from 'zod';
import { localDateSchema } from '../records';
import { criterionFeedbackSchema } from './feedback';
import { feedbackMessageSchema } from './feedbackThread';
import {
	dossierEvidenceSchema,
	dossierIdSchema,
	dossierReadinessSchema,
	dossierStatusSchema,
	isoDateTimeSchema
} from './snapshot';
import { dossierSummarySchema } from './versions';

/**
 * What the advisor's pages read (`/api/review/…`): her centres with their readiness, and one centre
 * criterion by criterion in the same shapes a dossier carries (./projection builds both).
 */

export const reviewFacilitySummarySchema = z.object({
	id: dossierIdSchema,
	name: z.string(),
	familienzentrum: z.string(),
	sealValidUntil: localDateSchema.nullable(),
	catalogue: z.object({ id: z.string(), version: z.string(), title: z.string() }),
	readiness: z.object({
		passes: z.boolean(),
		points: z.number(),
		pointsRequired: z.number(),
		areasPassing: z.number(),
		areasCount: z.number(),
		explanations: z.array(z.string())
	}),
	/** When a device of the centre last pushed changes; null if none ever did. */
	lastSyncAt: isoDateTimeSchema.nullable(),
	latestDossier: dossierSummarySchema.nullable(),
	/** Criteria whose feedback asks for improvement. */
	openFeedback: z.number().int()
});
export type ReviewFacilitySummary = z.infer<typeof reviewFacilitySummarySchema>;

export const reviewFacilityListSchema = z.object({ facilities: z.array(reviewFacilitySummarySchema) });

export const reviewFacilityDetailSchema = z.object({
	facility: reviewFacilitySummarySchema.omit({ readiness: true, latestDossier: true, openFeedback: true }),
	/** The catalogue the centre is assessed against (as a plain object; see catalogueSchema). */
	catalogue: z.record(z.string(), z.unknown()),
	statuses: z.array(dossierStatusSchema),
	evidence: z.array(dossierEvidenceSchema),
	feedback: z.array(criterionFeedbackSchema),
	/** The centre's feedback threads (issue 15), every criterion's messages; absent from old servers. */
	messages: z.array(feedbackMessageSchema).default([]),
	readiness: dossierReadinessSchema,
	dossiers: z.array(dossierSummarySchema)
});
export type ReviewFacilityDetail = z.infer<typeof reviewFacilityDetailSchema>;
