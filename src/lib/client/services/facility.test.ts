import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { DEFAULT_FACILITY_NAME, ensureFacility, saveFacilityProfile } from './facility';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

describe('ensureFacility', () => {
	it('creates a default profile on first start and the same one afterwards', async () => {
		const first = await ensureFacility('familienzentrum-nrw', '2026.1');
		expect(first).toMatchObject({ name: DEFAULT_FACILITY_NAME, catalogueVersion: '2026.1', deleted: false });
		expect(first.facilityId).toBe(first.id);

		const again = await ensureFacility('familienzentrum-nrw', '2027.1');
		expect(again.id).toBe(first.id);
		expect(await db.facilities.count()).toBe(1);
		expect(await db.outbox.where({ table: 'facilities', recordId: first.id }).count()).toBe(1);
	});

	it('creates one facility even when two tabs start at once', async () => {
		const [a, b] = await Promise.all([ensureFacility('c', '1'), ensureFacility('c', '1')]);
		expect(a.id).toBe(b.id);
		expect(await db.facilities.count()).toBe(1);
	});
});

describe('saveFacilityProfile', () => {
	it('saves the profile form and records which fields changed', async () => {
		await ensureFacility('c', '1');
		const saved = await saveFacilityProfile({
			name: 'Familienzentrum Sonnenblume',
			postalCode: '44135',
			sealValidUntil: '2028-07-31'
		});

		expect(saved).toMatchObject({ name: 'Familienzentrum Sonnenblume', sealValidUntil: '2028-07-31' });
		const last = await db.outbox.orderBy('seq').last();
		expect(last?.fields.sort()).toEqual(['name', 'postalCode', 'sealValidUntil']);
	});

	it('refuses bad input with German messages and keeps the stored profile', async () => {
		const before = await ensureFacility('c', '1');
		const error = await saveFacilityProfile({ name: '', postalCode: '4413' }).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(RecordValidationError);
		expect((error as RecordValidationError).fieldErrors.postalCode).toEqual([
			'Die Postleitzahl hat fünf Ziffern'
		]);
		expect(await db.facilities.get(before.id)).toEqual(before);
	});

	it('saves the Verbund’s member Kitas and roles, and refuses a role no Kita holds', async () => {
		await ensureFacility('c', '1');
		const member = { id: 'kita-2', name: 'Kita Sonnenschein', address: '' };
		const saved = await saveFacilityProfile({ verbundMembers: [member], grantRecipientSiteId: 'kita-2' });
		expect(saved).toMatchObject({ verbundMembers: [member], grantRecipientSiteId: 'kita-2' });
		expect((await db.outbox.orderBy('seq').last())?.fields.sort()).toEqual([
			'grantRecipientSiteId',
			'verbundMembers'
		]);

		const error = await saveFacilityProfile({ verbundMembers: [] }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RecordValidationError);
		expect((error as RecordValidationError).fieldErrors.grantRecipientSiteId).toEqual([
			'Der Zuschussempfänger ist keine Kita dieses Verbunds.'
		]);
		expect((await db.facilities.get(saved.id))?.verbundMembers).toEqual([member]);
	});

	it('never changes the id, owner or deletion through the form', async () => {
		const before = await ensureFacility('c', '1');
		const saved = await saveFacilityProfile({
			id: 'x',
			facilityId: 'y',
			deleted: true,
			city: 'Bochum'
		} as never);
		expect(saved).toMatchObject({ id: before.id, facilityId: before.id, deleted: false, city: 'Bochum' });
	});
});
