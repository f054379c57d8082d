import { areaPasses, assess } from '../readiness/assess';
import type { OverallReadiness, ReadinessInput } from '../readiness/types';

/**
 * What a portfolio row shows of a centre's readiness: whether it passes, the overall figures and
 * the areas passing — the same as `computeReadiness` gives, without the words and the to-do plan.
 * The words would make the answer for 300 centres three times as large; the plan is an exact
 * optimisation and takes most of the time (about 2 ms a centre).
 */
export interface ReadinessAtAGlance {
	passes: boolean;
	overall: OverallReadiness;
	areasPassing: number;
	areasCount: number;
}

export function readinessAtAGlance(input: ReadinessInput): ReadinessAtAGlance {
	const assessment = assess(input);
	const passing = assessment.areas.map(areaPasses);
	return {
		passes: assessment.overall.passes && passing.every(Boolean),
		overall: assessment.overall,
		areasPassing: passing.filter(Boolean).length,
		areasCount: assessment.areas.length
	};
}
