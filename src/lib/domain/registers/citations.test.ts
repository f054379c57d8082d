import { describe, expect, it } from 'vitest';
import { citableEntries, citableEntryIndex, citableEntryLink } from './citableEntries';
import { countCitationsByCriterion } from './citationCounts';
import { registerCitationId, registerCitationSchema } from './citations';
import { emptyRegisterData, type RegisterData } from './registerData';
import {
	makeChildminderContact,
	makeFamilyEducationOffer,
	makeOfficeHourPlan,
	makePartner,
	makePreventionProfile,
	makeQualification
} from '$fixtures/registers';

const base = {
	facilityId: 'fz-1',
	createdAt: '2026-03-01T10:00:00.000Z',
	updatedAt: '2026-03-01T10:00:00.000Z',
	updatedBy: 'Lea',
	deleted: false
};

describe('register citations', () => {
	it('get one id per criterion and entry', () => {
		expect(registerCitationId('2.1', 'familyEducationOffers', 'offer-7')).toBe('2.1~feo~offer-7');
		expect(registerCitationId('2.1', 'familyEducationOffers', 'offer-7')).not.toBe(
			registerCitationId('2.3', 'familyEducationOffers', 'offer-7')
		);
	});

	it('refuse a criterion id with control characters', () => {
		const result = registerCitationSchema.safeParse({
			...base,
			id: 'x',
			criterionId: '2.1\u0000',
			registerTable: 'familyEducationOffers',
			entryId: 'offer-7'
		});
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['criterionId', 'Die Kennung darf keine Steuerzeichen enthalten.']
		]);
	});

	it('refuse a register the app does not know, in German', () => {
		const result = registerCitationSchema.safeParse({
			...base,
			id: 'x',
			criterionId: '2.1',
			registerTable: 'kurse',
			entryId: ''
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['registerTable', 'Bitte ein Register wählen'],
			['entryId', 'Bitte einen Eintrag wählen']
		]);
	});

	it('count per criterion, leaving removed ones out', () => {
		const counts = countCitationsByCriterion([
			{ criterionId: '2.1', deleted: false },
			{ criterionId: '2.1', deleted: false },
			{ criterionId: '1.2', deleted: true }
		]);
		expect([...counts]).toEqual([['2.1', 2]]);
	});
});

describe('citable register entries', () => {
	const course = makeFamilyEducationOffer({
		id: 'offer-1',
		title: 'Elternkurs „Starke Eltern“',
		sessions: [
			{ date: '2026-03-10', participants: 7 },
			{ date: '2026-03-03', participants: 8 }
		]
	});
	const data: RegisterData = {
		...emptyRegisterData(),
		familyEducationOffers: [
			course,
			makeFamilyEducationOffer({
				id: 'offer-2',
				title: 'Elterncafé',
				kind: 'elterncafe',
				sessions: [{ date: '2025-11-04', participants: 12 }]
			})
		],
		officeHourPlans: [makeOfficeHourPlan({ id: 'plan-1', weekday: 2, validFrom: '2025-08-01' })],
		childminderContacts: [
			makeChildminderContact({ id: 'contact-1', date: '2026-07-31', kind: 'vermittlung', count: 2 })
		],
		partners: [
			makePartner({
				id: 'partner-1',
				agreement: { signedOn: '2024-05-01', validUntil: '2028-04-30', attachment: null }
			})
		],
		preventionProfile: makePreventionProfile({ id: 'fz-new:praevention' })
	};

	it('describe a course by title, kind, sessions and participants, newest first', () => {
		expect(citableEntries(data, 'familyEducationOffers')).toEqual([
			{
				table: 'familyEducationOffers',
				id: 'offer-1',
				title: 'Elternkurs „Starke Eltern“',
				detail: 'Elternkurs · 2 Termine (03.03.2026 – 10.03.2026) · 15 Teilnahmen',
				date: '2026-03-03'
			},
			expect.objectContaining({ id: 'offer-2', detail: 'Elterncafé · 1 Termin (04.11.2025) · 12 Teilnahmen' })
		]);
	});

	it('describe the office-hour plan, contacts and partner agreements in German', () => {
		const find = citableEntryIndex(data);
		expect(find('officeHourPlans', 'plan-1')).toMatchObject({
			title: 'Dienstag 14:00–16:00 Uhr, Erziehungsberatungsstelle Nord',
			detail: 'Im Familienzentrum · ab 01.08.2025'
		});
		expect(find('childminderContacts', 'contact-1')).toMatchObject({
			title: 'Vermittlung am 31.07.2026',
			detail: '2 Kontakte'
		});
		expect(find('cooperationPartners', 'partner-1')?.detail).toBe(
			'Erziehungsberatungsstelle · Vereinbarung vom 01.05.2024, gültig bis 30.04.2028'
		);
		expect(find('cooperationPartners', 'gone')).toBeNull();
	});

	it('find the one prevention profile even under the id it had before', () => {
		expect(citableEntryIndex(data)('preventionProfiles', 'fz-old:praevention')?.id).toBe(
			'fz-new:praevention'
		);
	});

	it('link to the register page and, for dated registers, to the entry’s period', () => {
		const find = citableEntryIndex(data);
		expect(citableEntryLink(find('childminderContacts', 'contact-1')!, 'kindergartenjahr')).toBe(
			'/register/kindertagespflege?zeitraum=kj-2025'
		);
		expect(citableEntryLink(find('familyEducationOffers', 'offer-2')!, 'kalenderjahr')).toBe(
			'/register/familienbildung?zeitraum=cy-2025'
		);
		expect(citableEntryLink(find('cooperationPartners', 'partner-1')!, 'kalenderjahr')).toBe(
			'/register/partner'
		);
	});
});

describe('qualifications as citable entries', () => {
	it('name the kind, role, hours and days, in the singular for one hour', () => {
		const data = {
			...emptyRegisterData(),
			qualifications: [
				makeQualification({ id: 'q1', title: 'Erste Hilfe', hours: 1 }),
				makeQualification({
					id: 'q2',
					title: 'Zertifikatskurs',
					kind: 'qualifikation',
					hours: 160,
					startDate: '2025-09-01',
					endDate: '2026-02-28'
				})
			]
		};
		expect(citableEntries(data, 'qualifications').map((e) => [e.title, e.detail])).toEqual([
			['Erste Hilfe', 'Fortbildung · Fachkraft A · 1 Stunde · 02.03.2026'],
			['Zertifikatskurs', 'Qualifizierung · Fachkraft A · 160 Stunden · 01.09.2025 – 28.02.2026']
		]);
		expect(citableEntryLink(citableEntries(data, 'qualifications')[0], 'kalenderjahr')).toBe(
			'/register/qualifikationen'
		);
	});
});
