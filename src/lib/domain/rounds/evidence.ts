import type { Criterion } from '../catalogue/schema';
import { formatDateDe, type LocalDate } from '../dates';
import type { Evidence } from '../records';
import { periodLabelWithDays } from './labels';
import type { CertificationRound } from './schema';

/**
 * Which evidence counts for a certification round. The certification body looks at one Prüfzeitraum:
 * offer evidence counts only when dated within it. Long-lived evidence (a cooperation agreement, a
 * concept) may be older; it counts when it is still valid during the period and was carried into
 * the round on purpose, so an old flyer never counts by accident.
 */

export type RoundEvidence = Pick<Evidence, 'date' | 'validUntil'> & {
	carriedIntoRounds?: readonly string[] | undefined;
};
export type RoundDays = Pick<CertificationRound, 'id' | 'periodStart' | 'periodEnd'> & {
	registrationDate?: LocalDate | null;
};

export interface RoundCount {
	counts: boolean;
	/** Why it does not count, in German; null when it counts. */
	reason: string | null;
}

/** Still valid on some day of the period: no end, or an end on or after the period's first day. */
function validDuringPeriod(evidence: RoundEvidence, round: RoundDays): boolean {
	return evidence.validUntil === null || evidence.validUntil >= round.periodStart;
}

function carriedInto(evidence: RoundEvidence, round: RoundDays): boolean {
	return evidence.carriedIntoRounds?.includes(round.id) ?? false;
}

export function evidenceCountsForRound(evidence: RoundEvidence, round: RoundDays): RoundCount {
	const { date } = evidence;
	const period = periodLabelWithDays(round);
	if (date > round.periodEnd) {
		return { counts: false, reason: `Datum ${formatDateDe(date)} liegt nach dem ${period}` };
	}
	if (date >= round.periodStart) return { counts: true, reason: null };
	if (carriedInto(evidence, round)) {
		if (validDuringPeriod(evidence, round)) return { counts: true, reason: null };
		return {
			counts: false,
			reason: `Übernommen, aber nur gültig bis ${formatDateDe(evidence.validUntil!)} – vor dem ${period}`
		};
	}
	return { counts: false, reason: `Datum ${formatDateDe(date)} liegt vor dem ${period}` };
}

/**
 * The first day that belongs to the round: its registration when that comes before the period (the
 * documents of a re-certification are prepared in the autumn before the Prüfzeitraum), else the
 * period's first day.
 */
export function roundBegins(round: RoundDays): LocalDate {
	const registration = round.registrationDate;
	return registration && registration < round.periodStart ? registration : round.periodStart;
}

/** Dated before the period and before the round began: it was made for an earlier round. */
export function isFromEarlierRound(evidence: RoundEvidence, round: RoundDays): boolean {
	return evidence.date < roundBegins(round);
}

/** Whether the certification body wants this criterion's evidence anew in every round. */
export function requiresNewEachRound(criterion: Pick<Criterion, 'evidenceRequirements'>): boolean {
	return (criterion.evidenceRequirements ?? []).some((r) => r.newEachRound);
}

/** Every evidence requirement of the criterion asks for new evidence each round (and it has some). */
export function onlyNewEachRound(criterion: Pick<Criterion, 'evidenceRequirements'>): boolean {
	const requirements = criterion.evidenceRequirements ?? [];
	return requirements.length > 0 && requirements.every((r) => r.newEachRound);
}

export interface RoundMarkers {
	/** Why the evidence does not count for the round; null when it counts. */
	notCounting: string | null;
	/** It comes from an earlier round, and the criterion wants its evidence anew in each round. */
	mustResubmit: boolean;
}

/** What the evidence list shows beside an item for the current round (none without a round). */
export function roundMarkers(
	evidence: RoundEvidence,
	round: RoundDays | null,
	criterion: Pick<Criterion, 'evidenceRequirements'> | undefined
): RoundMarkers {
	if (!round) return { notCounting: null, mustResubmit: false };
	const { reason } = evidenceCountsForRound(evidence, round);
	const mustResubmit =
		criterion !== undefined && requiresNewEachRound(criterion) && isFromEarlierRound(evidence, round);
	return { notCounting: reason, mustResubmit };
}
