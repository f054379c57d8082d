import { plural } from '$lib/domain/plural';
import type { CriterionRule } from '$lib/domain/criterionRules/schema';
import type { RegisterSummaries } from '$lib/domain/registers/summaries/all';
import { formatCount, formatHourCount, formatHours, formatShare } from './format';

/** The register page each kind of rule reads. */
export const registerPathOfRule = {
	officeHoursMonthly: '/register/sprechstunden',
	familyEducationOffers: '/register/familienbildung',
	partnerAgreement: '/register/partner',
	childminderContacts: '/register/kindertagespflege',
	childminderArrangement: '/register/kindertagespflege',
	preventionNetwork: '/register/praevention',
	qualifications: '/register/qualifikationen'
} as const satisfies Record<CriterionRule['kind'], `/register/${string}`>;

export const registerNameOfRule: Record<CriterionRule['kind'], string> = {
	officeHoursMonthly: 'Sprechstunden',
	familyEducationOffers: 'Familienbildung',
	partnerAgreement: 'Kooperationspartner',
	childminderContacts: 'Kindertagespflege',
	childminderArrangement: 'Kindertagespflege',
	preventionNetwork: 'Prävention',
	qualifications: 'Qualifikationen'
};

/** Further sums of the register a rule reads, shown under its reason; null when the reason says it all. */
export function registerSumsFor(rule: CriterionRule, s: RegisterSummaries): string | null {
	switch (rule.kind) {
		case 'officeHoursMonthly':
			return `${plural(s.officeHours.sessionsHeld, 'Sprechstunde', 'Sprechstunden')}, ${formatHours(s.officeHours.minutes)}, ${plural(s.officeHours.contacts, 'Kontakt', 'Kontakte')}`;
		case 'familyEducationOffers':
			return `${plural(s.familyEducation.sessions, 'Termin', 'Termine')}, ${formatCount(s.familyEducation.participants)} Teilnehmende, ${formatShare(s.familyEducation.freeShare)} kostenfrei`;
		case 'childminderContacts':
			return `Beratung ${formatCount(s.childminding.contactsByKind.beratung)}, Vermittlung ${formatCount(s.childminding.contactsByKind.vermittlung)}, Infoveranstaltung ${formatCount(s.childminding.contactsByKind.infoveranstaltung)}`;
		case 'qualifications': {
			const q = s.qualifications;
			return `${formatHourCount(q.hoursInPeriod)} im Zeitraum, ${formatCount(q.byHolder.length)} ${q.byHolder.length === 1 ? 'Rolle' : 'Rollen'} mit Einträgen`;
		}
		default:
			return null;
	}
}
