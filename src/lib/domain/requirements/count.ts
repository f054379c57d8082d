import type { Threshold } from '../catalogue/format2';
import type { LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import type { RegisterData } from '../registers/registerData';
import { isWeekend, windowIndexOf, type Window } from './windows';

/**
 * Which entries a count looks at. `siteId` null: every entry (the joint count of a Verbund or a
 * single centre). Otherwise only the entries of that site, where an entry without a site belongs
 * to `ownSiteId` — the profile's own Kita, whose entries were written before it joined a Verbund
 * or by a tablet that never asks for a site.
 */
export type SiteScope = { siteId: string | null; ownSiteId: string | null };

export const ALL_SITES: SiteScope = { siteId: null, ownSiteId: null };

function inScope(entrySite: string | null | undefined, scope: SiteScope): boolean {
	return scope.siteId === null || (entrySite ?? scope.ownSiteId) === scope.siteId;
}

/** The day a qualification must be at most `years` old on: the period's last day, `years` earlier. */
function oldestAllowed(period: ReviewPeriod, years: number): LocalDate {
	return `${String(Number(period.end.slice(0, 4)) - years).padStart(4, '0')}${period.end.slice(4)}`;
}

/**
 * Counts per register data, windows and threshold filter. Readiness is recomputed on every status
 * change while the registers stay the same, so each count is made once per loaded `RegisterData`
 * (which is never changed in place: the device loads a new object when a register changes).
 */
const memo = new WeakMap<RegisterData, WeakMap<readonly Window[], Map<string, readonly number[]>>>();
const filterKeys = new WeakMap<Threshold, string>();

function filterKey(threshold: Threshold): string {
	let key = filterKeys.get(threshold);
	if (key === undefined) {
		key = `${threshold.source}|${JSON.stringify(threshold.where ?? {})}`;
		filterKeys.set(threshold, key);
	}
	return key;
}

/**
 * How many entries of the threshold's source count in each window (`windows` as given by
 * `periodWindows` for `period`). Deleted entries never count. Remembered, see `memo`.
 */
export function countPerWindow(
	threshold: Threshold,
	data: RegisterData,
	period: ReviewPeriod,
	windows: readonly Window[],
	scope: SiteScope = ALL_SITES
): readonly number[] {
	let byWindows = memo.get(data);
	if (!byWindows) memo.set(data, (byWindows = new WeakMap()));
	let counts = byWindows.get(windows);
	if (!counts) byWindows.set(windows, (counts = new Map()));
	const key = `${filterKey(threshold)}|${scope.siteId}|${scope.ownSiteId}`;
	let result = counts.get(key);
	if (!result) {
		result = Object.freeze(count(threshold, data, period, windows, scope));
		counts.set(key, result);
	}
	return result;
}

/**
 * The counting rules, per source:
 *
 * - officeHourSessions, familyEducationSessions: each session on its day (`weekend`: on a Saturday
 *   or Sunday); a session counts for its offer's `offerKinds` and `minSessions`.
 * - familyEducationOffers: an offer counts once in every window in which it has a session (with
 *   `weekend`: a weekend session); `minSessions` is the offer's total number of sessions, so a course
 *   of 8 sessions that runs across the split counts in both halves.
 * - childminderContacts: the summed `count` of the contacts on days in the window.
 * - preventionOffers: offers in force on at least one day of the window.
 * - qualifications: completed (endDate) by the window's end, with `maxAgeYears` not older than that
 *   at the end of the period; `minHours` and `qualificationKinds` filter. Long-lived, so they count
 *   in every later window too. `weekend` does not apply to offers in force or qualifications.
 */
function count(
	threshold: Threshold,
	data: RegisterData,
	period: ReviewPeriod,
	windows: readonly Window[],
	scope: SiteScope
): number[] {
	const counts = windows.map(() => 0);
	const where = threshold.where ?? {};
	const countDay = (day: LocalDate, n = 1) => {
		if (where.weekend && !isWeekend(day)) return;
		const i = windowIndexOf(windows, day);
		if (i >= 0) counts[i] += n;
	};
	const seen = new Uint8Array(windows.length);
	switch (threshold.source) {
		case 'officeHourSessions':
			for (const s of data.officeHourSessions) if (!s.deleted && inScope(s.siteId, scope)) countDay(s.date);
			break;
		case 'familyEducationOffers':
		case 'familyEducationSessions':
			for (const offer of data.familyEducationOffers) {
				if (offer.deleted || !inScope(offer.siteId, scope)) continue;
				if (where.offerKinds && !where.offerKinds.includes(offer.kind)) continue;
				if (where.minSessions && offer.sessions.length < where.minSessions) continue;
				if (threshold.source === 'familyEducationSessions') {
					for (const session of offer.sessions) countDay(session.date);
					continue;
				}
				seen.fill(0);
				for (const session of offer.sessions) {
					if (where.weekend && !isWeekend(session.date)) continue;
					const i = windowIndexOf(windows, session.date);
					if (i >= 0 && seen[i] === 0) {
						seen[i] = 1;
						counts[i]++;
					}
				}
			}
			break;
		case 'childminderContacts':
			for (const c of data.childminderContacts) {
				if (c.deleted || !inScope(c.siteId, scope)) continue;
				if (where.contactKinds && !where.contactKinds.includes(c.kind)) continue;
				countDay(c.date, c.count);
			}
			break;
		case 'preventionOffers':
			for (const o of data.preventionOffers) {
				if (o.deleted || !inScope(o.siteId, scope)) continue;
				windows.forEach((w, i) => {
					if (o.validFrom <= w.end && (o.validTo == null || o.validTo >= w.start)) counts[i]++;
				});
			}
			break;
		case 'qualifications': {
			const oldest = where.maxAgeYears ? oldestAllowed(period, where.maxAgeYears) : '';
			for (const q of data.qualifications) {
				if (q.deleted || !inScope(q.siteId, scope)) continue;
				if (where.qualificationKinds && !where.qualificationKinds.includes(q.kind)) continue;
				if (where.minHours && q.hours < where.minHours) continue;
				if (q.endDate < oldest) continue;
				windows.forEach((w, i) => {
					if (q.endDate <= w.end) counts[i]++;
				});
			}
			break;
		}
	}
	return counts;
}
