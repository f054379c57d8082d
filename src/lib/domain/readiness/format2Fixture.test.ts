import { describe, expect, it } from 'vitest';
import { BENCH_SITES, makeFormat2BenchCatalogue, makeYearRegisterData } from '$fixtures/format2Catalogue';
import { catalogueSchema } from '../catalogue/schema';
import { calendarYear } from '../periods';
import { computeReadiness } from './computeReadiness';

describe('the format-2 bench catalogue', () => {
	it('is a valid format-2 catalogue', () => {
		const result = catalogueSchema.safeParse(makeFormat2BenchCatalogue());
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it('gives the same readiness when the threshold counts are remembered', () => {
		const catalogue = makeFormat2BenchCatalogue();
		const data = makeYearRegisterData();
		const input = {
			catalogue,
			statuses: new Map(),
			chosenProfileAreas: [],
			registers: { data, period: calendarYear('2027-01-01'), today: '2027-10-31' },
			sites: BENCH_SITES
		};
		const first = computeReadiness(input);
		expect(computeReadiness(input)).toEqual(first);
		expect(computeReadiness({ ...input, registers: { ...input.registers, data: { ...data } } })).toEqual(
			first
		);
		expect(first.perSite.length).toBeGreaterThan(0);
		expect(first.areas.some((a) => a.metCount > 0)).toBe(true);
	});
});
