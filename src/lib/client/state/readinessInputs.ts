import { statusValuesOf } from '$lib/domain/readiness/input';
import type { CriterionStatus, CriterionStatusValue, Evidence } from '$lib/domain/records';

/** How many (not deleted) evidence items cite each criterion. One pass over the evidence. */
export function countEvidenceByCriterion(evidence: readonly Evidence[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of evidence) {
		if (item.deleted) continue;
		for (const id of new Set(item.criterionIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/** The status value per criterion id, as the readiness engine takes it. */
export function statusValues(
	statuses: ReadonlyMap<string, CriterionStatus>
): Map<string, CriterionStatusValue> {
	return statusValuesOf(statuses.values());
}
