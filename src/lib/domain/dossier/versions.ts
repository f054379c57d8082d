import { z } from 'zod';
import { dossierIdSchema, dossierSnapshotSchema, isoDateTimeSchema } from './snapshot';

/**
 * A hand-in on the wire and the versions the server keeps of it: each hand-in of a facility and
 * period becomes a new immutable version (1, 2, 3 …).
 */

/** `POST /api/dossiers`: a hand-in, sent again unchanged until the server confirms it. */
export const dossierSubmissionSchema = z
	.object({
		/** Made on the device; the server stores a submission once, however often it arrives. */
		submissionId: z.uuid(),
		facilityId: dossierIdSchema,
		snapshot: dossierSnapshotSchema
	})
	.refine((s) => s.snapshot.facility.id === s.facilityId, {
		message: 'Die Mappe gehört zu einem anderen Familienzentrum.',
		path: ['snapshot', 'facility', 'id']
	});
export type DossierSubmission = z.infer<typeof dossierSubmissionSchema>;

/** A stored dossier version as lists show it (without the snapshot). */
export const dossierSummarySchema = z.object({
	id: dossierIdSchema,
	submissionId: z.string(),
	facilityId: dossierIdSchema,
	periodKey: z.string(),
	periodLabel: z.string(),
	/** 1, 2, 3 … per facility and period: handing in again makes a new version. */
	version: z.number().int().min(1),
	catalogueId: z.string(),
	catalogueVersion: z.string(),
	readinessPasses: z.boolean(),
	submittedBy: z.string(),
	/** When the Leitung handed it in on the device (possibly offline). */
	preparedAt: isoDateTimeSchema,
	/** When it reached the server. */
	receivedAt: isoDateTimeSchema
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const dossierSchema = dossierSummarySchema.extend({ snapshot: dossierSnapshotSchema });
export type Dossier = z.infer<typeof dossierSchema>;

export const dossierListResponseSchema = z.object({ dossiers: z.array(dossierSummarySchema) });
export const dossierResponseSchema = z.object({
	dossier: dossierSchema,
	/** The catalogue version the dossier was assessed against, for titles (see catalogueSchema). */
	catalogue: z.record(z.string(), z.unknown())
});
export const dossierSubmitResponseSchema = z.object({
	dossier: dossierSummarySchema,
	/** False when the server had this submission already (a resend after a cut connection). */
	created: z.boolean()
});
export type DossierSubmitResponse = z.infer<typeof dossierSubmitResponseSchema>;
