import { describe, expect, it } from 'vitest';
import { makeFamilyEducationOffer } from '$fixtures/registers';
import { statusMap } from '$fixtures/catalogues';
import { calendarYear } from '../periods';
import { emptyRegisterData } from '../registers/registerData';
import { makeCriterion, makeThreshold } from '../requirements/testFactories';
import { partsMetReasons, shownStatus } from '.';

const items = makeCriterion({
	id: '2.1',
	items: [
		{ id: '2.1.1', title: 'Aushang' },
		{ id: '2.1.2', title: 'Website' }
	]
});
const register = makeCriterion({
	id: '2.2',
	thresholds: [makeThreshold({ id: 'kurs', per: 'period' })]
});
const untouched = makeCriterion({ id: '2.3', items: [{ id: '2.3.1', title: 'Flyer' }] });

describe('parts-met reasons', () => {
	it('names only the criteria readiness counted, by what the requirement evaluation says', () => {
		const offer = makeFamilyEducationOffer({ sessions: [{ date: '2027-03-01', participants: 4 }] });
		const reasons = partsMetReasons([items, register, untouched], ['2.1', '2.2'], {
			statuses: statusMap({ '2.1.1': 'erfuellt', '2.1.2': 'erfuellt' }),
			registers: {
				data: { ...emptyRegisterData(), familyEducationOffers: [offer] },
				period: calendarYear('2027-01-01'),
				today: '2027-06-01'
			}
		});
		expect([...reasons]).toEqual([
			['2.1', 'teilpunkte'],
			['2.2', 'register']
		]);
	});

	it('shows a criterion met by its parts as erfüllt, never overriding nicht zutreffend', () => {
		expect(shownStatus('offen', 'teilpunkte')).toBe('erfuellt');
		expect(shownStatus('in_arbeit', 'register')).toBe('erfuellt');
		expect(shownStatus('nicht_zutreffend', 'register')).toBe('nicht_zutreffend');
		expect(shownStatus('in_arbeit', undefined)).toBe('in_arbeit');
	});
});
