import type { RecordBase } from '../records';
import type { ChildminderArrangement, ChildminderContact } from './childminding';
import type { FamilyEducationOffer } from './familyEducation';
import type { OfficeHourPlan, OfficeHourSession } from './officeHours';
import type { CooperationPartner } from './partners';
import type { PreventionOffer, PreventionProfile } from './prevention';

/** Factories for register records in tests and benchmarks: valid defaults, override what matters. */

let counter = 0;

function base(prefix: string): RecordBase {
	counter++;
	return {
		id: `${prefix}-${counter}`,
		facilityId: 'fz-test',
		createdAt: '2026-01-01T10:00:00.000Z',
		updatedAt: '2026-01-01T10:00:00.000Z',
		updatedBy: 'Test',
		deleted: false
	};
}

export function makeOfficeHourPlan(overrides: Partial<OfficeHourPlan> = {}): OfficeHourPlan {
	return {
		...base('plan'),
		weekday: 2,
		startTime: '14:00',
		endTime: '16:00',
		counsellingService: 'Erziehungsberatungsstelle Nord',
		place: 'im_zentrum',
		validFrom: '2020-01-01',
		validTo: null,
		...overrides
	};
}

export function makeOfficeHourSession(overrides: Partial<OfficeHourSession> = {}): OfficeHourSession {
	return {
		...base('session'),
		date: '2026-03-03',
		durationMinutes: 120,
		contacts: 3,
		topic: 'erziehungsfragen',
		planId: null,
		...overrides
	};
}

export function makeFamilyEducationOffer(
	overrides: Partial<FamilyEducationOffer> = {}
): FamilyEducationOffer {
	return {
		...base('offer'),
		title: 'Starke Eltern – starke Kinder',
		kind: 'elternkurs',
		partnerId: null,
		sessions: [{ date: '2026-03-03', participants: 8 }],
		targetGroup: 'Eltern von Kindern bis 6 Jahre',
		languages: ['Deutsch'],
		free: true,
		location: 'im_zentrum',
		phases: ['drei_bis_sechs'],
		...overrides
	};
}

export function makeChildminderContact(overrides: Partial<ChildminderContact> = {}): ChildminderContact {
	return { ...base('contact'), date: '2026-03-03', kind: 'beratung', count: 1, ...overrides };
}

export function makeChildminderArrangement(
	overrides: Partial<ChildminderArrangement> = {}
): ChildminderArrangement {
	return {
		...base('arrangement'),
		kind: 'raum_fuer_tagespflege',
		label: 'Tagespflegeperson A',
		description: '',
		validFrom: '2025-01-01',
		validTo: null,
		...overrides
	};
}

export function makePartner(overrides: Partial<CooperationPartner> = {}): CooperationPartner {
	return {
		...base('partner'),
		name: 'Erziehungsberatungsstelle Nord',
		kind: 'erziehungsberatungsstelle',
		contactRole: 'Leitung',
		agreement: { signedOn: '2024-05-01', validUntil: null, attachment: null },
		...overrides
	};
}

export function makePreventionProfile(overrides: Partial<PreventionProfile> = {}): PreventionProfile {
	return {
		...base('prevention'),
		agreement: { signedOn: '2024-05-01', validUntil: null, attachment: null },
		networkKind: 'kommunale_praeventionskette',
		networkName: 'Präventionskette Musterstadt',
		role: 'anlaufstelle',
		...overrides
	};
}

export function makePreventionOffer(overrides: Partial<PreventionOffer> = {}): PreventionOffer {
	return {
		...base('prevention-offer'),
		title: 'Willkommensbesuche',
		description: '',
		phases: ['null_bis_drei'],
		offerKinds: ['information', 'begleitung'],
		validFrom: '2024-01-01',
		validTo: null,
		...overrides
	};
}
