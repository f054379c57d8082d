import type { DossierEvidence, DossierSnapshot } from '../dossier/snapshot';
import type { CriterionStatusValue } from '../records';

/**
 * What changed for each criterion between two hand-ins of a centre (issue 15): the advisor reviews
 * version 3 and wants to see only what is new since version 2, or since the version she last gave
 * feedback on. Pure: both snapshots come in, the differences per criterion go out.
 */

export type ChangeKind = 'neu' | 'geaendert' | 'entfernt';

/** The parts of a snapshot a comparison reads. */
export type ComparedSnapshot = Pick<DossierSnapshot, 'statuses' | 'evidence'>;

/** Fields of an evidence item whose change the advisor is shown, with the old value. */
export type EvidenceField = 'title' | 'kind' | 'date' | 'validUntil' | 'file' | 'note' | 'url';

export interface EvidenceChange {
	kind: ChangeKind;
	evidenceId: string;
	/** The item as handed in before; null for `neu`. */
	before: DossierEvidence | null;
	/** The item as handed in now; null for `entfernt`. */
	after: DossierEvidence | null;
	/** For `geaendert`: the fields that differ, in a fixed order. */
	fields: EvidenceField[];
}

export interface CriterionChanges {
	criterionId: string;
	status: { before: CriterionStatusValue; after: CriterionStatusValue } | null;
	note: { before: string; after: string } | null;
	/** New, changed and removed evidence of this criterion; an item newly cited here counts as `neu`. */
	evidence: EvidenceChange[];
}

const EVIDENCE_FIELDS: readonly EvidenceField[] = [
	'title',
	'kind',
	'date',
	'validUntil',
	'file',
	'note',
	'url'
];

function fieldValue(e: DossierEvidence, field: EvidenceField): string | null {
	// The file is compared by its bytes' hash: a renamed upload of the same bytes is no new file.
	if (field === 'file') return e.attachment?.sha256 ?? null;
	return e[field];
}

/** The fields in which two versions of one evidence item differ. */
export function evidenceFieldsChanged(before: DossierEvidence, after: DossierEvidence): EvidenceField[] {
	return EVIDENCE_FIELDS.filter((field) => fieldValue(before, field) !== fieldValue(after, field));
}

interface Indexed {
	statuses: Map<string, { status: CriterionStatusValue; note: string }>;
	evidence: Map<string, DossierEvidence[]>;
}

function index(snapshot: ComparedSnapshot): Indexed {
	const evidence = new Map<string, DossierEvidence[]>();
	for (const e of snapshot.evidence) {
		for (const criterionId of e.criterionIds) {
			const list = evidence.get(criterionId);
			if (list) list.push(e);
			else evidence.set(criterionId, [e]);
		}
	}
	return { statuses: new Map(snapshot.statuses.map((s) => [s.criterionId, s])), evidence };
}

function compareCriterion(previous: Indexed, current: Indexed, criterionId: string): CriterionChanges {
	// A criterion the snapshot does not list was never touched: „offen“ without a note.
	const was = previous.statuses.get(criterionId) ?? { status: 'offen' as const, note: '' };
	const is = current.statuses.get(criterionId) ?? { status: 'offen' as const, note: '' };
	const before = new Map((previous.evidence.get(criterionId) ?? []).map((e) => [e.id, e]));
	const after = current.evidence.get(criterionId) ?? [];
	const evidence: EvidenceChange[] = [];
	for (const item of after) {
		const old = before.get(item.id);
		if (!old) {
			evidence.push({ kind: 'neu', evidenceId: item.id, before: null, after: item, fields: [] });
			continue;
		}
		const fields = evidenceFieldsChanged(old, item);
		if (fields.length > 0)
			evidence.push({ kind: 'geaendert', evidenceId: item.id, before: old, after: item, fields });
	}
	const kept = new Set(after.map((e) => e.id));
	for (const old of before.values()) {
		if (!kept.has(old.id))
			evidence.push({ kind: 'entfernt', evidenceId: old.id, before: old, after: null, fields: [] });
	}
	return {
		criterionId,
		status: was.status === is.status ? null : { before: was.status, after: is.status },
		note: was.note === is.note ? null : { before: was.note, after: is.note },
		evidence
	};
}

export function hasChanges(changes: CriterionChanges): boolean {
	return changes.status !== null || changes.note !== null || changes.evidence.length > 0;
}

/** What changed for one criterion from `previous` to `current`. */
export function criterionChanges(
	previous: ComparedSnapshot,
	current: ComparedSnapshot,
	criterionId: string
): CriterionChanges {
	return compareCriterion(index(previous), index(current), criterionId);
}

/**
 * The changed criteria from `previous` to `current`, by id; criteria without a change are left
 * out. Every criterion either snapshot mentions is compared, so one that lost its only evidence
 * is listed too.
 */
export function changesBetween(
	previous: ComparedSnapshot,
	current: ComparedSnapshot
): Map<string, CriterionChanges> {
	const before = index(previous);
	const now = index(current);
	const ids = new Set([
		...before.statuses.keys(),
		...now.statuses.keys(),
		...before.evidence.keys(),
		...now.evidence.keys()
	]);
	const changed = new Map<string, CriterionChanges>();
	for (const id of ids) {
		const changes = compareCriterion(before, now, id);
		if (hasChanges(changes)) changed.set(id, changes);
	}
	return changed;
}

/** Ids of the criteria that changed since `previous`; empty when there is no earlier version. */
export function criteriaChangedSince(
	previous: ComparedSnapshot | null,
	current: ComparedSnapshot
): Set<string> {
	return previous ? new Set(changesBetween(previous, current).keys()) : new Set();
}
