import { describe, expect, it } from 'vitest';
import { FiguresCache, type CentreFigures, type FiguresStamp } from './portfolioCache';

const figures = (points: number) => ({ readiness: { points } }) as unknown as CentreFigures;
const stamp = (records: string, day = '2026-11-23'): FiguresStamp => ({ records, catalogues: '', day });

describe('the centres’ figures kept between two looks at the portfolio', () => {
	it('are used again only for the same records, catalogue versions and day', () => {
		const cache = new FiguresCache(10);
		cache.set('kita-a', stamp('7:12'), figures(3));
		expect(cache.get('kita-a', stamp('7:12'))).toEqual(figures(3));
		expect(cache.get('kita-a', stamp('8:12'))).toBeUndefined();
		expect(cache.get('kita-a', stamp('7:13'))).toBeUndefined();
		expect(cache.get('kita-a', stamp('7:12', '2026-11-24'))).toBeUndefined();
		expect(cache.get('kita-a', { ...stamp('7:12'), catalogues: 'x@2*' })).toBeUndefined();
		expect(cache.get('kita-b', stamp('7:12'))).toBeUndefined();
	});

	it('keep at most so many centres, dropping the one looked at least recently', () => {
		const cache = new FiguresCache(2);
		cache.set('a', stamp('1:1'), figures(1));
		cache.set('b', stamp('1:1'), figures(2));
		cache.get('a', stamp('1:1'));
		cache.set('c', stamp('1:1'), figures(3));
		expect(cache.size).toBe(2);
		expect(cache.get('b', stamp('1:1'))).toBeUndefined();
		expect(cache.get('a', stamp('1:1'))).toEqual(figures(1));
	});
});
