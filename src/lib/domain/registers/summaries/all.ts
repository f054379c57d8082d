import type { LocalDate } from '../../dates';
import type { ReviewPeriod } from '../../periods';
import type { RegisterData } from '../registerData';
import { summarisePartners, type PartnersSummary } from './agreements';
import { summariseChildminding, type ChildminderSummary } from './childminding';
import { summariseFamilyEducation, type FamilyEducationSummary } from './familyEducation';
import { summariseOfficeHours, type OfficeHoursSummary } from './officeHours';
import { summarisePrevention, type PreventionSummary } from './prevention';
import { summariseQualifications, type QualificationsSummary } from './qualifications';

export interface RegisterSummaries {
	period: ReviewPeriod;
	today: LocalDate;
	officeHours: OfficeHoursSummary;
	familyEducation: FamilyEducationSummary;
	childminding: ChildminderSummary;
	partners: PartnersSummary;
	prevention: PreventionSummary;
	qualifications: QualificationsSummary;
}

/** Every register's sums for one review period; each register is read once (see the bench). */
export function computeAllRegisterSummaries(
	data: RegisterData,
	period: ReviewPeriod,
	today: LocalDate
): RegisterSummaries {
	return {
		period,
		today,
		officeHours: summariseOfficeHours(data.officeHourPlans, data.officeHourSessions, period, today),
		familyEducation: summariseFamilyEducation(data.familyEducationOffers, period),
		childminding: summariseChildminding(data.childminderContacts, data.childminderArrangements, period),
		partners: summarisePartners(data.partners, today, data.sealValidUntil),
		prevention: summarisePrevention(
			data.preventionProfile,
			data.preventionOffers,
			period,
			today,
			data.sealValidUntil
		),
		qualifications: summariseQualifications(data.qualifications, period, today)
	};
}
