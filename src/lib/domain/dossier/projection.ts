import type { Catalogue } from '../catalogue/schema';
import type { ReviewPeriod } from '../periods';
import type { Readiness } from '../readiness';
import { isHttpUrl, type CriterionStatus, type Evidence, type FacilityProfile } from '../records';
import type { CertificationRound } from '../rounds/schema';
import {
	DOSSIER_FORMAT,
	dossierSnapshotSchema,
	type DossierEvidence,
	type DossierReadiness,
	type DossierRegisterTable,
	type DossierRound,
	type DossierSnapshot,
	type DossierStatus
} from './snapshot';

/**
 * From the workspace's records to what a dossier carries. One projection for both sides: the device
 * builds a hand-in with it, the server the advisor's view of a centre (server/dossier/review.ts), so
 * a status, an evidence item or a readiness result looks the same in both. Pure: callers gather the
 * records.
 */

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

/** A criterion status as a dossier carries it: what was decided, by whom and when. */
export function dossierStatus(s: CriterionStatus): DossierStatus {
	return {
		criterionId: s.criterionId,
		status: s.status,
		note: s.note,
		updatedAt: s.updatedAt,
		updatedBy: s.updatedBy
	};
}

/** An evidence item as a dossier carries it: a copy (the record may change later), links checked. */
export function dossierEvidence(e: Evidence): DossierEvidence {
	return {
		id: e.id,
		kind: e.kind,
		title: e.title,
		note: e.note,
		url: linkOrNothing(e.url),
		date: e.date,
		validUntil: e.validUntil,
		criterionIds: [...e.criterionIds],
		attachment: e.attachment ? { ...e.attachment } : null
	};
}

/** The readiness result as a dossier carries it: a copy, without the to-do plan. */
export function dossierReadiness(readiness: Readiness): DossierReadiness {
	return {
		passes: readiness.passes,
		areas: readiness.areas.map((a) => ({ ...a, missing: [...a.missing] })),
		overall: { ...readiness.overall },
		explanations: [...readiness.explanations],
		metByParts: [...(readiness.metByParts ?? [])]
	};
}

/** The round as a dossier carries it: what the report's cover says about it. */
export function dossierRound(r: CertificationRound): DossierRound {
	return {
		kind: r.kind,
		form: r.form,
		periodStart: r.periodStart,
		periodEnd: r.periodEnd,
		documentsDue: r.documentsDue,
		siteVisitDate: r.siteVisitDate
	};
}

// ---------------------------------------------------------------------------------------------
// Building the snapshot (the device gathers the inputs)

export interface DossierInput {
	facility: FacilityProfile;
	catalogue: Catalogue;
	period: ReviewPeriod;
	statuses: Iterable<CriterionStatus>;
	evidence: Iterable<Evidence>;
	registerSummaries: unknown;
	readiness: Readiness;
	/** The round current at the hand-in, for the report's cover. */
	round?: CertificationRound | null;
	/** The registers' tables of the period (domain/dossierExport/registerTables). */
	registerTables?: DossierRegisterTable[];
	preparedAt: string;
	preparedBy: string;
}

/** JSON round trip: drops `undefined`, functions and class instances, as the wire would. */
function plainJson(value: unknown): Record<string, unknown> | null {
	if (value === null || value === undefined || typeof value !== 'object') return null;
	return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The snapshot of what the centre holds for the period, ordered so two hand-ins compare line by line. */
export function buildDossierSnapshot(input: DossierInput): DossierSnapshot {
	const { facility, catalogue, period } = input;
	const statuses = [...input.statuses]
		.filter((s) => !s.deleted && s.facilityId === facility.id)
		.map(dossierStatus)
		.sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'de', { numeric: true }));
	const evidence = [...input.evidence]
		.filter((e) => !e.deleted && e.facilityId === facility.id && evidenceCountsForPeriod(e, period))
		.map(dossierEvidence)
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	return dossierSnapshotSchema.parse({
		format: DOSSIER_FORMAT,
		facility: {
			id: facility.id,
			name: facility.name,
			sealValidUntil: facility.sealValidUntil,
			traeger: facility.traeger
		},
		period: { key: period.key, kind: period.kind, start: period.start, end: period.end, label: period.label },
		catalogue: {
			id: catalogue.id,
			version: catalogue.version,
			title: catalogue.title,
			official: catalogue.official
		},
		round: input.round ? dossierRound(input.round) : null,
		chosenProfileAreas: [...facility.chosenProfileAreas],
		statuses,
		evidence,
		registerSummaries: plainJson(input.registerSummaries),
		readiness: dossierReadiness(input.readiness),
		registerTables: input.registerTables ?? [],
		preparedAt: input.preparedAt,
		preparedBy: input.preparedBy
	});
}
