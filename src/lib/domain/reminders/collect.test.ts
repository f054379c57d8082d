import { describe, expect, it } from 'vitest';
import { makeChildminderArrangement, makePartner, makePreventionProfile } from '$fixtures/registers';
import type { CertificationRound } from '../rounds/schema';
import { collectReminders, urgencyOf, type ReminderSources } from './collect';
import type { ThresholdShortfall } from './types';

function round(overrides: Partial<CertificationRound> = {}): CertificationRound {
	return {
		id: 'r1',
		facilityId: 'fz-test',
		createdAt: '2026-01-01T10:00:00.000Z',
		updatedAt: '2026-01-01T10:00:00.000Z',
		updatedBy: 'Test',
		deleted: false,
		kind: 're',
		form: 'einzel',
		periodKind: 'kalenderjahr',
		periodStart: '2027-01-01',
		periodEnd: '2027-12-31',
		registrationDate: '2026-09-15',
		documentsDue: '2026-11-30',
		siteVisitDate: '2028-05-20',
		sealValidUntil: '2032-07-31',
		note: '',
		...overrides
	};
}

function sources(overrides: Partial<ReminderSources> = {}): ReminderSources {
	return {
		rounds: [],
		sealValidUntil: null,
		partners: [],
		preventionProfile: null,
		childminderArrangements: [],
		evidence: [],
		shortfalls: [],
		...overrides
	};
}

const shortfall: ThresholdShortfall = {
	criterionId: '4B1',
	thresholdId: '4B1-t1',
	label: 'Wochenendangebot',
	count: 0,
	min: 1,
	windowLabel: '1. Halbjahr 2027 (1. Jan – 31. Jul)',
	windowStart: '2027-01-01',
	windowEnd: '2027-07-31',
	per: 'half'
};

describe('urgency', () => {
	it('is overdue after the day, soon from the day to 30 days ahead, later after that', () => {
		expect(urgencyOf(-1)).toBe('overdue');
		expect(urgencyOf(0)).toBe('soon');
		expect(urgencyOf(30)).toBe('soon');
		expect(urgencyOf(31)).toBe('later');
	});

	it('counts days across the turn of the year', () => {
		const list = collectReminders(sources({ rounds: [round({ documentsDue: '2027-01-01' })] }), '2026-12-31');
		const due = list.find((r) => r.kind === 'documentsDue');
		expect(due).toMatchObject({ daysLeft: 1, urgency: 'soon' });
		const later = collectReminders(sources({ sealValidUntil: '2027-01-31' }), '2026-12-31');
		expect(later[0]).toMatchObject({ kind: 'sealExpiry', daysLeft: 31, urgency: 'later' });
	});

	it('counts whole days across the daylight-saving changes', () => {
		const tz = process.env.TZ;
		process.env.TZ = 'Europe/Berlin';
		try {
			const spring = collectReminders(sources({ sealValidUntil: '2027-03-29' }), '2027-03-27');
			expect(spring[0].daysLeft).toBe(2);
			const autumn = collectReminders(sources({ sealValidUntil: '2027-10-31' }), '2027-10-30');
			expect(autumn[0].daysLeft).toBe(1);
		} finally {
			process.env.TZ = tz;
		}
	});
});

