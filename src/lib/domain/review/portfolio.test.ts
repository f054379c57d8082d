import { describe, expect, it } from 'vitest';
import {
	defaultPortfolioSort,
	matchesPortfolioFilter,
	nextSort,
	noPortfolioFilter,
	portfolioCount,
	sealExpiresSoon,
	sortPortfolio,
	viewPortfolio
} from './portfolio';
import { portfolioRow } from './testing/portfolioRows';

const today = '2026-11-23';

describe('the advisor’s portfolio view', () => {
	const a = portfolioRow({ id: 'a', name: 'Arche', openFeedback: 2, sealValidUntil: '2027-05-23' });
	const b = portfolioRow({
		id: 'b',
		name: 'Bärenhöhle',
		unansweredReplies: 1,
		sealValidUntil: null,
		readiness: { passes: true, points: 45 }
	});
	const c = portfolioRow({ id: 'c', name: 'café Kunterbunt', lastSyncAt: '2026-11-20T10:00:00.000Z' });
	const rows = [c, b, a];

	it('finds centres by a part of the name in any case', () => {
		const found = viewPortfolio(rows, { ...noPortfolioFilter, query: ' BÄR ' }, defaultPortfolioSort, today);
		expect(found.map((r) => r.id)).toEqual(['b']);
	});

	it('keeps centres with open points or unanswered replies when asked', () => {
		const open = { ...noPortfolioFilter, withOpenFeedback: true };
		expect(rows.filter((r) => matchesPortfolioFilter(r, open, today)).map((r) => r.id)).toEqual(['a']);
		const replies = { ...noPortfolioFilter, withUnansweredReplies: true };
		expect(rows.filter((r) => matchesPortfolioFilter(r, replies, today)).map((r) => r.id)).toEqual(['b']);
	});

	it('counts a seal ending within six months, or already ended, as expiring', () => {
		expect(sealExpiresSoon('2027-05-23', today)).toBe(true);
		expect(sealExpiresSoon('2027-05-24', today)).toBe(false);
		expect(sealExpiresSoon('2026-01-01', today)).toBe(true);
		expect(sealExpiresSoon(null, today)).toBe(false);
		const expiring = { ...noPortfolioFilter, sealExpiring: true };
		expect(viewPortfolio(rows, expiring, defaultPortfolioSort, today).map((r) => r.id)).toEqual(['a']);
	});

	it('keeps only centres short of the minimums when asked', () => {
		const notReady = { ...noPortfolioFilter, notReady: true };
		expect(viewPortfolio(rows, notReady, defaultPortfolioSort, today).map((r) => r.id)).toEqual(['a', 'c']);
	});

	it('sorts by name as German readers expect, ignoring case', () => {
		expect(sortPortfolio(rows, { column: 'name', direction: 'ascending' }).map((r) => r.id)).toEqual([
			'a',
			'b',
			'c'
		]);
		expect(sortPortfolio(rows, { column: 'name', direction: 'descending' }).map((r) => r.id)).toEqual([
			'c',
			'b',
			'a'
		]);
	});

	it('puts centres without a value last in both directions', () => {
		for (const direction of ['ascending', 'descending'] as const) {
			const sorted = sortPortfolio(rows, { column: 'sealValidUntil', direction });
			expect(sorted.at(-1)!.id).toBe('b');
		}
		const synced = sortPortfolio(rows, { column: 'lastSyncAt', direction: 'descending' });
		expect(synced.map((r) => r.id)).toEqual(['c', 'a', 'b']);
	});

	it('sorts readiness with passing centres above, then by points', () => {
		const sorted = sortPortfolio(rows, { column: 'readiness', direction: 'descending' });
		expect(sorted[0].id).toBe('b');
	});

	it('turns the direction on a second click and starts counts with the largest', () => {
		expect(nextSort(defaultPortfolioSort, 'name')).toEqual({ column: 'name', direction: 'descending' });
		expect(nextSort(defaultPortfolioSort, 'openFeedback')).toEqual({
			column: 'openFeedback',
			direction: 'descending'
		});
		expect(nextSort(defaultPortfolioSort, 'sealValidUntil').direction).toBe('ascending');
	});

	it('says how many centres are shown of all', () => {
		expect(portfolioCount(12, 300)).toBe('12 von 300 Zentren');
		expect(portfolioCount(1, 1)).toBe('1 von 1 Zentrum');
	});
});
