import { describe, expect, it } from 'vitest';
import { makeCatalogue, statusMap } from '$fixtures/catalogues';
import { makeFamilyEducationOffer, makeOfficeHourSession } from '$fixtures/registers';
import { calendarYear } from '../periods';
import { emptyRegisterData } from '../registers/registerData';
import { formatShortfall, thresholdShortfalls } from './shortfalls';
import { makeCriterion, makeThreshold } from './testFactories';

const catalogue = makeCatalogue(
	[{ kind: 'leistung', criteria: [] }],
	{},
	{
		criteria: [
			makeCriterion({
				id: '4B1',
				thresholds: [makeThreshold({ id: 'kurs', label: 'Kurs', where: { minSessions: 1 } })]
			}),
			makeCriterion({
				id: '1.1',
				thresholds: [
					makeThreshold({ id: 'eb', label: 'Sprechstunde', source: 'officeHourSessions', per: 'month' })
				]
			}),
			makeCriterion({ id: '9.9', thresholds: [makeThreshold({ id: 'x', label: 'X' })] }),
			makeCriterion({
				id: '9.8',
				appliesTo: { forms: ['verbund'] },
				thresholds: [makeThreshold({ id: 'x', label: 'X' })]
			})
		]
	}
);

function at(today: string) {
	const data = {
		...emptyRegisterData(),
		familyEducationOffers: [
			makeFamilyEducationOffer({ sessions: [{ date: '2027-03-03', participants: 3 }] })
		],
		officeHourSessions: [makeOfficeHourSession({ date: '2027-08-05' })]
	};
	return thresholdShortfalls(catalogue, {
		statuses: statusMap({ '9.9': 'nicht_zutreffend' }),
		variant: { form: 'einzel', kind: 're' },
		registers: { data, period: calendarYear('2027-01-01'), today }
	});
}

describe('threshold shortfalls in the current window', () => {
	it('names the threshold short in the half and month containing today', () => {
		expect(at('2027-08-01')).toEqual([
			{
				criterionId: '4B1',
				thresholdId: 'kurs',
				label: 'Kurs',
				count: 0,
				min: 1,
				windowLabel: '2. Halbjahr 2027 (1. Aug – 31. Dez)',
				windowStart: '2027-08-01',
				windowEnd: '2027-12-31',
				per: 'half'
			}
		]);
		expect(formatShortfall(at('2027-08-01')[0])).toBe('4B1: 0 von 1 in diesem Halbjahr');
	});

	it('leaves out reached windows, criteria nicht zutreffend or of another variant and days outside the period', () => {
		const july = at('2027-07-31').map((s) => [s.criterionId, s.windowLabel]);
		expect(july).toEqual([['1.1', 'Juli 2027']]);
		expect(at('2028-01-01')).toEqual([]);
	});
});
