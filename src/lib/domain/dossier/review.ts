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
import { nextRoundDateSchema } from '../review/roundDates';

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
		/** Basis criteria met overall in the Leistungs- and Strukturbereiche, against the minimums. */
		basisLeistung: z.number(),
		basisLeistungRequired: z.number(),
		basisStruktur: z.number(),
		basisStrukturRequired: z.number(),
		areasPassing: z.number(),
		areasCount: z.number()
	}),
	/** The next date of the current certification round still ahead (or today); null if none. */
	nextDate: nextRoundDateSchema.nullable(),
	/** When a device of the centre last pushed changes; null if none ever did. */
	lastSyncAt: isoDateTimeSchema.nullable(),
	latestDossier: dossierSummarySchema.nullable(),
	/**
	 * Open points: criteria whose feedback („nachbessern“, „Frage“) the centre has not answered yet
	 * and the advisor has not marked done (thread state `open`).
	 */
	openFeedback: z.number().int(),
	/** Criteria the centre answered after the latest verdict, still waiting for the advisor. */
	unansweredReplies: z.number().int()
});
export type ReviewFacilitySummary = z.infer<typeof reviewFacilitySummarySchema>;

export const reviewFacilityListSchema = z.object({ facilities: z.array(reviewFacilitySummarySchema) });

export const reviewFacilityDetailSchema = z.object({
	facility: reviewFacilitySummarySchema.omit({
		readiness: true,
		latestDossier: true,
		nextDate: true,
		openFeedback: true,
		unansweredReplies: true
	}),
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
