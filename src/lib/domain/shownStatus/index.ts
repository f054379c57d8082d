import type { Criterion } from '../catalogue/schema';
import type { CriterionStatusValue } from '../records';
import {
	evaluateCriterionRequirement,
	type RequirementContext,
	type RequirementResult
} from '../requirements';

/**
 * Why a criterion the Leitung has not marked 'erfuellt' still counts as met: its thresholds are
 * reached in the registers („laut Register erfüllt“), or its marked sub-items (and thresholds) meet
 * its expression without one („erfüllt durch Teilpunkte“).
 */
export type PartsMet = 'register' | 'teilpunkte';

export const partsMetLabels: Record<PartsMet, string> = {
	register: 'laut Register erfüllt',
	teilpunkte: 'erfüllt durch Teilpunkte'
};

/** Why an evaluated requirement meets its criterion, or null when it does not. */
export function partsMetBy(requirement: RequirementResult): PartsMet | null {
	if (!requirement.met) return null;
	return requirement.suggestion === 'erfuellt' ? 'register' : 'teilpunkte';
}

/**
 * How each criterion the readiness engine counted as met by its parts (`Readiness.metByParts`) got
 * there, in the words of the requirement evaluation. Only those few criteria are evaluated again,
 * once per readiness change, so lists never evaluate per row.
 */
export function partsMetReasons(
	criteria: readonly Criterion[],
	metByParts: readonly string[],
	ctx: RequirementContext
): Map<string, PartsMet> {
	const ids = new Set(metByParts);
	const reasons = new Map<string, PartsMet>();
	for (const criterion of criteria) {
		if (!ids.has(criterion.id)) continue;
		// Readiness found it met, so the evaluation does too; 'teilpunkte' only guards a mismatch.
		reasons.set(criterion.id, partsMetBy(evaluateCriterionRequirement(criterion, ctx)) ?? 'teilpunkte');
	}
	return reasons;
}

/**
 * The status a list shows: 'erfuellt' for a criterion met by its parts (readiness counts it so),
 * else the stored status. Never overrides 'erfuellt' or 'nicht_zutreffend' (the engine does not).
 */
export function shownStatus(
	stored: CriterionStatusValue,
	partsMet: PartsMet | undefined
): CriterionStatusValue {
	return partsMet && (stored === 'offen' || stored === 'in_arbeit') ? 'erfuellt' : stored;
}
