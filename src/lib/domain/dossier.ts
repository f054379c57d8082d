import { z } from 'zod';
import { reviewPeriodKindSchema, type Catalogue } from './catalogue/schema';
import { periodFromKey, type ReviewPeriod } from './periods';
import type { Readiness } from './readiness';
import {
	attachmentRefSchema,
	criterionStatusValueSchema,
	evidenceKindSchema,
	httpUrlSchema,
	isHttpUrl,
	localDateSchema,
	recordBaseSchema,
	type CriterionStatus,
	type Evidence,
	type FacilityProfile
} from './records';

/**
 * A dossier (Mappe) as the Leitung hands it in for a review period: a fixed snapshot of what the
 * centre holds, and the advisor's feedback on it. The same schemas check the hand-in on the device,
 * on the wire and on the server, which stores each hand-in as a new immutable version.
 */

export const DOSSIER_FORMAT = 'guetesiegel-mappe-dossier/1';

const isoDateTime = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(120);

export const dossierStatusSchema = z.object({
	criterionId: z.string().min(1).max(40),
	status: criterionStatusValueSchema,
	note: z.string().max(10_000),
	updatedAt: isoDateTime,
	updatedBy: z.string().max(120)
});
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

/** An evidence item as handed in; the file itself stays on the server under its hash. */
export const dossierEvidenceSchema = z.object({
	id,
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
	explanations: z.array(z.string()).max(500)
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

export const dossierSnapshotSchema = z.object({
	format: z.literal(DOSSIER_FORMAT),
	facility: z.object({
		id,
		name: z.string().max(200),
		sealValidUntil: localDateSchema.nullable()
	}),
	period: dossierPeriodSchema,
	catalogue: z.object({
		id: z.string().min(1).max(40),
		version: z.string().min(1).max(60),
		title: z.string().max(300),
		official: z.boolean()
	}),
	chosenProfileAreas: z.array(z.string().max(40)).max(20),
	statuses: z.array(dossierStatusSchema).max(1000),
	evidence: z.array(dossierEvidenceSchema).max(5000),
	/**
	 * The registers' sums for the period (`computeAllRegisterSummaries`), as JSON; null when the
	 * device had no registers. Their shape belongs to the registers, so it is kept as it came.
	 */
	registerSummaries: z.record(z.string(), z.unknown()).nullable(),
	readiness: dossierReadinessSchema,
	/** When and by whom the dossier was put together on the device. */
	preparedAt: isoDateTime,
	preparedBy: z.string().max(120)
});
export type DossierSnapshot = z.infer<typeof dossierSnapshotSchema>;

/** `POST /api/dossiers`: a hand-in, sent again unchanged until the server confirms it. */
export const dossierSubmissionSchema = z
	.object({
		/** Made on the device; the server stores a submission once, however often it arrives. */
		submissionId: z.uuid(),
		facilityId: id,
		snapshot: dossierSnapshotSchema
	})
	.refine((s) => s.snapshot.facility.id === s.facilityId, {
		message: 'Die Mappe gehört zu einem anderen Familienzentrum.',
		path: ['snapshot', 'facility', 'id']
	});
export type DossierSubmission = z.infer<typeof dossierSubmissionSchema>;

/** A stored dossier version as lists show it (without the snapshot). */
export const dossierSummarySchema = z.object({
	id,
	submissionId: z.string(),
	facilityId: id,
	periodKey: z.string(),
	periodLabel: z.string(),
	/** 1, 2, 3 … per facility and period: handing in again makes a new version. */
	version: z.number().int().min(1),
	catalogueId: z.string(),
	catalogueVersion: z.string(),
	readinessPasses: z.boolean(),
	submittedBy: z.string(),
	/** When the Leitung handed it in on the device (possibly offline). */
	preparedAt: isoDateTime,
	/** When it reached the server. */
	receivedAt: isoDateTime
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

// ---------------------------------------------------------------------------------------------
// Review feedback of the Fachberatung

export const feedbackVerdictSchema = z.enum(['passt', 'nachbessern', 'hinweis']);
export type FeedbackVerdict = z.infer<typeof feedbackVerdictSchema>;

export const feedbackVerdictLabels: Record<FeedbackVerdict, string> = {
	passt: 'Passt',
	nachbessern: 'Bitte nachbessern',
	hinweis: 'Hinweis'
};

/**
 * The advisor's feedback on one criterion of one centre: a synced record the centre's devices pull
 * (read-only for them). One per criterion, id `${facilityId}:${criterionId}`; a new review replaces it.
 */
export const criterionFeedbackSchema = recordBaseSchema.extend({
	criterionId: z.string().min(1).max(40),
	verdict: feedbackVerdictSchema,
	text: z.string().trim().max(5000, 'Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).').default(''),
	/** Display name of the advisor. */
	reviewerName: z.string().max(120),
	/** The dossier version the feedback refers to, if the advisor reviewed one. */
	dossierId: z.string().max(120).nullable().default(null),
	dossierVersion: z.number().int().min(1).nullable().default(null),
	periodKey: z.string().max(20).nullable().default(null)
});
export type CriterionFeedback = z.infer<typeof criterionFeedbackSchema>;

export function criterionFeedbackId(facilityId: string, criterionId: string): string {
	return `${facilityId}:${criterionId}`;
}

/** `PUT /api/review/facilities/:facilityId/feedback/:criterionId` */
export const feedbackRequestSchema = z
	.object({
		verdict: feedbackVerdictSchema,
		text: z.string().trim().max(5000, 'Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).'),
		dossierId: z.string().min(1).max(120).nullable().default(null)
	})
	.refine((f) => f.verdict === 'passt' || f.text.length > 0, {
		message: 'Bitte kurz schreiben, was nachgebessert werden soll.',
		path: ['text']
	});
export type FeedbackRequest = z.input<typeof feedbackRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Building the snapshot (pure: the device gathers the inputs)

export interface DossierInput {
	facility: FacilityProfile;
	catalogue: Catalogue;
	period: ReviewPeriod;
	statuses: Iterable<CriterionStatus>;
	evidence: Iterable<Evidence>;
	registerSummaries: unknown;
	readiness: Readiness;
	preparedAt: string;
	preparedBy: string;
}

/**
 * Evidence that belongs to a review period: dated on or before its last day and still valid on its
 * first. Evidence from after the period does not count for it; long-lived evidence (agreements,
 * qualifications) carries over until it expires.
 */
export function evidenceCountsForPeriod(
	e: Pick<Evidence, 'date' | 'validUntil'>,
	period: ReviewPeriod
): boolean {
	return e.date <= period.end && (e.validUntil === null || e.validUntil >= period.start);
}

/** JSON round trip: drops `undefined`, functions and class instances, as the wire would. */
function plainJson(value: unknown): Record<string, unknown> | null {
	if (value === null || value === undefined || typeof value !== 'object') return null;
	return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * An evidence address as a hand-in or the advisor's view carries it: only a web address; anything
 * else (stored before addresses were checked) is left out rather than failing the whole dossier.
 */
export function linkOrNothing(url: string): string {
	return isHttpUrl(url) ? url : '';
}

/**
 * A snapshot stored (on the server, or queued on a device) before links were checked, with its
 * evidence addresses as a hand-in now takes them; anything but a snapshot is returned as it is.
 */
export function snapshotWithWebLinks(snapshot: unknown): unknown {
	if (typeof snapshot !== 'object' || snapshot === null) return snapshot;
	const evidence = (snapshot as { evidence?: unknown }).evidence;
	if (!Array.isArray(evidence)) return snapshot;
	return {
		...snapshot,
		evidence: evidence.map((item: unknown) =>
			typeof item === 'object' && item !== null && typeof (item as { url?: unknown }).url === 'string'
				? { ...item, url: linkOrNothing((item as { url: string }).url) }
				: item
		)
	};
}

/** The snapshot of what the centre holds for the period, ordered so two hand-ins compare line by line. */
export function buildDossierSnapshot(input: DossierInput): DossierSnapshot {
	const { facility, catalogue, period, readiness } = input;
	const statuses = [...input.statuses]
		.filter((s) => !s.deleted && s.facilityId === facility.id)
		.map((s) => ({
			criterionId: s.criterionId,
			status: s.status,
			note: s.note,
			updatedAt: s.updatedAt,
			updatedBy: s.updatedBy
		}))
		.sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'de', { numeric: true }));
	const evidence = [...input.evidence]
		.filter((e) => !e.deleted && e.facilityId === facility.id && evidenceCountsForPeriod(e, period))
		.map((e) => ({
			id: e.id,
			kind: e.kind,
			title: e.title,
			note: e.note,
			url: linkOrNothing(e.url),
			date: e.date,
			validUntil: e.validUntil,
			criterionIds: [...e.criterionIds],
			attachment: e.attachment ? { ...e.attachment } : null
		}))
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	return dossierSnapshotSchema.parse({
		format: DOSSIER_FORMAT,
		facility: { id: facility.id, name: facility.name, sealValidUntil: facility.sealValidUntil },
		period: { key: period.key, kind: period.kind, start: period.start, end: period.end, label: period.label },
		catalogue: {
			id: catalogue.id,
			version: catalogue.version,
			title: catalogue.title,
			official: catalogue.official
		},
		chosenProfileAreas: [...facility.chosenProfileAreas],
		statuses,
		evidence,
		registerSummaries: plainJson(input.registerSummaries),
		readiness: {
			passes: readiness.passes,
			areas: readiness.areas.map((a) => ({ ...a, missing: [...a.missing] })),
			overall: { ...readiness.overall },
			explanations: [...readiness.explanations]
		},
		preparedAt: input.preparedAt,
		preparedBy: input.preparedBy
	});
}

/** Hashes of the files a snapshot cites: the server must hold each before it takes the dossier. */
export function snapshotAttachments(snapshot: DossierSnapshot): string[] {
	return [...new Set(snapshot.evidence.flatMap((e) => (e.attachment ? [e.attachment.sha256] : [])))];
}

/** Evidence of the snapshot by criterion id, for the criterion-by-criterion views. */
export function evidenceByCriterion(
	snapshot: Pick<DossierSnapshot, 'evidence'>
): Map<string, DossierEvidence[]> {
	const byCriterion = new Map<string, DossierEvidence[]>();
	for (const e of snapshot.evidence) {
		for (const criterionId of e.criterionIds) {
			const list = byCriterion.get(criterionId) ?? [];
			list.push(e);
			byCriterion.set(criterionId, list);
		}
	}
	return byCriterion;
}

function numberAt(source: unknown, ...path: string[]): number | null {
	let value: unknown = source;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The registers' key figures in German, one line per register, from a snapshot's summaries. Reads
 * defensively: summaries of an older app version may lack a figure, which is then left out.
 */
export function registerKeyFigures(summaries: Record<string, unknown> | null): string[] {
	if (!summaries) return [];
	const lines: string[] = [];
	const held = numberAt(summaries, 'officeHours', 'sessionsHeld');
	if (held !== null) {
		const minutes = numberAt(summaries, 'officeHours', 'minutes') ?? 0;
		const contacts = numberAt(summaries, 'officeHours', 'contacts') ?? 0;
		lines.push(
			`Sprechstunden: ${held} gehalten, ${(Math.round(minutes / 6) / 10).toLocaleString('de-DE')} Std., ${contacts} Kontakte`
		);
	}
	const offers = numberAt(summaries, 'familyEducation', 'offers');
	if (offers !== null) {
		const sessions = numberAt(summaries, 'familyEducation', 'sessions') ?? 0;
		const participants = numberAt(summaries, 'familyEducation', 'participants') ?? 0;
		lines.push(`Familienbildung: ${offers} Angebote, ${sessions} Termine, ${participants} Teilnahmen`);
	}
	const childminding = numberAt(summaries, 'childminding', 'contacts');
	if (childminding !== null) lines.push(`Kindertagespflege: ${childminding} Kontakte`);
	const partners = numberAt(summaries, 'partners', 'partners');
	if (partners !== null) {
		const valid = numberAt(summaries, 'partners', 'byStatus', 'valid') ?? 0;
		lines.push(`Kooperationspartner: ${partners}, davon ${valid} mit gültiger Vereinbarung`);
	}
	const prevention = (summaries.prevention as { offersActive?: unknown } | undefined)?.offersActive;
	if (Array.isArray(prevention)) lines.push(`Prävention: ${prevention.length} laufende Angebote`);
	return lines;
}

// ---------------------------------------------------------------------------------------------
// What the advisor's pages read (`/api/review/…`)

export const reviewFacilitySummarySchema = z.object({
	id,
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
	lastSyncAt: isoDateTime.nullable(),
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
	readiness: dossierReadinessSchema,
	dossiers: z.array(dossierSummarySchema)
});
export type ReviewFacilityDetail = z.infer<typeof reviewFacilityDetailSchema>;