describe('collectReminders', () => {
	it("lists the current round's dates still ahead, with German titles, soonest first", () => {
		const list = collectReminders(sources({ rounds: [round()] }), '2026-10-01');
		expect(list.map((r) => [r.kind, r.date, r.title])).toEqual([
			['documentsDue', '2026-11-30', 'Unterlagen hochladen'],
			['periodStart', '2027-01-01', 'Prüfzeitraum beginnt'],
			['periodEnd', '2027-12-31', 'Prüfzeitraum endet'],
			['siteVisit', '2028-05-20', 'Besuch vor Ort'],
			['sealExpiry', '2032-07-31', 'Gütesiegel läuft ab']
		]);
		expect(list[1]).toMatchObject({ detail: 'Kalenderjahr 2027', link: { to: 'rounds' } });
		expect(list[0].id).toBe('round:r1:documentsDue');
	});

	it('keeps a date due today and leaves out a round date of yesterday', () => {
		const list = collectReminders(sources({ rounds: [round()] }), '2026-11-30');
		expect(list.find((r) => r.kind === 'documentsDue')).toMatchObject({ daysLeft: 0, urgency: 'soon' });
		const next = collectReminders(sources({ rounds: [round()] }), '2026-12-01');
		expect(next.some((r) => r.kind === 'documentsDue')).toBe(false);
	});

	it('takes only the current round and skips deleted ones', () => {
		const old = round({
			id: 'old',
			periodStart: '2023-01-01',
			periodEnd: '2023-12-31',
			siteVisitDate: '2024-05-20',
			documentsDue: '2027-03-01'
		});
		const gone = round({ id: 'gone', deleted: true, documentsDue: '2026-10-10' });
		const list = collectReminders(sources({ rounds: [old, gone, round()] }), '2026-10-01');
		expect(list.every((r) => r.id.startsWith('round:r1:'))).toBe(true);
	});

	it('shows one seal reminder when the profile and the round name the same day', () => {
		const list = collectReminders(sources({ sealValidUntil: '2032-07-31', rounds: [round()] }), '2026-10-01');
		const seals = list.filter((r) => r.kind === 'sealExpiry');
		expect(seals).toHaveLength(1);
		expect(seals[0]).toMatchObject({ id: 'seal', link: { to: 'facility' }, detail: 'gültig bis 31.07.2032' });
	});

	it("tells the round's seal from the seal in force", () => {
		const list = collectReminders(sources({ sealValidUntil: '2028-07-31', rounds: [round()] }), '2026-10-01');
		expect(list.filter((r) => r.kind === 'sealExpiry').map((r) => r.detail)).toEqual([
			'gültig bis 31.07.2028',
			'aus der Rezertifizierung, gültig bis 31.07.2032'
		]);
	});

	it('keeps an expired seal as overdue', () => {
		const [seal] = collectReminders(sources({ sealValidUntil: '2026-07-31' }), '2026-08-01');
		expect(seal).toMatchObject({ kind: 'sealExpiry', daysLeft: -1, urgency: 'overdue' });
	});

	it('reuses the agreement rule: ended, ending within 90 days or before the seal', () => {
		const today = '2026-11-21';
		const list = collectReminders(
			sources({
				sealValidUntil: '2028-07-31',
				partners: [
					makePartner({
						id: 'p1',
						name: 'EB Nord',
						agreement: { signedOn: '2024-01-01', validUntil: '2026-12-01', attachment: null }
					}),
					makePartner({
						id: 'p2',
						agreement: { signedOn: '2024-01-01', validUntil: '2029-01-01', attachment: null }
					})
				],
				preventionProfile: makePreventionProfile({
					id: 'pp',
					agreement: { signedOn: '2024-01-01', validUntil: '2026-11-01', attachment: null }
				}),
				childminderArrangements: [
					makeChildminderArrangement({ id: 'a1', label: 'Tagespflegeperson A', validTo: '2027-01-15' }),
					makeChildminderArrangement({ id: 'a2', validTo: null }),
					makeChildminderArrangement({ id: 'a3', validTo: '2027-01-10', deleted: true })
				]
			}),
			today
		);
		expect(list.filter((r) => r.kind !== 'sealExpiry').map((r) => [r.id, r.title, r.urgency])).toEqual([
			['agreement:praevention:pp', 'Vereinbarung endet: Präventionskette Musterstadt', 'overdue'],
			['agreement:partner:p1', 'Vereinbarung endet: EB Nord', 'soon'],
			['arrangement:a1', 'Regelung endet: Tagespflegeperson A', 'later']
		]);
		expect(list.find((r) => r.id === 'arrangement:a1')?.link).toEqual({
			to: 'register',
			segment: 'kindertagespflege'
		});
	});

	it('lists evidence running out within a year and expired evidence, linked to its criterion', () => {
		const ev = (id: string, validUntil: string | null, criterionIds = ['1.2'], deleted = false) => ({
			id,
			title: `Flyer ${id}`,
			validUntil,
			deleted,
			criterionIds
		});
		const list = collectReminders(
			sources({
				evidence: [
					ev('e1', '2027-11-20'),
					ev('e2', '2027-11-22'),
					ev('e3', '2026-01-01', []),
					ev('e4', null),
					ev('e5', '2026-12-01', ['1.2'], true)
				]
			}),
			'2026-11-21'
		);
		expect(list.map((r) => [r.id, r.urgency])).toEqual([
			['evidence:e3', 'overdue'],
			['evidence:e1', 'later']
		]);
		expect(list[0]).toMatchObject({ link: { to: 'criteria' }, detail: 'ohne Kriterium' });
		expect(list[1]).toMatchObject({ link: { to: 'criterion', criterionId: '1.2' }, detail: 'Kriterium 1.2' });
	});

	it('turns threshold shortfalls into window reminders phrased by their window', () => {
		const month: ThresholdShortfall = {
			...shortfall,
			criterionId: '1.4',
			thresholdId: 'eb-monat',
			label: 'Sprechstunde',
			windowLabel: 'Juli 2027',
			windowStart: '2027-07-01',
			windowEnd: '2027-07-31',
			siteName: 'Kita Sonne',
			per: 'month'
		};
		const year: ThresholdShortfall = {
			...shortfall,
			thresholdId: 'y',
			windowStart: '2027-01-01',
			windowEnd: '2027-12-31',
			per: 'period'
		};
		const list = collectReminders(sources({ shortfalls: [shortfall, month, year] }), '2027-07-10');
		expect(list.map((r) => r.title)).toEqual([
			'1.4 (Kita Sonne): 0 von 1 in diesem Monat',
			'4B1: 0 von 1 in diesem Halbjahr',
			'4B1: 0 von 1 im Prüfzeitraum'
		]);
		expect(list[1]).toMatchObject({
			kind: 'threshold',
			date: '2027-07-31',
			windowStart: '2027-01-01',
			daysLeft: 21,
			urgency: 'soon',
			detail: 'Wochenendangebot · 1. Halbjahr 2027 (1. Jan – 31. Jul)',
			link: { to: 'criterion', criterionId: '4B1' }
		});
	});

	it('drops a duplicate and orders same-day reminders by kind, then title', () => {
		const list = collectReminders(
			sources({
				rounds: [round({ documentsDue: '2027-07-31', periodEnd: '2027-07-31', periodStart: '2027-01-01' })],
				shortfalls: [shortfall, shortfall],
				sealValidUntil: '2027-07-31'
			}),
			'2027-07-01'
		);
		expect(list.filter((r) => r.date === '2027-07-31').map((r) => r.kind)).toEqual([
			'documentsDue',
			'periodEnd',
			'sealExpiry',
			'threshold'
		]);
	});
});
