import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import { makeQualification } from '$fixtures/registers';
import { summariseQualifications, yearsBefore } from './qualifications';

const cy2026 = calendarYear('2026-01-01');

describe('qualifications summary', () => {
	it('sums the hours per kind of the courses that ended in the period', () => {
		const s = summariseQualifications(
			[
				makeQualification({ kind: 'fortbildung', hours: 6, endDate: '2026-03-02', online: true }),
				makeQualification({
					kind: 'fortbildung',
					hours: 7.5,
					startDate: '2026-12-31',
					endDate: '2026-12-31'
				}),
				makeQualification({
					kind: 'qualifikation',
					hours: 120,
					startDate: '2025-09-01',
					endDate: '2026-02-28'
				}),
				// Ended in the year before: listed, but no hours in 2026.
				makeQualification({ kind: 'fortbildung', hours: 8, startDate: '2025-12-31', endDate: '2025-12-31' }),
				makeQualification({ hours: 99, deleted: true })
			],
			cy2026,
			'2027-02-01'
		);
		expect(s.entries).toHaveLength(4);
		expect(s.completedInPeriod).toBe(3);
		expect(s.hoursByKind).toEqual({ fortbildung: 13.5, qualifikation: 120, zusatzqualifikation: 0 });
		expect(s.entriesByKind).toEqual({ fortbildung: 2, qualifikation: 1, zusatzqualifikation: 0 });
		expect(s.hoursInPeriod).toBe(133.5);
		expect(s.onlineInPeriod).toBe(1);
		expect(s.entries.map((q) => q.endDate)).toEqual(['2026-12-31', '2026-03-02', '2026-02-28', '2025-12-31']);
	});

	it('counts per role, ignoring case and spaces, in German order', () => {
		const s = summariseQualifications(
			[
				makeQualification({
					holder: 'Fachkraft B',
					hours: 6,
					endDate: '2026-05-01',
					startDate: '2026-05-01'
				}),
				makeQualification({ holder: 'Leitung', hours: 30 }),
				makeQualification({
					holder: ' fachkraft  b',
					hours: 8,
					startDate: '2024-02-01',
					endDate: '2024-02-01'
				}),
				makeQualification({ holder: 'Ärztin A', hours: 2 })
			],
			cy2026,
			'2026-11-01'
		);
		expect(s.byHolder).toEqual([
			{ holder: 'Ärztin A', entries: 1, hours: 2, latest: '2026-03-02' },
			{ holder: 'Fachkraft B', entries: 2, hours: 14, latest: '2026-05-01' },
			{ holder: 'Leitung', entries: 1, hours: 30, latest: '2026-03-02' }
		]);
	});

	it('marks what ended more than 7 years before the period end, or before today while it runs', () => {
		const exactly = makeQualification({ startDate: '2019-07-31', endDate: '2019-07-31' });
		const older = makeQualification({ startDate: '2019-07-30', endDate: '2019-07-30' });
		const kj = kindergartenYear('2025-08-01');
		const after = summariseQualifications([exactly, older], kj, '2026-09-01');
		expect(after.referenceDay).toBe('2026-07-31');
		expect(after.olderThanMaxAge).toEqual([older]);
		const during = summariseQualifications([exactly, older], kj, '2026-03-01');
		expect(during.olderThanMaxAge).toEqual([]);
	});

	it('goes back whole calendar years, 29 February to 28 February', () => {
		expect(yearsBefore('2026-12-31', 7)).toBe('2019-12-31');
		expect(yearsBefore('2028-02-29', 7)).toBe('2021-02-28');
		expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
	});
});
