import { describe, expect, it } from 'vitest';
import { buildFixtureDb, dbFixtures } from '../../../../tests/fixtures/db';
import { useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord, syncedTableNames, syncedTable, validateRecord } from './changes';
import { db, useWorkspace } from './index';
import { WorkspaceDb } from './WorkspaceDb';

useCloneableBlob();

describe.each(dbFixtures)('a database left by version $version', (fixture) => {
	async function upgraded(): Promise<WorkspaceDb> {
		const name = `fixture-v${fixture.version}-${crypto.randomUUID()}`;
		await buildFixtureDb(name, fixture);
		expect(await useWorkspace(name)).toBe('ok');
		return db;
	}

	it('opens with today’s WorkspaceDb, keeps its data and runs the upgrades', async () => {
		const current = await upgraded();
		expect(current.verno).toBe(new WorkspaceDb('unused').verno);
		await fixture.verify(current);
	});

	it('has every table of today’s schema, and the ones added since start empty', async () => {
		const current = await upgraded();
		const today = new WorkspaceDb('unused').tables.map((t) => t.name).sort();
		expect(current.tables.map((t) => t.name).sort()).toEqual(today);
		for (const name of today.filter((t) => !(t in fixture.stores))) {
			expect(await current.table(name).count(), name).toBe(0);
		}
	});

	it('holds only records that today’s schemas accept', async () => {
		const current = await upgraded();
		for (const table of syncedTableNames) {
			for (const record of await syncedTable(current, table).toArray()) {
				expect(() => validateRecord(table, record), `${table} ${record.id}`).not.toThrow();
			}
		}
	});

	it('takes new writes after the upgrade', async () => {
		const current = await upgraded();
		const [facility] = await current.facilities.toArray();
		const before = await current.outbox.count();

		await putRecord('criterionStatuses', {
			id: `${facility.id}:9.9`,
			facilityId: facility.id,
			criterionId: '9.9',
			status: 'offen'
		});

		expect(await current.outbox.count()).toBe(before + 1);
	});
});
