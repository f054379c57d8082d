import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace, useCloneableBlob, blobOf } from '../../../../tests/fixtures/db/testWorkspace';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import { addEvidence, deleteEvidence } from '$lib/client/services/evidence';
import { saveFacilityProfile } from '$lib/client/services/facility';
import { setCriterionStatus } from '$lib/client/services/criterion';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { workspace } from './workspace.svelte';

useCloneableBlob();

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});
afterEach(() => {
	workspace.dispose();
	vi.restoreAllMocks();
});

async function ready() {
	expect(await workspace.init()).toBe('ok');
	await vi.waitFor(() => expect(workspace.loaded).toBe(true));
	return workspace.facility!;
}

describe('workspace', () => {
	it('opens with a default facility on the built-in catalogue', async () => {
		const facility = await ready();
		expect(facility.catalogueVersion).toBe(builtInCatalogue.version);
		expect(workspace.catalogue).toBe(builtInCatalogue);
		expect(workspace.statuses.size).toBe(0);
		expect(workspace.evidence).toEqual([]);
	});

	it('shows a status change and a profile change without reloading', async () => {
		const facility = await ready();
		await setCriterionStatus(facility.id, '1.1', 'erfuellt');
		await saveFacilityProfile({ name: 'Familienzentrum Sonnenblume' });

		await vi.waitFor(() => expect(workspace.statuses.get('1.1')?.status).toBe('erfuellt'));
		await vi.waitFor(() => expect(workspace.facility?.name).toBe('Familienzentrum Sonnenblume'));
	});

	it('lists evidence newest first, drops deleted items and marks files missing after a full disk', async () => {
		const facility = await ready();
		const base = { facilityId: facility.id, criterionIds: ['1.1'] };
		const older = await addEvidence({ ...base, kind: 'note', title: 'Alt', date: '2025-01-01' });
		await addEvidence({ ...base, kind: 'note', title: 'Neu', date: '2026-01-01' });
		vi.spyOn(db.attachments, 'put').mockRejectedValueOnce(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		const photo = await addEvidence(
			{ ...base, kind: 'photo', title: 'Foto', date: '2025-06-01' },
			{ blob: blobOf([1, 2, 3], 'image/jpeg'), fileName: 'a.jpg' }
		);
		await deleteEvidence(older.evidence.id);

		await vi.waitFor(() => expect(workspace.evidence.map((e) => e.title)).toEqual(['Neu', 'Foto']));
		expect(workspace.missingAttachments.has(photo.evidence.attachment!.sha256)).toBe(true);
	});

	it('keeps showing the workspace when started again for the same database and facility', async () => {
		const facility = await ready();
		const again = workspace.init();
		expect(workspace.loaded).toBe(true);
		expect(await again).toBe('ok');
		expect(workspace.loaded).toBe(true);
		expect(workspace.facility?.id).toBe(facility.id);
	});

	it('starts over for another facility of the same database', async () => {
		const first = await ready();
		const other = { ...first, id: 'other', facilityId: 'other', name: 'Kita am Park' };
		await db.facilities.put(other);
		await db.meta.put({ key: 'facilityId', value: other.id });

		expect(await workspace.init()).toBe('ok');
		await vi.waitFor(() => expect(workspace.facility?.name).toBe('Kita am Park'));
		expect(workspace.loaded).toBe(true);
	});

	it('leaves a database switched to meanwhile (a sign-in) alone until the sign-in has prepared it', async () => {
		await ready();
		const stale = workspace.init();
		// The sign-in switches to the user's database and names her facility before its first pull.
		const userDb = await freshWorkspace();
		await userDb.meta.put({ key: 'facilityId', value: 'server-facility' });

		await stale;
		expect(await userDb.facilities.count()).toBe(0);
		expect((await userDb.meta.get('facilityId'))?.value).toBe('server-facility');
	});

	it('reports the database health instead of watching when the database cannot open', async () => {
		db.close();
		vi.spyOn(db, 'open').mockRejectedValue(new Dexie.OpenFailedError('blocked by settings'));
		expect(await workspace.init()).toBe('unavailable');
		expect(workspace.facility).toBeUndefined();
	});
});
