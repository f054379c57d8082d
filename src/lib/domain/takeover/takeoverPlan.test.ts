import { describe, expect, it } from 'vitest';
import {
	buildTakeoverPlan,
	describePlan,
	describeStatus,
	planIsEmpty,
	statusesToWrite,
	workFingerprint,
	type AnonymousWork,
	type CentreWork,
	type StatusSnapshot
} from './takeoverPlan';

const titles: Record<string, string> = {
	'1.1': 'Beratung vor Ort',
	'1.2': 'Sprechstunden der Erziehungsberatung',
	'2.1': 'Familienbildung'
};
const title = (id: string) => titles[id] ?? id;

const status = (criterionId: string, overrides: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
	criterionId,
	status: 'erfuellt',
	note: '',
	updatedAt: '2026-12-01T10:00:00.000Z',
	...overrides
});

const work = (overrides: Partial<AnonymousWork> = {}): AnonymousWork => ({
	statuses: [],
	evidence: [],
	registerEntries: [],
	rounds: [],
	citations: [],
	profile: [],
	...overrides
});

const centre = (overrides: Partial<CentreWork> = {}): CentreWork => ({
	statuses: [],
	recordIds: new Set(),
	filledProfileFields: new Set(),
	...overrides
});

describe('buildTakeoverPlan', () => {
	it('moves statuses the centre has not set, skipping untouched „Offen“ ones', () => {
		const plan = buildTakeoverPlan(
			work({
				statuses: [
					status('1.1'),
					status('1.2', { status: 'offen', note: '' }),
					status('2.1', { status: 'offen', note: 'Flyer fehlt' })
				]
			}),
			centre({ statuses: [status('2.1', { status: 'offen', note: '' })] }),
			title
		);
		expect(plan.statuses).toEqual([
			{ criterionId: '1.1', title: 'Beratung vor Ort', status: 'erfuellt', note: '' },
			{ criterionId: '2.1', title: 'Familienbildung', status: 'offen', note: 'Flyer fehlt' }
		]);
		expect(plan.conflicts).toEqual([]);
	});

	it('shows a differing status as a conflict whose preset is the newer value', () => {
		const plan = buildTakeoverPlan(
			work({
				statuses: [
					status('1.1', { status: 'erfuellt', updatedAt: '2026-12-02T09:00:00.000Z' }),
					status('1.2', { status: 'in_arbeit', updatedAt: '2026-11-01T09:00:00.000Z' })
				]
			}),
			centre({
				statuses: [
					status('1.1', { status: 'in_arbeit', updatedAt: '2026-12-01T09:00:00.000Z' }),
					status('1.2', { status: 'erfuellt', updatedAt: '2026-12-01T09:00:00.000Z' })
				]
			}),
			title
		);
		expect(plan.statuses).toEqual([]);
		expect(plan.conflicts.map((c) => [c.criterionId, c.preset])).toEqual([
			['1.1', 'anonymous'],
			['1.2', 'centre']
		]);
		// Presets only: the demo's newer 1.1 is written, the centre's newer 1.2 stays.
		expect(statusesToWrite(plan).map((s) => [s.criterionId, s.status])).toEqual([['1.1', 'erfuellt']]);
		// Her choice overrides both presets.
		expect(
			statusesToWrite(plan, { '1.1': 'centre', '1.2': 'anonymous' }).map((s) => [s.criterionId, s.status])
		).toEqual([['1.2', 'in_arbeit']]);
	});

	it('counts the same status in both as already there, not as a conflict', () => {
		const plan = buildTakeoverPlan(
			work({ statuses: [status('1.1', { note: 'Aushang hängt ' })] }),
			centre({ statuses: [status('1.1', { note: 'Aushang hängt', updatedAt: '2026-01-01T00:00:00.000Z' })] }),
			title
		);
		expect(plan.conflicts).toEqual([]);
		expect(plan.alreadySame).toBe(1);
		expect(planIsEmpty(plan)).toBe(true);
	});

	it('leaves records the centre already has (an interrupted takeover) and profile fields it filled', () => {
		const plan = buildTakeoverPlan(
			work({
				evidence: [
					{
						table: 'evidence',
						id: 'e1',
						title: 'Flyer',
						detail: 'Foto',
						file: { name: 'flyer.jpg', bytes: 2048 }
					},
					{ table: 'evidence', id: 'e2', title: 'Vereinbarung', detail: 'Notiz' }
				],
				registerEntries: [
					{ table: 'cooperationPartners', id: 'p1', title: 'EB Nord', detail: 'Kooperationspartner' }
				],
				profile: [
					{ field: 'traeger', label: 'Träger', value: 'Stadt Beispiel' },
					{ field: 'city', label: 'Ort', value: 'Beispielstadt' }
				]
			}),
			centre({ recordIds: new Set(['e2']), filledProfileFields: new Set(['city']) }),
			title
		);
		expect(plan.evidence.map((e) => e.id)).toEqual(['e1']);
		expect(plan.registerEntries.map((e) => e.id)).toEqual(['p1']);
		expect(plan.profile.map((f) => f.field)).toEqual(['traeger']);
		expect(plan.alreadyThere).toBe(1);
		expect(describePlan(plan)).toBe('1 Nachweis (1 mit Datei), 1 Registereintrag, 1 Angabe zur Einrichtung');
	});
});

describe('describing the plan', () => {
	it('uses singular and plural correctly', () => {
		const plan = buildTakeoverPlan(
			work({
				statuses: [status('1.1'), status('1.2')],
				evidence: [
					{ table: 'evidence', id: 'a', title: 'A', detail: 'Notiz' },
					{ table: 'evidence', id: 'b', title: 'B', detail: 'Notiz' }
				],
				rounds: [{ table: 'certificationRounds', id: 'r', title: 'Runde 2027', detail: '' }]
			}),
			centre(),
			title
		);
		expect(describePlan(plan)).toBe('2 Kriterien mit Stand, 2 Nachweise, 1 Zertifizierungsrunde');
	});

	it('names a status with the start of its note', () => {
		expect(describeStatus({ status: 'in_arbeit', note: '' })).toBe('In Arbeit');
		expect(describeStatus({ status: 'erfuellt', note: 'Aushang hängt' })).toBe('Erfüllt – „Aushang hängt“');
		expect(describeStatus({ status: 'erfuellt', note: 'x'.repeat(100) })).toMatch(/^Erfüllt – „x{79}…“$/);
	});
});

describe('workFingerprint', () => {
	it('changes with new work and stays for the same work', () => {
		const before = work({ statuses: [status('1.1')] });
		expect(workFingerprint(before)).toBe(workFingerprint(work({ statuses: [status('1.1')] })));
		expect(workFingerprint(before)).not.toBe(
			workFingerprint(work({ statuses: [status('1.1', { updatedAt: '2026-12-03T10:00:00.000Z' })] }))
		);
		expect(workFingerprint(before)).not.toBe(
			workFingerprint({ ...before, evidence: [{ table: 'evidence', id: 'n', title: 'Neu', detail: '' }] })
		);
	});
});
