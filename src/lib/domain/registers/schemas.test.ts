import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { childminderArrangementInputSchema, childminderContactInputSchema } from './childminding';
import { familyEducationOfferInputSchema, familyEducationOfferSchema } from './familyEducation';
import {
	officeHourPlanInputSchema,
	officeHourSessionInputSchema,
	officeHourSessionSchema
} from './officeHours';
import { cooperationPartnerInputSchema } from './partners';
import { preventionOfferInputSchema, preventionProfileInputSchema } from './prevention';
import {
	makeChildminderArrangement,
	makeFamilyEducationOffer,
	makeOfficeHourSession,
	makePreventionOffer
} from '$fixtures/registers';

function messages(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
	if (result.success) return {};
	return z.flattenError(result.error as z.ZodError<Record<string, unknown>>).fieldErrors as Record<
		string,
		string[]
	>;
}

describe('register schemas', () => {
	it('accept the records the factories make', () => {
		expect(officeHourSessionSchema.safeParse(makeOfficeHourSession()).success).toBe(true);
		expect(familyEducationOfferSchema.safeParse(makeFamilyEducationOffer()).success).toBe(true);
	});

	it('explain in German when an office-hour plan ends before it begins', () => {
		const result = officeHourPlanInputSchema.safeParse({
			weekday: 3,
			startTime: '16:00',
			endTime: '14:00',
			counsellingService: 'EB Nord',
			place: 'im_zentrum',
			validFrom: '2026-08-01',
			validTo: '2026-07-01'
		});
		const errors = messages(result);
		expect(errors.endTime).toEqual(['Das Ende liegt nicht nach dem Beginn']);
		expect(errors.validTo).toEqual(['„Gilt bis“ liegt vor „Gilt ab“']);
	});

	it('report a wrong time range even while other fields are still missing', () => {
		const errors = messages(
			officeHourPlanInputSchema.safeParse({ startTime: '16:00', endTime: '14:00', validFrom: '2026-08-01' })
		);
		expect(errors.weekday).toEqual(['Bitte einen Wochentag wählen']);
		expect(errors.endTime).toEqual(['Das Ende liegt nicht nach dem Beginn']);
	});

	it('name every missing field of a session log in German', () => {
		const errors = messages(
			officeHourSessionInputSchema.safeParse({ date: '', durationMinutes: null, contacts: -1, topic: '' })
		);
		expect(errors.date).toEqual(['Bitte ein gültiges Datum angeben']);
		expect(errors.durationMinutes).toEqual(['Bitte die Zahl der Minuten angeben']);
		expect(errors.contacts).toEqual(['Die Zahl kann nicht negativ sein']);
		expect(errors.topic).toEqual(['Bitte ein Thema wählen']);
	});

	it('reject impossible calendar days and times', () => {
		const errors = messages(
			officeHourPlanInputSchema.safeParse({
				weekday: 8,
				startTime: '25:00',
				endTime: '9:5',
				counsellingService: ' ',
				place: 'im_zentrum',
				validFrom: '2026-02-30'
			})
		);
		expect(errors.weekday).toEqual(['Bitte einen Wochentag wählen']);
		expect(errors.startTime).toEqual(['Bitte eine Uhrzeit wie 14:30 angeben']);
		expect(errors.endTime).toEqual(['Bitte eine Uhrzeit wie 14:30 angeben']);
		expect(errors.counsellingService).toEqual(['Bitte die Beratungsstelle angeben']);
		expect(errors.validFrom).toEqual(['Bitte ein gültiges Datum angeben']);
	});

	it('want at least one dated session for a Familienbildung offer and whole participant counts', () => {
		const {
			id: _id,
			facilityId: _f,
			createdAt: _c,
			updatedAt: _u,
			updatedBy: _b,
			deleted: _d,
			...fields
		} = makeFamilyEducationOffer();
		expect(messages(familyEducationOfferInputSchema.safeParse({ ...fields, sessions: [] })).sessions).toEqual(
			['Bitte mindestens einen Termin angeben']
		);
		const bad = familyEducationOfferInputSchema.safeParse({
			...fields,
			sessions: [{ date: '2026-03-03', participants: 2.5 }]
		});
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]).toMatchObject({
			path: ['sessions', 0, 'participants'],
			message: 'Bitte eine ganze Zahl angeben'
		});
	});

	it('count Kindertagespflege contacts from one upwards', () => {
		const errors = messages(
			childminderContactInputSchema.safeParse({ date: '2026-01-01', kind: 'x', count: 0 })
		);
		expect(errors.kind).toEqual(['Bitte die Art des Kontakts wählen']);
		expect(errors.count).toEqual(['Bitte mindestens 1 angeben']);
	});

	it('keep childminders to a short label, not a profile', () => {
		const { kind, description, validFrom, validTo } = makeChildminderArrangement();
		const errors = messages(
			childminderArrangementInputSchema.safeParse({
				kind,
				description,
				validFrom,
				validTo,
				label: 'x'.repeat(61)
			})
		);
		expect(errors.label?.[0]).toMatch(/Tagespflegeperson A/);
	});

	it('check that a partner agreement does not end before it was signed', () => {
		const result = cooperationPartnerInputSchema.safeParse({
			name: 'Familienbildungsstätte',
			kind: 'familienbildungsstaette',
			contactRole: 'Programmplanung',
			agreement: { signedOn: '2026-05-01', validUntil: '2026-04-30', attachment: null }
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({
			path: ['agreement', 'validUntil'],
			message: '„Gültig bis“ liegt vor „Unterschrieben am“'
		});
	});

	it('require a network name and role for the Profilbereich Prävention and phases for each offer', () => {
		const profile = messages(
			preventionProfileInputSchema.safeParse({ networkKind: 'fruehe_hilfen', networkName: '' })
		);
		expect(profile.networkName).toEqual(['Bitte den Namen des Netzwerks oder Programms angeben']);
		expect(profile.role).toEqual(['Bitte die Rolle des Familienzentrums wählen']);
		const { title, description, validFrom, validTo } = makePreventionOffer();
		const offer = messages(
			preventionOfferInputSchema.safeParse({
				title,
				description,
				validFrom,
				validTo,
				phases: [],
				offerKinds: []
			})
		);
		expect(offer.phases).toEqual(['Bitte mindestens eine Phase wählen']);
		expect(offer.offerKinds).toEqual(['Bitte mindestens eine Art wählen']);
	});
});
