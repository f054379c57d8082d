import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCatalogue } from '$fixtures/catalogues';
import { makeOfficeHourSession } from '$fixtures/registers';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import { newFacilityProfile } from '$lib/domain/facilityProfile';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import { hasThresholds, loadShortfalls, periodFor, sitesOf } from './shortfalls';
import { loadThresholdShortfallsFn, type ThresholdShortfallsFn } from './thresholdEvaluator';

const profile = newFacilityProfile(
	{ id: 'fz-test', name: 'Familienzentrum Regenbogen', catalogueId: 'test', catalogueVersion: 'test-1' },
	{ now: '2026-01-01T10:00:00.000Z', updatedBy: 'Test' }
);

const plain: Catalogue = makeCatalogue([{ kind: 'leistung', criteria: ['B2'] }]);
const withThreshold: Catalogue = {
	...plain,
	reviewPeriod: 'kalenderjahr',
	criteria: plain.criteria.map((c) => ({
		...c,
		thresholds: [{ id: 't1', label: 'Sprechstunde', source: 'officeHourSessions', min: 1, per: 'month' }]
	}))
} as Catalogue;

function round(overrides: Partial<CertificationRound>): CertificationRound {
	return {
		id: 'r1',
		facilityId: 'fz-test',
		createdAt: '2026-01-01T10:00:00.000Z',
		updatedAt: '2026-01-01T10:00:00.000Z',
		updatedBy: 'Test',
		deleted: false,
		kind: 're',
		form: 'einzel',
		periodKind: 'kindergartenjahr',
		periodStart: '2026-08-01',
		periodEnd: '2027-07-31',
		registrationDate: null,
		documentsDue: null,
		siteVisitDate: null,
		sealValidUntil: null,
		note: '',
		...overrides
	};
}

describe('the threshold evaluator', () => {
	it('is used when the requirements module provides it, else there are no shortfalls', async () => {
		const fn: ThresholdShortfallsFn = () => [];
		expect(await loadThresholdShortfallsFn({})).toBeNull();
		expect(await loadThresholdShortfallsFn({ '/x.ts': async () => ({}) })).toBeNull();
		expect(await loadThresholdShortfallsFn({ '/x.ts': async () => ({ thresholdShortfalls: fn }) })).toBe(fn);
	});
});

describe('the window of the shortfalls', () => {
	it("is the round's Prüfzeitraum while it runs, otherwise the catalogue's period", () => {
		const running = round({});
		expect(periodFor([running], withThreshold, '2026-12-05')).toMatchObject({
			start: '2026-08-01',
			end: '2027-07-31'
		});
		expect(
			periodFor([round({ periodStart: '2027-01-01', periodEnd: '2027-12-31' })], withThreshold, '2026-12-31')
		).toMatchObject({
			start: '2026-01-01',
			end: '2026-12-31'
		});
		expect(periodFor([], withThreshold, '2027-01-01')).toMatchObject({
			start: '2027-01-01',
			end: '2027-12-31'
		});
	});

	it('names the Kitas of a Verbund, the own one first, and none for a single centre', () => {
		expect(sitesOf(profile)).toEqual([]);
		const verbund = { ...profile, verbundMembers: [{ id: 'k2', name: 'Kita Sonne', address: '' }] };
		expect(sitesOf(verbund)).toEqual([
			{ id: 'fz-test', name: 'Familienzentrum Regenbogen' },
			{ id: 'k2', name: 'Kita Sonne' }
		]);
	});
});

describe('loadShortfalls', () => {
	let db: WorkspaceDb;
	beforeEach(async () => {
		db = await freshWorkspace();
	});

	it('reads nothing for a catalogue without thresholds', async () => {
		const evaluate = vi.fn<ThresholdShortfallsFn>(() => []);
		expect(hasThresholds(plain)).toBe(false);
		expect(
			await loadShortfalls(
				evaluate,
				{ profile, catalogue: plain, statuses: new Map(), today: '2026-12-05' },
				db
			)
		).toEqual([]);
		expect(evaluate).not.toHaveBeenCalled();
	});

	it("hands the evaluator the registers of the round's period, today and the statuses", async () => {
		await db.certificationRounds.put(round({}));
		await db.officeHourSessions.bulkPut([
			makeOfficeHourSession({ id: 'in', date: '2026-09-01' }),
			makeOfficeHourSession({ id: 'before', date: '2026-07-31' })
		]);
		const shortfall = {
			criterionId: '1.1',
			thresholdId: 't1',
			label: 'Sprechstunde',
			count: 0,
			min: 1,
			windowLabel: 'Dezember 2026',
			windowStart: '2026-12-01',
			windowEnd: '2026-12-31',
			per: 'month' as const
		};
		const evaluate = vi.fn<ThresholdShortfallsFn>(() => [shortfall]);
		const statuses = new Map([['1.1', 'in_arbeit' as const]]);
		const result = await loadShortfalls(
			evaluate,
			{ profile, catalogue: withThreshold, statuses, today: '2026-12-05' },
			db
		);
		expect(result).toEqual([shortfall]);
		const [catalogue, ctx] = evaluate.mock.calls[0];
		expect(catalogue).toBe(withThreshold);
		expect(ctx.statuses).toBe(statuses);
		expect(ctx.registers?.today).toBe('2026-12-05');
		expect(ctx.registers?.period.label).toBe('Kindergartenjahr 2026/27');
		expect(ctx.registers?.data.officeHourSessions.map((s) => s.id)).toEqual(['in']);
		expect(ctx.sites).toBeUndefined();
	});
});
