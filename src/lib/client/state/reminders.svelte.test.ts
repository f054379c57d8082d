import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { previousBuiltInVersion } from '$lib/client/services/catalogue';
import { saveFacilityProfile } from '$lib/client/services/facility';
import { addDaysTo } from '$lib/domain/dates';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { createAppBadge } from './appBadge';
import { readiness } from './readiness.svelte';
import { RemindersState } from './reminders.svelte';
import { workspace } from './workspace.svelte';

let db: WorkspaceDb;
let stop: (() => void) | null = null;
beforeEach(async () => {
	db = await freshWorkspace();
	expect(await workspace.init()).toBe('ok');
	await vi.waitFor(() => expect(workspace.loaded).toBe(true));
	// A catalogue without thresholds: their shortfalls depend on today's date (their own tests pin it).
	await saveFacilityProfile({ catalogueVersion: previousBuiltInVersion.version });
	await vi.waitFor(() => expect(workspace.catalogue.version).toBe(previousBuiltInVersion.version));
});
afterEach(() => {
	stop?.();
	stop = null;
	workspace.dispose();
});

describe('reminders state', () => {
	it('reads the round from the database and sets the app badge when the due count changes', async () => {
		const nav = { setAppBadge: vi.fn(async () => {}), clearAppBadge: vi.fn(async () => {}) };
		const state = new RemindersState(createAppBadge(nav));
		stop = $effect.root(() => state.use());
		const today = readiness.today;

		await vi.waitFor(() => expect(state.loaded).toBe(true));
		await vi.waitFor(() => expect(nav.clearAppBadge).toHaveBeenCalledTimes(1));
		expect(nav.setAppBadge).not.toHaveBeenCalled();

		await saveFacilityProfile({ sealValidUntil: addDaysTo(today, 10) });
		await vi.waitFor(() => expect(nav.setAppBadge).toHaveBeenLastCalledWith(1));

		await db.certificationRounds.put({
			id: 'r1',
			facilityId: workspace.facility!.id,
			createdAt: '2026-01-01T10:00:00.000Z',
			updatedAt: '2026-01-01T10:00:00.000Z',
			updatedBy: 'Test',
			deleted: false,
			kind: 're',
			form: 'einzel',
			periodKind: 'kalenderjahr',
			periodStart: addDaysTo(today, 100),
			periodEnd: addDaysTo(today, 464),
			registrationDate: null,
			documentsDue: addDaysTo(today, 3),
			siteVisitDate: null,
			sealValidUntil: null,
			note: ''
		});
		await vi.waitFor(() => expect(nav.setAppBadge).toHaveBeenLastCalledWith(2));
		expect(state.reminders.map((r) => r.title)).toEqual([
			'Unterlagen hochladen',
			'Gütesiegel läuft ab',
			'Prüfzeitraum beginnt',
			'Prüfzeitraum endet'
		]);

		await saveFacilityProfile({ sealValidUntil: addDaysTo(today, 400) });
		await vi.waitFor(() => expect(nav.setAppBadge).toHaveBeenLastCalledWith(1));
	});
});
