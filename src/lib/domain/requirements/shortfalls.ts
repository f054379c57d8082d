import type { ThresholdPer } from '../catalogue/format2';
import type { Catalogue } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import { evaluateCriterionRequirement, type RequirementContext } from './evaluate';
import { appliesToVariant } from './variant';
import { windowIndexOf } from './windows';

/** A threshold not yet reached in the window that contains today (the current half, month or period). */
export type ThresholdShortfall = {
	criterionId: string;
	thresholdId: string;
	/** The threshold's label: „Kurs mit mindestens 8 Terminen“. */
	label: string;
	count: number;
	min: number;
	/** „1. Halbjahr 2027 (1. Jan – 31. Jul)“ */
	windowLabel: string;
	windowStart: LocalDate;
	windowEnd: LocalDate;
	/** Counted per site (Verbund): the site that falls short. */
	siteName?: string;
	/** The kind of window: for „in diesem Halbjahr“ / „in diesem Monat“. */
	per: ThresholdPer;
};

const IN_WINDOW: Record<ThresholdPer, string> = {
	half: 'in diesem Halbjahr',
	month: 'in diesem Monat',
	period: 'im Prüfzeitraum'
};

/** „4B1: 0 von 1 in diesem Halbjahr“, with the site in a Verbund: „4B1 (Kita Mond): …“. */
export function formatShortfall(s: ThresholdShortfall): string {
	const where = s.siteName ? ` (${s.siteName})` : '';
	return `${s.criterionId}${where}: ${s.count} von ${s.min} ${IN_WINDOW[s.per]}`;
}

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
