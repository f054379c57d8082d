export {
	evaluateCriterionRequirement,
	formatRequirement,
	partName,
	requirementOf,
	type ItemResult,
	type RequirementContext,
	type RequirementResult,
	type RequirementSiteResult
} from './evaluate';
export { formatExpression } from './expression';
export { formatShortfall, thresholdShortfalls, type ThresholdShortfall } from './shortfalls';
export type { Site, ThresholdResult, ThresholdSiteResult, WindowCount } from './thresholds';
export { periodWindows, type Window } from './windows';
export { appliesToVariant, type Variant } from './variant';
