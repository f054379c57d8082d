import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import { makeChildminderArrangement, makeChildminderContact } from '$fixtures/registers';
import { summariseChildminding } from './childminding';

const kj2025 = kindergartenYear('2025-08-01');
const cy2026 = calendarYear('2026-01-01');

describe('Kindertagespflege per review period', () => {
	it('is empty but complete for a period without entries', () => {
		const s = summariseChildminding([], [], cy2026);
		expect(s.months).toHaveLength(12);
		expect(s.contacts).toBe(0);
		expect(s.contactsByKind).toEqual({ beratung: 0, vermittlung: 0, infoveranstaltung: 0 });
		expect(s.arrangementsActive).toEqual([]);
	});

	it('sums contact counts by kind and month, with 31 Jul in the old and 1 Aug in the new year', () => {
		const contacts = [
			makeChildminderContact({ date: '2025-07-31', kind: 'beratung', count: 9 }),
			makeChildminderContact({ date: '2025-08-01', kind: 'beratung', count: 2 }),
			makeChildminderContact({ date: '2025-08-15', kind: 'vermittlung', count: 1 }),
			makeChildminderContact({ date: '2026-07-31', kind: 'infoveranstaltung', count: 14 }),
			makeChildminderContact({ date: '2026-08-01', kind: 'beratung', count: 5 }),
			makeChildminderContact({ date: '2026-02-02', kind: 'beratung', count: 3, deleted: true })
		];
		const s = summariseChildminding(contacts, [], kj2025);
		expect(s.contacts).toBe(17);
		expect(s.contactsByKind).toEqual({ beratung: 2, vermittlung: 1, infoveranstaltung: 14 });
		expect(s.months[0]).toEqual({ month: '2025-08', contacts: 3 });
		expect(s.months[11]).toEqual({ month: '2026-07', contacts: 14 });
	});

	it('splits 31 December and 1 January and keeps DST Sundays in their month', () => {
		const contacts = [
			makeChildminderContact({ date: '2025-12-31', count: 1 }),
			makeChildminderContact({ date: '2026-01-01', count: 2 }),
			makeChildminderContact({ date: '2026-03-29', count: 3 }),
			makeChildminderContact({ date: '2026-10-25', count: 4 }),
			makeChildminderContact({ date: '2027-01-01', count: 5 })
		];
		const s = summariseChildminding(contacts, [], cy2026);
		expect(s.contacts).toBe(9);
		expect(s.months[0].contacts).toBe(2);
		expect(s.months[2].contacts).toBe(3);
		expect(s.months[9].contacts).toBe(4);
	});

	it('lists arrangements in force on at least one day of the period', () => {
		const endsBefore = makeChildminderArrangement({ validFrom: '2024-01-01', validTo: '2025-07-31' });
		const endsOnFirstDay = makeChildminderArrangement({ validFrom: '2024-01-01', validTo: '2025-08-01' });
		const startsOnLastDay = makeChildminderArrangement({ kind: 'vertretung', validFrom: '2026-07-31' });
		const startsAfter = makeChildminderArrangement({ validFrom: '2026-08-01' });
		const open = makeChildminderArrangement({ kind: 'fachdienst_kooperation', validFrom: '2020-01-01' });
		const s = summariseChildminding(
			[],
			[endsBefore, endsOnFirstDay, startsOnLastDay, startsAfter, open],
			kj2025
		);
		expect(s.arrangementsActive).toEqual([endsOnFirstDay, startsOnLastDay, open]);
		expect(s.arrangementsByKind).toEqual({
			fachdienst_kooperation: 1,
			raum_fuer_tagespflege: 1,
			vertretung: 1,
			kooperierende_tagespflegeperson: 0
		});
	});
});
