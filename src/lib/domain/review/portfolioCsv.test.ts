import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../registers/csv/csv';
import { PORTFOLIO_CSV_HEADERS, portfolioCsv, readinessFigures } from './portfolioCsv';
import { portfolioRow } from './testing/portfolioRows';

describe('the portfolio as CSV', () => {
	it('has German headers and one line per centre in the order shown', () => {
		const rows = [
			portfolioRow({
				id: 'b',
				name: 'Bärenhöhle; Süd',
				sealValidUntil: '2027-02-28',
				nextDate: { kind: 'siteVisit', date: '2027-03-15' },
				openFeedback: 2,
				unansweredReplies: 1,
				readiness: { passes: true }
			}),
			portfolioRow({ id: 'a', name: 'Arche' })
		];
		const csv = portfolioCsv(rows);
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(PORTFOLIO_CSV_HEADERS.join(';'));
		expect(lines[0]).toContain('Offene Punkte;Unbeantwortete Antworten');
		expect(lines[1]).toBe('"Bärenhöhle; Süd";erreicht;20;40;7;12;28.02.2027;Besuch vor Ort;15.03.2027;;;2;1');
		expect(lines[2]).toBe('Arche;nicht erreicht;20;40;7;12;31.07.2029;;;;;0;0');
	});

	it('names the last hand-in with its version', () => {
		const row = portfolioRow({
			latestDossier: {
				id: 'd1',
				submissionId: 's1',
				facilityId: 'kita-a',
				periodKey: 'cy-2026',
				periodLabel: 'Kalenderjahr 2026',
				version: 2,
				catalogueId: 'fz',
				catalogueVersion: '1',
				readinessPasses: false,
				submittedBy: 'Lea',
				preparedAt: '2026-11-23T08:00:00.000Z',
				receivedAt: '2026-11-23T08:00:00.000Z'
			}
		});
		expect(portfolioCsv([row])).toContain('Kalenderjahr 2026, Version 2 vom 23.11.2026');
	});

	it('writes points and Basis as the table does', () => {
		expect(readinessFigures(portfolioRow().readiness)).toBe('20 von 40 Punkten, Basis 7 von 12');
	});
});
