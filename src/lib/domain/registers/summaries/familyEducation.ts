import type { MonthKey } from '../../dates';
import { isInPeriod, type ReviewPeriod } from '../../periods';
import { PREVENTION_PHASES, type PreventionPhase } from '../common';
import {
	FAMILY_EDUCATION_KINDS,
	type FamilyEducationKind,
	type FamilyEducationOffer
} from '../familyEducation';
import { monthBuckets, monthOf } from './period';

export interface FamilyEducationMonth {
	month: MonthKey;
	sessions: number;
	participants: number;
}

export interface FamilyEducationSummary {
	months: FamilyEducationMonth[];
	/** Offers with at least one session in the period. */
	offers: number;
	sessions: number;
	participants: number;
	freeOffers: number;
	/** Free offers among the offers of the period, 0–1; null when there were none. */
	freeShare: number | null;
	offersByKind: Record<FamilyEducationKind, number>;
	offersInCentre: number;
	offersInNeighbourhood: number;
	phasesCovered: PreventionPhase[];
	phasesNotCovered: PreventionPhase[];
}

/** Offers counted for a period: those with at least one session inside it. */
export function offersInPeriod(
	offers: readonly FamilyEducationOffer[],
	p: ReviewPeriod
): FamilyEducationOffer[] {
	return offers.filter((o) => !o.deleted && o.sessions.some((s) => isInPeriod(s.date, p)));
}

export function summariseFamilyEducation(
	offers: readonly FamilyEducationOffer[],
	p: ReviewPeriod
): FamilyEducationSummary {
	const buckets = monthBuckets<FamilyEducationMonth>(p, () => ({ month: '', sessions: 0, participants: 0 }));
	for (const [month, b] of buckets) b.month = month;
	const offersByKind = Object.fromEntries(FAMILY_EDUCATION_KINDS.map((k) => [k, 0])) as Record<
		FamilyEducationKind,
		number
	>;
	const covered = new Set<PreventionPhase>();
	let count = 0;
	let sessions = 0;
	let participants = 0;
	let freeOffers = 0;
	let inCentre = 0;
	for (const o of offers) {
		if (o.deleted) continue;
		let counted = false;
		for (const s of o.sessions) {
			if (!isInPeriod(s.date, p)) continue;
			const b = buckets.get(monthOf(s.date));
			if (!b) continue;
			counted = true;
			b.sessions++;
			b.participants += s.participants;
			sessions++;
			participants += s.participants;
		}
		if (!counted) continue;
		count++;
		offersByKind[o.kind]++;
		if (o.free) freeOffers++;
		if (o.location === 'im_zentrum') inCentre++;
		for (const phase of o.phases) covered.add(phase);
	}
	return {
		months: [...buckets.values()],
		offers: count,
		sessions,
		participants,
		freeOffers,
		freeShare: count === 0 ? null : freeOffers / count,
		offersByKind,
		offersInCentre: inCentre,
		offersInNeighbourhood: count - inCentre,
		phasesCovered: PREVENTION_PHASES.filter((ph) => covered.has(ph)),
		phasesNotCovered: PREVENTION_PHASES.filter((ph) => !covered.has(ph))
	};
}
