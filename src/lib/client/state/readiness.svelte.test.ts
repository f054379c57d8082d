import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import { setCriterionStatus } from '$lib/client/services/criterion';
import { readiness } from './readiness.svelte';
import { workspace } from './workspace.svelte';

beforeEach(async () => {
	await freshWorkspace();
	readiness.refreshToday(new Date(2027, 2, 15, 12));
	expect(await workspace.init()).toBe('ok');
	await vi.waitFor(() => expect(workspace.loaded).toBe(true));
});
afterEach(() => workspace.dispose());

const stamp = {
	createdAt: '2027-01-02T10:00:00.000Z',
	updatedAt: '2027-01-02T10:00:00.000Z',
	updatedBy: 'Test'
};

describe('readiness inputs on the device', () => {
	it("counts in the current round's period, with its variant, and re-reads registers only when they change", async () => {
		const facilityId = workspace.facility!.id;
		// Without a round: the catalogue's current period.
		await vi.waitFor(() => expect(readiness.rounds.registers).toBeDefined());
		expect(readiness.rounds.round).toBeNull();

		await putRecord('certificationRounds', {
			...stamp,
			id: 'r1',
			facilityId,
			kind: 're',
			form: 'verbund',
			periodKind: 'kalenderjahr',
			periodStart: '2027-01-01',
			periodEnd: '2027-12-31'
		});
		await vi.waitFor(() => expect(readiness.rounds.round?.form).toBe('verbund'));
		await vi.waitFor(() => expect(readiness.rounds.registers?.period.start).toBe('2027-01-01'));

		await putRecord('officeHourSessions', {
			...stamp,
			id: 's1',
			facilityId,
			date: '2027-03-03',
			durationMinutes: 60,
			contacts: 2,
			topic: 'sonstiges'
		});
		await vi.waitFor(() => expect(readiness.rounds.registers?.data.officeHourSessions).toHaveLength(1));
		const data = readiness.rounds.registers!.data;

		// A status tap (criterion or sub-item) must not re-read the registers.
		await setCriterionStatus(facilityId, '1.1', 'erfuellt');
		await vi.waitFor(() => expect(readiness.statusValues.get('1.1')).toBe('erfuellt'));
		expect(readiness.rounds.registers!.data).toBe(data);
		expect(readiness.requirementContext.registers?.data).toBe(data);
	});
});
