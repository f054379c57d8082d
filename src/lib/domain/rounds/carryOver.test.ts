import { describe, expect, it } from 'vitest';
import { carryOverCandidates, previousRound } from './carryOver';
import { makeRound, makeRoundEvidence as ev } from '$fixtures/rounds';

const from = makeRound({ id: 'runde-2023', periodStart: '2023-01-01', periodEnd: '2023-12-31' });
const to = makeRound({ id: 'runde-2027' });
const criteria = [
	{ id: '1.1' },
	{
		id: '2.4',
		evidenceRequirements: [
			{ id: 'q', kind: 'qualifikation' as const, label: 'Fortbildung', newEachRound: true }
		]
	}
];

const titles = (list: { title: string }[]) => list.map((e) => e.title);

describe('carryOverCandidates', () => {
	it('offers evidence of the earlier round that is still valid when the next period begins', () => {
		const list = [
			ev({ title: 'Vertrag ohne Ende', date: '2023-02-01', validUntil: null }),
			ev({ title: 'Vertrag bis 1. Jan', date: '2023-02-01', validUntil: '2027-01-01' }),
			ev({ title: 'Vertrag bis 31. Dez', date: '2023-02-01', validUntil: '2026-12-31' }),
			ev({ title: 'Zwischendurch', date: '2025-06-01', validUntil: '2029-06-01' }),
			ev({ title: 'Schon im neuen Zeitraum', date: '2027-01-01' }),
			ev({ title: 'Vor der alten Runde', date: '2022-12-31' }),
			ev({ title: 'Gelöscht', date: '2023-02-01', deleted: true })
		];
		expect(titles(carryOverCandidates(list, from, to, criteria))).toEqual([
			'Zwischendurch',
			'Vertrag bis 1. Jan',
			'Vertrag ohne Ende'
		]);
	});

	it('takes evidence the earlier round had carried in itself, and skips what is carried already', () => {
		const list = [
			ev({ title: 'Älter, übernommen', date: '2019-05-01', carriedIntoRounds: ['runde-2023'] }),
			ev({ title: 'Schon übernommen', date: '2023-05-01', carriedIntoRounds: ['runde-2027'] })
		];
		expect(titles(carryOverCandidates(list, from, to, criteria))).toEqual(['Älter, übernommen']);
	});

	it('leaves out evidence only of criteria that want new evidence each round', () => {
		const list = [
			ev({ title: 'Fortbildung', date: '2023-05-01', criterionIds: ['2.4'] }),
			ev({ title: 'Für beide', date: '2023-05-01', criterionIds: ['2.4', '1.1'] })
		];
		expect(titles(carryOverCandidates(list, from, to, criteria))).toEqual(['Für beide']);
	});

	it('without an earlier round, offers everything dated before the period', () => {
		const list = [ev({ title: 'Alt', date: '2019-05-01' }), ev({ title: 'Neu', date: '2027-02-01' })];
		expect(titles(carryOverCandidates(list, null, to))).toEqual(['Alt']);
	});
});

describe('previousRound', () => {
	it('is the latest live round that began earlier', () => {
		const older = makeRound({ id: 'runde-2019', periodStart: '2019-01-01', periodEnd: '2019-12-31' });
		const gone = makeRound({ id: 'weg', periodStart: '2024-01-01', periodEnd: '2024-12-31', deleted: true });
		expect(previousRound([older, from, gone, to], to)?.id).toBe('runde-2023');
		expect(previousRound([to], to)).toBeNull();
	});
});
