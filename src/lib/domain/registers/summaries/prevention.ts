import type { LocalDate } from '../../dates';
import type { ReviewPeriod } from '../../periods';
import {
	PREVENTION_OFFER_KINDS,
	PREVENTION_PHASES,
	type PreventionOfferKind,
	type PreventionPhase
} from '../common';
import type { PreventionOffer, PreventionProfile } from '../prevention';
import { agreementStatus, agreementValidOn, type AgreementStatus } from './agreements';
import { overlapsPeriod, periodHorizon } from './period';

export interface PreventionSummary {
	profile: PreventionProfile | null;
	agreementStatus: AgreementStatus;
	/** The municipal agreement was in force on the period's last day so far (today or its end). */
	agreementValidInPeriod: boolean;
	/** Offers running on at least one day of the period. */
	offersActive: PreventionOffer[];
	phasesCovered: PreventionPhase[];
	phasesNotCovered: PreventionPhase[];
	kindsCovered: PreventionOfferKind[];
	kindsNotCovered: PreventionOfferKind[];
}

export function summarisePrevention(
	profile: PreventionProfile | null,
	offers: readonly PreventionOffer[],
	p: ReviewPeriod,
	today: LocalDate,
	sealValidUntil: LocalDate | null
): PreventionSummary {
	const live = profile && !profile.deleted ? profile : null;
	const offersActive = offers.filter((o) => !o.deleted && overlapsPeriod(o.validFrom, o.validTo, p));
	const phases = new Set<PreventionPhase>();
	const kinds = new Set<PreventionOfferKind>();
	for (const o of offersActive) {
		for (const ph of o.phases) phases.add(ph);
		for (const k of o.offerKinds) kinds.add(k);
	}
	return {
		profile: live,
		agreementStatus: agreementStatus(live?.agreement ?? null, today, sealValidUntil),
		agreementValidInPeriod: agreementValidOn(live?.agreement ?? null, periodHorizon(p, today)),
		offersActive,
		phasesCovered: PREVENTION_PHASES.filter((x) => phases.has(x)),
		phasesNotCovered: PREVENTION_PHASES.filter((x) => !phases.has(x)),
		kindsCovered: PREVENTION_OFFER_KINDS.filter((x) => kinds.has(x)),
		kindsNotCovered: PREVENTION_OFFER_KINDS.filter((x) => !kinds.has(x))
	};
}
