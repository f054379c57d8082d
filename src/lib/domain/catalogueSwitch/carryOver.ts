import type { Catalogue } from '../catalogue/schema';
import {
	criterionStatusId,
	type CriterionStatus,
	type CriterionStatusValue,
	type Evidence
} from '../records';
import { registerCitationId, type RegisterCitation } from '../registers/citations';
import type { Qualification } from '../registers/qualifications';
import { buildIdMap, type IdMap } from './idMap';

/**
 * What taking over a new catalogue version does to a centre's records. The rules:
 * - A record whose criterion keeps its id is left alone. One whose criterion has a new id (mapping)
 *   moves there: statuses and citations are written under the new id (their ids are made from the
 *   criterion id) and the old record is deleted; evidence and qualifications get the new id in
 *   their `criterionIds`.
 * - Two old criteria landing on one new criterion: the better status wins (erfüllt > in Arbeit >
 *   nicht zutreffend > offen) and the notes are joined, each headed by its old number.
 * - A dropped criterion's status and citations stay as they are (history, and a way back): they no
 *   longer count because the new version has no such criterion. Only when the new version reuses
 *   the id for another criterion are they deleted, or they would count for the wrong one.
 * - Evidence and qualifications lose the link to a dropped criterion when they keep another one;
 *   when it was their only criterion they keep it (evidence needs one) and are listed „ohne
 *   Kriterium“, so the Leitung can assign them anew. Their files are never touched.
 * - Records naming an id the old version does not know (left from an even older one) stay as they are.
 */

export interface CarryOverRecords {
	statuses: readonly CriterionStatus[];
	evidence: readonly Evidence[];
	citations: readonly RegisterCitation[];
	qualifications: readonly Qualification[];
}

/** A status written under a new criterion id. */
export interface StatusMove {
	id: string;
	facilityId: string;
	criterionId: string;
	status: CriterionStatusValue;
	note: string;
	/** The old criterion ids it comes from (more than one: merged). */
	fromIds: string[];
}
export interface CitationMove {
	id: string;
	facilityId: string;
	criterionId: string;
	registerTable: RegisterCitation['registerTable'];
	entryId: string;
	fromId: string;
}
export interface LinkUpdate {
	id: string;
	title: string;
	criterionIds: string[];
}
export interface Unlinked {
	id: string;
	title: string;
	criterionIds: string[];
}

export interface CarryOverPlan {
	statuses: {
		kept: number;
		moves: StatusMove[];
		/** Ids of status records to delete (moved away, or a dropped id the new version reuses). */
		deletes: string[];
		/** Statuses of dropped criteria or sub-items: they no longer count. */
		dropped: { criterionId: string; status: CriterionStatusValue }[];
	};
	evidence: { kept: number; updates: LinkUpdate[]; withoutCriterion: Unlinked[]; linksDropped: number };
	qualifications: { kept: number; updates: LinkUpdate[]; withoutCriterion: Unlinked[]; linksDropped: number };
	citations: { kept: number; moves: CitationMove[]; deletes: string[]; dropped: RegisterCitation[] };
}

const RANK: Record<CriterionStatusValue, number> = {
	erfuellt: 3,
	in_arbeit: 2,
	nicht_zutreffend: 1,
	offen: 0
};
const MAX_NOTE = 10_000;

function mergeNotes(sources: readonly CriterionStatus[]): string {
	const withNote = sources.filter((s) => s.note.trim() !== '');
	if (withNote.length <= 1) return withNote[0]?.note ?? '';
	return withNote
		.map((s) => `[${s.criterionId}] ${s.note}`)
		.join('\n\n')
		.slice(0, MAX_NOTE);
}

