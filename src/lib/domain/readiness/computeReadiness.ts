import { areaPasses, assess } from './assess';
import { areaMissing, overallMissing, unreachableReasons } from './explain';
import { planTodo } from './todoPlan';
import type { AreaReadiness, Readiness, ReadinessInput } from './types';

/** Everything the Übersicht shows about readiness: per area, overall, in words, and the to-do list. */
export function computeReadiness(input: ReadinessInput): Readiness {
	const assessment = assess(input);
	const areas: AreaReadiness[] = assessment.areas.map((a) => ({
		areaId: a.area.id,
		kind: a.area.kind,
		title: a.area.title,
		points: a.points,
		pointsRequired: a.pointsRequired,
		basisMet: a.basisMet,
		basisRequired: a.basisRequired,
		metCount: a.metCount,
		criteriaCount: a.criteria.length,
		passes: areaPasses(a),
		missing: areaMissing(a)
	}));
	const explanations = [
		...areas.flatMap((a) => a.missing.map((m) => `${a.title}: ${m}`)),
		...overallMissing(assessment)
	];
	const reasons = unreachableReasons(assessment);
	const plan = planTodo(assessment, input.catalogue.criteria);
	return {
		passes: assessment.overall.passes && areas.every((a) => a.passes),
		areas,
		overall: assessment.overall,
		explanations,
		todo: { reachable: reasons.length === 0, ...plan, unreachableReasons: reasons },
		perSite: assessment.perSite,
		metByParts: assessment.metByParts
	};
}
