import type { MonthKey } from '../../dates';
import { isInPeriod, type ReviewPeriod } from '../../periods';
import {
	CHILDMINDER_ARRANGEMENT_KINDS,
	CHILDMINDER_CONTACT_KINDS,
	type ChildminderArrangement,
	type ChildminderArrangementKind,
	type ChildminderContact,
	type ChildminderContactKind
} from '../childminding';
import { monthBuckets, monthOf, overlapsPeriod } from './period';

export interface ChildminderMonth {
	month: MonthKey;
	contacts: number;
}

export interface ChildminderSummary {
	months: ChildminderMonth[];
	/** Sum of the counts of all contact entries in the period. */
	contacts: number;
	contactsByKind: Record<ChildminderContactKind, number>;
	/** Arrangements in force on at least one day of the period. */
	arrangementsActive: ChildminderArrangement[];
	arrangementsByKind: Record<ChildminderArrangementKind, number>;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
	return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function summariseChildminding(
	contacts: readonly ChildminderContact[],
	arrangements: readonly ChildminderArrangement[],
	p: ReviewPeriod
): ChildminderSummary {
	const buckets = monthBuckets<ChildminderMonth>(p, () => ({ month: '', contacts: 0 }));
	for (const [month, b] of buckets) b.month = month;
	const contactsByKind = zeroes(CHILDMINDER_CONTACT_KINDS);
	let total = 0;
	for (const c of contacts) {
		if (c.deleted || !isInPeriod(c.date, p)) continue;
		const b = buckets.get(monthOf(c.date));
		if (!b) continue;
		b.contacts += c.count;
		contactsByKind[c.kind] += c.count;
		total += c.count;
	}
	const arrangementsByKind = zeroes(CHILDMINDER_ARRANGEMENT_KINDS);
	const arrangementsActive = arrangements.filter(
		(a) => !a.deleted && overlapsPeriod(a.validFrom, a.validTo, p)
	);
	for (const a of arrangementsActive) arrangementsByKind[a.kind]++;
	return {
		months: [...buckets.values()],
		contacts: total,
		contactsByKind,
		arrangementsActive,
		arrangementsByKind
	};
}