function planStatuses(ids: IdMap, statuses: readonly CriterionStatus[]): CarryOverPlan['statuses'] {
	const groups = new Map<string, CriterionStatus[]>();
	const result: CarryOverPlan['statuses'] = { kept: 0, moves: [], deletes: [], dropped: [] };
	const leaving: string[] = [];
	for (const status of statuses) {
		if (status.deleted) continue;
		const target = ids.targetOf(status.criterionId);
		if (target === undefined) continue;
		if (target === null) {
			result.dropped.push({ criterionId: status.criterionId, status: status.status });
			if (ids.inTarget(status.criterionId)) leaving.push(status.id);
			continue;
		}
		if (target !== status.criterionId) leaving.push(status.id);
		groups.set(target, [...(groups.get(target) ?? []), status]);
	}
	const written = new Set<string>();
	for (const [criterionId, sources] of groups) {
		if (sources.length === 1 && sources[0].criterionId === criterionId) {
			result.kept += 1;
			continue;
		}
		const facilityId = sources[0].facilityId;
		const best = sources.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
		const id = criterionStatusId(facilityId, criterionId);
		written.add(id);
		result.moves.push({
			id,
			facilityId,
			criterionId,
			status: best.status,
			note: mergeNotes(sources),
			fromIds: sources.map((s) => s.criterionId)
		});
	}
	result.deletes = leaving.filter((id) => !written.has(id));
	return result;
}

function planLinks<T extends { id: string; deleted: boolean; criterionIds: string[] }>(
	ids: IdMap,
	records: readonly T[],
	titleOf: (record: T) => string
) {
	const result = {
		kept: 0,
		updates: [] as LinkUpdate[],
		withoutCriterion: [] as Unlinked[],
		linksDropped: 0
	};
	for (const record of records) {
		if (record.deleted || record.criterionIds.length === 0) continue;
		const next: string[] = [];
		let dropped = 0;
		for (const id of record.criterionIds) {
			const target = ids.targetOf(id);
			if (target === null) dropped += 1;
			else next.push(target ?? id);
		}
		const unique = [...new Set(next)];
		if (unique.length === 0) {
			result.withoutCriterion.push({
				id: record.id,
				title: titleOf(record),
				criterionIds: record.criterionIds
			});
		} else if (unique.join('\u0000') !== record.criterionIds.join('\u0000')) {
			result.linksDropped += dropped;
			result.updates.push({ id: record.id, title: titleOf(record), criterionIds: unique });
		} else {
			result.kept += 1;
		}
	}
	return result;
}

function planCitations(ids: IdMap, citations: readonly RegisterCitation[]): CarryOverPlan['citations'] {
	const result: CarryOverPlan['citations'] = { kept: 0, moves: [], deletes: [], dropped: [] };
	const moves = new Map<string, CitationMove>();
	const leaving: string[] = [];
	for (const citation of citations) {
		if (citation.deleted) continue;
		const target = ids.targetOf(citation.criterionId);
		if (target === undefined || target === citation.criterionId) {
			result.kept += 1;
		} else if (target === null) {
			result.dropped.push(citation);
			if (ids.inTarget(citation.criterionId)) leaving.push(citation.id);
		} else {
			const id = registerCitationId(target, citation.registerTable, citation.entryId);
			leaving.push(citation.id);
			if (!moves.has(id)) {
				const { facilityId, registerTable, entryId } = citation;
				moves.set(id, {
					id,
					facilityId,
					criterionId: target,
					registerTable,
					entryId,
					fromId: citation.criterionId
				});
			}
		}
	}
	result.moves = [...moves.values()];
	result.deletes = leaving.filter((id) => !moves.has(id));
	return result;
}

export function planCarryOver(from: Catalogue, to: Catalogue, records: CarryOverRecords): CarryOverPlan {
	const ids = buildIdMap(from, to);
	return {
		statuses: planStatuses(ids, records.statuses),
		evidence: planLinks(ids, records.evidence, (e) => e.title),
		qualifications: planLinks(ids, records.qualifications, (q) => q.title),
		citations: planCitations(ids, records.citations)
	};
}

/** Whether taking the version over writes anything at all (besides the facility profile). */
export function planWrites(plan: CarryOverPlan): number {
	return (
		plan.statuses.moves.length +
		plan.statuses.deletes.length +
		plan.evidence.updates.length +
		plan.qualifications.updates.length +
		plan.citations.moves.length +
		plan.citations.deletes.length
	);
}
