import { isVerbund, sitesOf, type Site } from '$lib/domain/verbund/sites';
import type { ReviewPeriodKind, RoundForm, RoundKind } from '$lib/domain/catalogue/schema';
import type { LocalDate } from '$lib/domain/dates';
import { reviewPeriodFor, type ReviewPeriod } from '$lib/domain/periods';
import type { CriterionStatus, CriterionStatusValue, Evidence, FacilityProfile } from '$lib/domain/records';
import { roundPeriod } from '$lib/domain/rounds/current';
import type { CertificationRound } from '$lib/domain/rounds/schema';

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
	const values = new Map<string, CriterionStatusValue>();
	for (const [criterionId, record] of statuses) values.set(criterionId, record.status);
	return values;
}

/**
 * The sites readiness counts per-site criteria at: the profile's own Kita first (entries without a
 * site belong to it), then the Verbund's member Kitas. None for a single centre.
 */
export function readinessSites(facility: FacilityProfile | undefined): Site[] | undefined {
	return facility && isVerbund(facility) ? sitesOf(facility) : undefined;
}

/** The questionnaire of the current round; none without a round (every criterion counts). */
export function roundVariant(
	round: CertificationRound | null
): { form: RoundForm; kind: RoundKind } | undefined {
	return round ? { form: round.form, kind: round.kind } : undefined;
}

/** The Prüfzeitraum thresholds are counted in: the current round's, else the catalogue's current period. */
export function thresholdPeriod(
	round: CertificationRound | null,
	periodKind: ReviewPeriodKind,
	today: LocalDate
): ReviewPeriod {
	return round ? roundPeriod(round) : reviewPeriodFor(periodKind, today);
}
