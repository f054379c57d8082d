export { computeReadiness } from './computeReadiness';
export { compareIds } from './compareIds';
export type { AreaReadiness, OverallReadiness, Readiness, ReadinessInput, TodoPlan } from './types';
