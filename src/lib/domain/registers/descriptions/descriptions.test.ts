import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { match } from '../../../../params/register';
import { makeQualification } from '$fixtures/registers';
import { qualificationInputSchema, qualificationSchema } from '../qualifications';
import { emptyRegisterData } from '../registerData';
import { calendarYear } from '../../periods';
import { REGISTER_SEGMENTS, registerDescriptions } from './index';
import { qualificationFieldSpecs, qualificationsRegister } from './qualifications';
import { officeHourPlanInputSchema } from '../officeHours';
import { preventionOfferInputSchema } from '../prevention';
import { childminderArrangementInputSchema } from '../childminding';
import { officeHourPlanFieldSpecs } from './officeHours';
import { preventionOfferFieldSpecs } from './prevention';
import { childminderArrangementFieldSpecs } from './childminding';

function messages(input: unknown): Record<string, string[] | undefined> {
	const result = qualificationInputSchema.safeParse(input);
	if (result.success) return {};
	return z.flattenError(result.error as z.ZodError<Record<string, unknown>>).fieldErrors;
}

const valid = {
	title: 'Fortbildung Kinderschutz',
	kind: 'fortbildung',
	holder: 'Fachkraft A',
	startDate: '2026-03-02',
	endDate: '2026-03-02',
	hours: 6
};

describe('register descriptions', () => {
	it('describe each register under its own segment, which the route matcher accepts', () => {
		for (const segment of REGISTER_SEGMENTS) {
			expect(registerDescriptions[segment].segment).toBe(segment);
			expect(match(segment)).toBe(true);
		}
		expect(match('qualifikationen')).toBe(true);
		expect(match('qualifikation')).toBe(false);
	});

	it('describe the qualifications register: role hint, kinds, CSV of the period', () => {
		expect(qualificationsRegister.tables.map((t) => t.table)).toEqual(['qualifications']);
		expect(qualificationFieldSpecs.holder.hint).toContain('z. B. Leitung, Fachkraft A');
		expect(qualificationFieldSpecs.kind.options).toEqual([
			'fortbildung',
			'qualifikation',
			'zusatzqualifikation'
		]);
		const csv = qualificationsRegister.tables[0].csv!;
		const data = { ...emptyRegisterData(), qualifications: [makeQualification()] };
		expect(csv.build(data, calendarYear('2026-01-01'), '2026-06-01')).toContain('Fortbildung Kinderschutz');
	});
});

describe('qualification schema', () => {
	it('accepts a one-day training and fills the defaults', () => {
		expect(qualificationInputSchema.parse(valid)).toMatchObject({
			provider: '',
			online: false,
			criterionIds: [],
			certificate: null
		});
		expect(qualificationSchema.safeParse(makeQualification()).success).toBe(true);
	});

	it('explains in German an end before the start and wrong hours', () => {
		expect(messages({ ...valid, endDate: '2026-03-01' }).endDate).toEqual(['„Ende“ liegt vor „Beginn“']);
		expect(messages({ ...valid, hours: undefined }).hours).toEqual(['Bitte die Stunden angeben']);
		expect(messages({ ...valid, hours: Number.NaN }).hours).toEqual([
			'Bitte eine Zahl wie 6 oder 7,5 angeben'
		]);
		expect(messages({ ...valid, hours: 0 }).hours).toEqual(['Bitte mindestens eine halbe Stunde angeben']);
		expect(messages({ ...valid, holder: ' ' }).holder).toEqual(['Bitte Rolle oder Kürzel angeben']);
		expect(messages({ ...valid, kind: '' }).kind).toEqual(['Bitte die Art wählen']);
	});
});

describe('date-range messages', () => {
	const forms = [
		['Sprechstunden-Plan', officeHourPlanInputSchema, officeHourPlanFieldSpecs],
		['Präventionsangebot', preventionOfferInputSchema, preventionOfferFieldSpecs],
		['Kindertagespflege-Regelung', childminderArrangementInputSchema, childminderArrangementFieldSpecs]
	] as const;

	it.each(forms)('name the fields of the %s form by the labels the form shows', (_, schema, specs) => {
		const result = schema.safeParse({ validFrom: '2026-08-01', validTo: '2026-07-01' });
		expect(result.success).toBe(false);
		const errors = z.flattenError(result.error as z.ZodError<Record<string, unknown>>).fieldErrors;
		const label = (text: string) => text.replace(/ \(optional\)$/, '');
		expect(errors.validTo).toEqual([
			`„${label(specs.validTo.label)}“ liegt vor „${label(specs.validFrom.label)}“`
		]);
	});
});
