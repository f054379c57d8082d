import type { Catalogue } from '../catalogue/schema';
import { evaluateCriterionRequirement, type RequirementContext } from './evaluate';
import { appliesToVariant } from './variant';
import type { ThresholdShortfall } from './shortfallText';
import { windowIndexOf } from './windows';

export { formatShortfall, type ThresholdShortfall } from './shortfallText';

/**
 * What the registers still lack in the current window, for reminders („4B1: 0 von 1 in diesem
 * Halbjahr“). Left out: criteria marked nicht zutreffend or not asked in the round's variant, criteria whose expression already holds
 * (another ODER branch may not need the threshold at all), thresholds already reached over the
 * whole period (per month with `months`), and days outside the Prüfzeitraum.
 */
export function thresholdShortfalls(catalogue: Catalogue, ctx: RequirementContext): ThresholdShortfall[] {
	const registers = ctx.registers;
	if (!registers) return [];
	const today = registers.today;
	const withHalf = { ...ctx, secondHalfStarts: ctx.secondHalfStarts ?? catalogue.secondHalfStarts };
	const out: ThresholdShortfall[] = [];
	for (const criterion of catalogue.criteria) {
		if ((criterion.thresholds ?? []).length === 0) continue;
		if (ctx.statuses.get(criterion.id) === 'nicht_zutreffend') continue;
		if (!appliesToVariant(criterion, ctx.variant)) continue;
		const result = evaluateCriterionRequirement(criterion, withHalf);
		if (result.met) continue;
		for (const t of result.thresholds) {
			if (t.met) continue;
			const scopes =
				t.sites.length > 0
					? t.sites.map((s) => ({ windows: s.windows, siteName: s.name as string | undefined }))
					: [{ windows: t.windows, siteName: undefined }];
			for (const { windows, siteName } of scopes) {
				const i = windowIndexOf(windows, today);
				if (i < 0 || windows[i].met) continue;
				const w = windows[i];
				out.push({
					criterionId: criterion.id,
					thresholdId: t.threshold.id,
					label: t.threshold.label,
					count: w.count,
					min: w.min,
					windowLabel: w.label,
					windowStart: w.start,
					windowEnd: w.end,
					per: t.threshold.per,
					...(siteName === undefined ? {} : { siteName })
				});
			}
		}
	}
	return out;
}
