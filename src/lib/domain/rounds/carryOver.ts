import type { Criterion } from '../catalogue/schema';
import type { Evidence } from '../records';
import { evidenceCountsForRound, onlyNewEachRound, type RoundDays } from './evidence';

/**
 * Long-lived evidence that can be carried from an earlier round into the next one in one step:
 * not deleted; from the earlier round (it counted for it, or it is dated after its period began and
 * before the next period, e.g. an agreement signed in between); still valid when the next period
 * begins (no end, or an end on or after its first day); not carried over already; and linked to at
 * least one criterion that accepts old evidence (a criterion whose evidence must all be new each
 * round, like staff qualifications, gets none). Without an earlier round, everything dated before
 * the next period is from an earlier round.
 */
export function carryOverCandidates<E extends Evidence>(
	evidence: readonly E[],
	fromRound: RoundDays | null,
	toRound: RoundDays,
	criteria: readonly Pick<Criterion, 'id' | 'evidenceRequirements'>[] = []
): E[] {
	const newOnly = new Set(criteria.filter(onlyNewEachRound).map((c) => c.id));
	return evidence
		.filter((e) => !e.deleted)
		.filter((e) => e.date < toRound.periodStart)
		.filter((e) => fromEarlierRound(e, fromRound))
		.filter((e) => e.validUntil === null || e.validUntil >= toRound.periodStart)
		.filter((e) => !(e.carriedIntoRounds ?? []).includes(toRound.id))
		.filter((e) => e.criterionIds.some((id) => !newOnly.has(id)))
		.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'de'));
}

function fromEarlierRound(evidence: Evidence, fromRound: RoundDays | null): boolean {
	if (!fromRound) return true;
	return evidence.date >= fromRound.periodStart || evidenceCountsForRound(evidence, fromRound).counts;
}

/** The round before `round` (the latest whose period began earlier), if the centre has one. */
export function previousRound<R extends RoundDays & { deleted?: boolean }>(
	rounds: readonly R[],
	round: RoundDays
): R | null {
	const earlier = rounds
		.filter((r) => !r.deleted && r.id !== round.id && r.periodStart < round.periodStart)
		.sort((a, b) => b.periodStart.localeCompare(a.periodStart));
	return earlier[0] ?? null;
}
