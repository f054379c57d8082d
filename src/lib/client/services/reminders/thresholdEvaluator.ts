import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { LocalDate } from '$lib/domain/dates';
import type { ReviewPeriod } from '$lib/domain/periods';
import type { CriterionStatusValue } from '$lib/domain/records';
import type { RegisterData } from '$lib/domain/registers/registerData';
import type { ThresholdShortfall } from '$lib/domain/reminders/types';

/** The context `thresholdShortfalls` of the readiness engine takes (`domain/requirements`). */
export interface ShortfallContext {
	statuses: ReadonlyMap<string, CriterionStatusValue>;
	registers?: { data: RegisterData; period: ReviewPeriod; today: LocalDate };
	sites?: readonly { id: string; name: string }[];
}
export type ThresholdShortfallsFn = (catalogue: Catalogue, ctx: ShortfallContext) => ThresholdShortfall[];

interface RequirementsModule {
	thresholdShortfalls?: ThresholdShortfallsFn;
}

// The readiness engine's `thresholdShortfalls` (`domain/requirements`), loaded on demand: it brings
// the registers' schemas along, which the Übersicht's first paint does not need.
const requirementsModules: Record<string, () => Promise<RequirementsModule>> = {
	requirements: () => import('$lib/domain/requirements')
};

/** The evaluator when the readiness engine provides one, else null. Loads it with `import()`. */
export async function loadThresholdShortfallsFn(
	modules: Record<string, () => Promise<RequirementsModule>> = requirementsModules
): Promise<ThresholdShortfallsFn | null> {
	const load = Object.values(modules)[0];
	if (!load) return null;
	const fn = (await load()).thresholdShortfalls;
	return typeof fn === 'function' ? fn : null;
}
