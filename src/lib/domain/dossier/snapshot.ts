import { z } from 'zod';
import { reviewPeriodKindSchema, roundFormSchema, roundKindSchema } from '../catalogue/schema';
import { periodFromKey } from '../periods';
import {
	attachmentRefSchema,
	criterionStatusValueSchema,
	evidenceKindSchema,
	httpUrlSchema,
	localDateSchema
} from '../records';

/**
 * A dossier (Mappe) as the Leitung hands it in for a review period: a fixed snapshot of what the
 * centre holds. The same schemas check the hand-in on the device, on the wire and on the server,
 * which stores each hand-in as a new immutable version (see ./versions). Building a snapshot from
 * the workspace's records is ./projection; the advisor's feedback on it is ./feedback.
 */

export const DOSSIER_FORMAT = 'guetesiegel-mappe-dossier/1';

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** Ids of facilities, records and dossiers as the dossier wire carries them. */
export const dossierIdSchema = z.string().min(1).max(120);

export const dossierStatusSchema = z.object({
	criterionId: z.string().min(1).max(40),
	status: criterionStatusValueSchema,
	note: z.string().max(10_000),
	updatedAt: isoDateTimeSchema,
	updatedBy: z.string().max(120)
});
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

/** An evidence item as handed in; the file itself stays on the server under its hash. */
export const dossierEvidenceSchema = z.object({
	id: dossierIdSchema,
	kind: evidenceKindSchema,
	title: z.string().max(200),
	note: z.string().max(10_000),
	url: z.union([z.literal(''), httpUrlSchema]),
	date: localDateSchema,
	validUntil: localDateSchema.nullable(),
	criterionIds: z.array(z.string().min(1).max(40)).max(200),
	attachment: attachmentRefSchema.nullable()
});
export type DossierEvidence = z.infer<typeof dossierEvidenceSchema>;

export const dossierAreaSchema = z.object({
	areaId: z.string(),
	kind: z.enum(['leistung', 'struktur', 'profil']),
	title: z.string(),
	points: z.number(),
	pointsRequired: z.number(),
	basisMet: z.number(),
	basisRequired: z.number(),
	metCount: z.number(),
	criteriaCount: z.number(),
	passes: z.boolean(),
	missing: z.array(z.string())
});

/** The readiness result at the hand-in (see domain/readiness), without the to-do plan. */
export const dossierReadinessSchema = z.object({
	passes: z.boolean(),
	areas: z.array(dossierAreaSchema).max(100),
	overall: z.object({
		points: z.number(),
		pointsRequired: z.number(),
		basisLeistung: z.number(),
		basisLeistungRequired: z.number(),
		basisStruktur: z.number(),
		basisStrukturRequired: z.number(),
		passes: z.boolean()
	}),
	explanations: z.array(z.string()).max(500),
	/** Criteria counted as met by their format-2 parts though not marked „erfüllt“ (issue 13). */
	metByParts: z.array(z.string().min(1).max(40)).max(1000).optional()
});
export type DossierReadiness = z.infer<typeof dossierReadinessSchema>;

export const dossierPeriodSchema = z
	.object({
		key: z.string().regex(/^(kj|cy)-\d{4}$/, 'Unbekannter Betrachtungszeitraum'),
		kind: reviewPeriodKindSchema,
		start: localDateSchema,
		end: localDateSchema,
		label: z.string().max(60)
	})
	.refine(
		(p) => {
			const known = periodFromKey(p.key);
			return known !== null && known.kind === p.kind && known.start === p.start && known.end === p.end;
		},
		{ message: 'Der Betrachtungszeitraum passt nicht zu seiner Kennung.', path: ['key'] }
	);

/** The round a dossier was handed in for, as the report's cover names it. */
export const dossierRoundSchema = z.object({
	kind: roundKindSchema,
	form: roundFormSchema,
	periodStart: localDateSchema,
	periodEnd: localDateSchema,
	documentsDue: localDateSchema.nullable(),
	siteVisitDate: localDateSchema.nullable()
});
export type DossierRound = z.infer<typeof dossierRoundSchema>;

/** One register as a CSV file of the hand-in, e.g. `sprechstunden-kj-2025.csv`. */
export const dossierRegisterTableSchema = z.object({
	fileName: z.string().regex(/^[a-z0-9-]{1,80}\.csv$/, 'Unbekannter Dateiname einer Register-Tabelle'),
	title: z.string().max(120),
	/** CSV text as the register page exports it (BOM, `;`, German headers). */
	csv: z.string().max(4_000_000),
	rows: z.number().int().min(0)
});
export type DossierRegisterTable = z.infer<typeof dossierRegisterTableSchema>;

export const dossierSnapshotSchema = z.object({
	format: z.literal(DOSSIER_FORMAT),
	facility: z.object({
		id: dossierIdSchema,
		name: z.string().max(200),
		sealValidUntil: localDateSchema.nullable(),
		/** The Träger, for the report's cover (issue 14); absent in earlier hand-ins. */
		traeger: z.string().max(200).optional()
	}),
	period: dossierPeriodSchema,
	catalogue: z.object({
		id: z.string().min(1).max(40),
		version: z.string().min(1).max(60),
		title: z.string().max(300),
		official: z.boolean()
	}),
	/** The certification round current at the hand-in (issue 14); null without one, absent earlier. */
	round: dossierRoundSchema.nullable().optional(),
	chosenProfileAreas: z.array(z.string().max(40)).max(20),
	statuses: z.array(dossierStatusSchema).max(1000),
	evidence: z.array(dossierEvidenceSchema).max(5000),
	/**
	 * The registers' sums for the period (`computeAllRegisterSummaries`), as JSON; null when the
	 * device had no registers. Their shape belongs to the registers, so it is kept as it came.
	 */
	registerSummaries: z.record(z.string(), z.unknown()).nullable(),
	readiness: dossierReadinessSchema,
	/**
	 * The registers' entries of the period as the CSV files the export carries (issue 14), made at
	 * the hand-in so every copy of this version, the advisor's included, holds the same tables.
	 * Absent in hand-ins made before.
	 */
	registerTables: z.array(dossierRegisterTableSchema).max(20).optional(),
	/** When and by whom the dossier was put together on the device. */
	preparedAt: isoDateTimeSchema,
	preparedBy: z.string().max(120)
});
export type DossierSnapshot = z.infer<typeof dossierSnapshotSchema>;

/** Hashes of the files a snapshot cites: the server must hold each before it takes the dossier. */
export function snapshotAttachments(snapshot: DossierSnapshot): string[] {
	return [...new Set(snapshot.evidence.flatMap((e) => (e.attachment ? [e.attachment.sha256] : [])))];
}
