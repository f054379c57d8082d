import type { LocalDate } from '../dates';
import type { ChildminderArrangement, ChildminderContact } from './childminding';
import type { FamilyEducationOffer } from './familyEducation';
import type { OfficeHourPlan, OfficeHourSession } from './officeHours';
import type { CooperationPartner } from './partners';
import type { PreventionOffer, PreventionProfile } from './prevention';
import type { Qualification } from './qualifications';

/** Everything the five registers hold for one facility: the input of summaries, rules and exports. */
export interface RegisterData {
	officeHourPlans: OfficeHourPlan[];
	officeHourSessions: OfficeHourSession[];
	familyEducationOffers: FamilyEducationOffer[];
	childminderContacts: ChildminderContact[];
	childminderArrangements: ChildminderArrangement[];
	partners: CooperationPartner[];
	preventionProfile: PreventionProfile | null;
	preventionOffers: PreventionOffer[];
	qualifications: Qualification[];
	/** Last day the seal is valid (from the facility profile): agreements should outlast it. */
	sealValidUntil: LocalDate | null;
}

export function emptyRegisterData(): RegisterData {
	return {
		officeHourPlans: [],
		officeHourSessions: [],
		familyEducationOffers: [],
		childminderContacts: [],
		childminderArrangements: [],
		partners: [],
		preventionProfile: null,
		preventionOffers: [],
		qualifications: [],
		sealValidUntil: null
	};
}
