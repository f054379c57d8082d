import { describe, expect, it } from 'vitest';
import { chosenPeriod, periodOptions } from './periodChoice';

describe('period selector', () => {
	it('offers the next, the current and five past Kindergartenjahre, newest first', () => {
		const keys = periodOptions('kindergartenjahr', '2026-07-31').map((p) => p.key);
		expect(keys).toEqual(['kj-2026', 'kj-2025', 'kj-2024', 'kj-2023', 'kj-2022', 'kj-2021', 'kj-2020']);
		expect(periodOptions('kindergartenjahr', '2026-08-01')[1].key).toBe('kj-2026');
	});

	it('offers calendar years likewise, switching on 1 January', () => {
		expect(periodOptions('kalenderjahr', '2026-12-31').map((p) => p.key)).toEqual([
			'cy-2027',
			'cy-2026',
			'cy-2025',
			'cy-2024',
			'cy-2023',
			'cy-2022',
			'cy-2021'
		]);
		expect(periodOptions('kalenderjahr', '2027-01-01')[1].key).toBe('cy-2027');
	});

	it('takes the period from the address only when it is of the catalogue kind', () => {
		expect(chosenPeriod('kindergartenjahr', 'kj-2023', '2026-03-01').label).toBe('Kindergartenjahr 2023/24');
		expect(chosenPeriod('kindergartenjahr', 'cy-2023', '2026-03-01').key).toBe('kj-2025');
		expect(chosenPeriod('kalenderjahr', 'unsinn', '2026-03-01').key).toBe('cy-2026');
		expect(chosenPeriod('kalenderjahr', null, '2026-03-01').key).toBe('cy-2026');
	});
});
