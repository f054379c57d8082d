import type { Threshold } from '../catalogue/format2';
import type { LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import type { RegisterData } from '../registers/registerData';
import { countPerWindow, type SiteScope } from './count';
import { periodWindows, type Window } from './windows';

export type Site = { id: string; name: string };

export type Registers = { data: RegisterData; period: ReviewPeriod; today: LocalDate };

/** One window of a threshold with what the registers hold in it. */
export type WindowCount = Window & { count: number; min: number; met: boolean };

export type ThresholdSiteResult = {
	siteId: string;
	name: string;
	met: boolean;
	windows: WindowCount[];
	/** German, prefixed with the site's name; empty when met. */
	missing: string[];
};

export type ThresholdResult = {
	threshold: Threshold;
	/** Every window reaches the minimum (per month with `months`: that many months), at every site when counted per site. */
	met: boolean;
	/** The joint count per window (all sites together). Empty without registers. */
	windows: WindowCount[];
	/** When counted per site (Verbund): the result at each site, first site first. */
	sites: ThresholdSiteResult[];
	/** German, one line per window or site that falls short; empty when met. */
	missing: string[];
};

function counted(
	threshold: Threshold,
	registers: Registers,
	windows: readonly Window[],
	scope?: SiteScope
): { windows: WindowCount[]; met: boolean } {
	const counts = countPerWindow(threshold, registers.data, registers.period, windows, scope);
	// Written out: an object spread of each window was the slowest step of a first count.
	const result = windows.map((w, i) => ({
		start: w.start,
		end: w.end,
		label: w.label,
		shortLabel: w.shortLabel,
		count: counts[i],
		min: threshold.min,
		met: counts[i] >= threshold.min
	}));
	const reached = result.filter((w) => w.met).length;
	const needed =
		threshold.per === 'month' && threshold.months ? Math.min(threshold.months, result.length) : result.length;
	return { windows: result, met: result.length > 0 && reached >= needed };
}

function shortfalls(threshold: Threshold, windows: WindowCount[], prefix: string): string[] {
	if (threshold.per === 'month' && threshold.months) {
		const reached = windows.filter((w) => w.met).length;
		const needed = Math.min(threshold.months, windows.length);
		return [
			`${prefix}${threshold.label}: in ${reached} von ${needed === 1 ? '1 Monat' : `${needed} Monaten`} erreicht`
		];
	}
	return windows
		.filter((w) => !w.met)
		.map((w) => `${prefix}${w.label}: ${w.count} von ${w.min} ${threshold.label}`);
}

/**
 * A threshold against the registers of the Prüfzeitraum. Counted per site when the threshold (or
 * its criterion, `perSiteCriterion`) asks so and there is more than one site; the first site is the
 * profile's own Kita and also gets the entries without a site.
 */
export function evaluateThreshold(
	threshold: Threshold,
	registers: Registers | undefined,
	options: ThresholdOptions = {}
): ThresholdResult {
	if (!registers) return evaluate(threshold, registers, options);
	// Readiness asks again on every status change while the registers stay the same: remember the
	// result per loaded register data (never changed in place) and threshold.
	let byThreshold = results.get(registers.data);
	if (!byThreshold) results.set(registers.data, (byThreshold = new WeakMap()));
	let bySetting = byThreshold.get(threshold);
	if (!bySetting) byThreshold.set(threshold, (bySetting = new Map()));
	const { period } = registers;
	const key = [
		period.start,
		period.end,
		period.label,
		options.secondHalfStarts ?? '',
		options.perSiteCriterion ? 1 : 0,
		...(options.sites ?? []).flatMap((s) => [s.id, s.name])
	].join('\u0000');
	let result = bySetting.get(key);
	if (!result) {
		if (bySetting.size > 20) bySetting.clear();
		result = evaluate(threshold, registers, options);
		bySetting.set(key, result);
	}
	return result;
}

type ThresholdOptions = { secondHalfStarts?: string; sites?: readonly Site[]; perSiteCriterion?: boolean };

const results = new WeakMap<RegisterData, WeakMap<Threshold, Map<string, ThresholdResult>>>();

function evaluate(
	threshold: Threshold,
	registers: Registers | undefined,
	options: ThresholdOptions
): ThresholdResult {
	if (!registers)
		return {
			threshold,
			met: false,
			windows: [],
			sites: [],
			missing: [`${threshold.label}: keine Registerdaten`]
		};
	const windows = periodWindows(registers.period, threshold.per, options.secondHalfStarts);
	const joint = counted(threshold, registers, windows);
	const sites = options.sites ?? [];
	if (sites.length < 2 || !(threshold.perSite || options.perSiteCriterion))
		return {
			threshold,
			...joint,
			sites: [],
			missing: joint.met ? [] : shortfalls(threshold, joint.windows, '')
		};
	const ownSiteId = sites[0].id;
	const perSite = sites.map((site) => {
		const result = counted(threshold, registers, windows, { siteId: site.id, ownSiteId });
		const missing = result.met ? [] : shortfalls(threshold, result.windows, `${site.name}: `);
		return { siteId: site.id, name: site.name, ...result, missing };
	});
	const met = perSite.every((s) => s.met);
	return {
		threshold,
		met,
		windows: joint.windows,
		sites: perSite,
		missing: perSite.flatMap((s) => s.missing)
	};
}
