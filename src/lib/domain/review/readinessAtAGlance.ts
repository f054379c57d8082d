import { areaPasses, assess } from '../readiness/assess';
import { areaMissing, overallMissing } from '../readiness/explain';
import type { OverallReadiness, ReadinessInput } from '../readiness/types';

/**
 * What a portfolio row shows of a centre's readiness: whether it passes, the overall figures, the
 * areas passing and what is missing in words — the same as `computeReadiness` gives, without the
 * to-do plan. The plan is an exact optimisation and takes most of the time (about 2 ms a centre);
 * with 300 centres in one answer it is left out.
 */
export interface ReadinessAtAGlance {
	passes: boolean;
	overall: OverallReadiness;
	areasPassing: number;
	areasCount: number;
	explanations: string[];
}

export function readinessAtAGlance(input: ReadinessInput): ReadinessAtAGlance {
	const assessment = assess(input);
	const passing = assessment.areas.map(areaPasses);
	return {
		passes: assessment.overall.passes && passing.every(Boolean),
		overall: assessment.overall,
		areasPassing: passing.filter(Boolean).length,
		areasCount: assessment.areas.length,
		explanations: [
			...assessment.areas.flatMap((a) => areaMissing(a).map((m) => `${a.area.title}: ${m}`)),
			...overallMissing(assessment)
		]
	};
}
