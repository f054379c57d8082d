import type { CriterionStatus, Evidence, FacilityProfile } from '$lib/domain/records';
import type { RegisterCitation } from '$lib/domain/registers/citations';
import { findMissingAttachments } from './attachments';
import { db } from './index';
import { getActiveFacilityId } from './meta';
import type { WorkspaceDb } from './WorkspaceDb';

/** Reads for the workspace views; plain Dexie reads, so `liveQuery` can watch them. */

export async function readActiveFacility(target: WorkspaceDb = db): Promise<FacilityProfile | null> {
	const id = await getActiveFacilityId(target);
	const facility = id ? await target.facilities.get(id) : undefined;
	return facility && !facility.deleted ? facility : null;
}

/** Status records of a facility by criterion id (criteria never touched have none). */
export async function readStatuses(
	facilityId: string,
	target: WorkspaceDb = db
): Promise<Map<string, CriterionStatus>> {
	const rows = await target.criterionStatuses.where('facilityId').equals(facilityId).toArray();
	return new Map(rows.filter((s) => !s.deleted).map((s) => [s.criterionId, s]));
}

export interface EvidenceView {
	/** Not deleted, newest evidence date first. */
	evidence: Evidence[];
	/** Hashes of cited files whose bytes are not on this device (e.g. storage was full). */
	missingAttachments: Set<string>;
}

export async function readEvidence(facilityId: string, target: WorkspaceDb = db): Promise<EvidenceView> {
	const rows = await target.evidence.where('facilityId').equals(facilityId).toArray();
	const evidence = rows
		.filter((e) => !e.deleted)
		.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
	const cited = evidence.flatMap((e) => (e.attachment ? [e.attachment.sha256] : []));
	return { evidence, missingAttachments: await findMissingAttachments(cited, target) };
}

/** The facility's live register citations; with `criterionId`, only that criterion's. Oldest first. */
export async function readRegisterCitations(
	facilityId: string,
	criterionId?: string,
	target: WorkspaceDb = db
): Promise<RegisterCitation[]> {
	const rows = criterionId
		? await target.registerCitations.where('criterionId').equals(criterionId).toArray()
		: await target.registerCitations.where('facilityId').equals(facilityId).toArray();
	return rows
		.filter((c) => !c.deleted && c.facilityId === facilityId)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
