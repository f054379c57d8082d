import type { Catalogue, ReviewPeriodKind, RoundForm, RoundKind } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import { reviewPeriodFor, type ReviewPeriod } from '../periods';
import type { CriterionStatus, CriterionStatusValue, FacilityProfile } from '../records';
import type { RegisterData } from '../registers/registerData';
import { currentRound, roundPeriod } from '../rounds/current';
import type { CertificationRound } from '../rounds/schema';
import { isVerbund, sitesOf, type Site } from '../verbund/sites';
import type { ReadinessInput } from './types';

/**
 * How a centre's records become the readiness engine's input. The device (Übersicht, hand-in) and
 * the server (the Fachberatung's view) both go through here, so the points the advisor sees are the
 * points the Leitung sees for the same synced records.
 */

/** The status value per criterion or sub-item id (both are stored alike); deleted records do not count. */
export function statusValuesOf(records: Iterable<CriterionStatus>): Map<string, CriterionStatusValue> {
	const values = new Map<string, CriterionStatusValue>();
	for (const record of records) if (!record.deleted) values.set(record.criterionId, record.status);
	return values;
}

/**
 * The sites readiness counts per-site criteria at: the profile's own Kita first (entries without a
 * site belong to it), then the Verbund's member Kitas. None for a single centre.
 */
export function readinessSites(facility: FacilityProfile | null | undefined): Site[] | undefined {
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

/** The round readiness follows today and the Prüfzeitraum its thresholds are counted in. */
export function readinessRound(
	rounds: readonly CertificationRound[],
	catalogue: Pick<Catalogue, 'reviewPeriod'>,
	today: LocalDate
): { round: CertificationRound | null; period: ReviewPeriod } {
	const round = currentRound(rounds, today);
	return { round, period: thresholdPeriod(round, catalogue.reviewPeriod, today) };
}

export interface ReadinessSources {
	catalogue: Catalogue;
	/** The facility profile; none yet: no chosen Profilbereiche, a single site. */
	profile: FacilityProfile | null | undefined;
	/** Status per criterion and sub-item id (see `statusValuesOf`). */
	statuses: ReadonlyMap<string, CriterionStatusValue>;
	/** The current round (`readinessRound`); null: every criterion counts. */
	round: CertificationRound | null;
	/**
	 * The registers of the Prüfzeitraum with that period and today. Undefined while they are not
	 * loaded: no threshold is reached, the marks still count.
	 */
	registers: { data: RegisterData; period: ReviewPeriod; today: LocalDate } | undefined;
}

/** The one way a centre's records are put together for `computeReadiness`. */
export function readinessInput(sources: ReadinessSources): ReadinessInput {
	return {
		catalogue: sources.catalogue,
		statuses: sources.statuses,
		chosenProfileAreas: sources.profile?.chosenProfileAreas ?? [],
		variant: roundVariant(sources.round),
		registers: sources.registers,
		sites: readinessSites(sources.profile)
	};
}
