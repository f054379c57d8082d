import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { buildFixtureDb, dbFixtures } from '../../../../tests/fixtures/db';
import { useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { dbHealth } from '../state/dbHealth.svelte';
import { db, getDbHealth, openWorkspace, useWorkspace } from './index';

useCloneableBlob();

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	useCloneableBlob();
});

function openRaw(name: string, version?: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = version ? indexedDB.open(name, version) : indexedDB.open(name);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

describe('openWorkspace', () => {
	it('reports ok once the database is open, and the health state follows', async () => {
		expect(await useWorkspace(`health-${crypto.randomUUID()}`)).toBe('ok');
		flushSync();
		expect(dbHealth.current).toBe('ok');
		expect(dbHealth.ok).toBe(true);
	});

	it('reports unavailable when the browser has no IndexedDB', async () => {
		await useWorkspace(`health-${crypto.randomUUID()}`);
		db.close();
		vi.stubGlobal('indexedDB', undefined);

		expect(await useWorkspace(`health-${crypto.randomUUID()}`)).toBe('unavailable');
		expect(dbHealth.message.title).toBe('Dieser Browser lässt die App keine Daten speichern.');
	});

	it('reports unavailable when opening fails, as in some private modes', async () => {
		const name = `health-${crypto.randomUUID()}`;
		await useWorkspace('health-other');
		const failure = new Dexie.OpenFailedError('InvalidStateError: A mutation operation was attempted');
		const spy = vi.spyOn(Dexie.prototype, 'open').mockRejectedValue(failure);

		expect(await useWorkspace(name)).toBe('unavailable');
		expect(spy).toHaveBeenCalled();
		expect(dbHealth.error).toBe(failure);
	});

	it('waits as blocked while an older tab holds the database, then opens', async () => {
		const name = `health-${crypto.randomUUID()}`;
		await buildFixtureDb(name, dbFixtures[0]);
		const olderTab = await openRaw(name); // never closes on versionchange, like a stuck old tab
		await useWorkspace('health-other');

		const opening = useWorkspace(name);
		await vi.waitFor(() => expect(getDbHealth()).toBe('blocked'));
		flushSync();
		expect(dbHealth.message.detail).toMatch(/anderen Tabs/);

		olderTab.close();
		expect(await opening).toBe('ok');
		expect(await db.facilities.count()).toBe(1);
	});

	it('closes its connection and asks for a reload when another tab upgrades the database', async () => {
		const name = `health-${crypto.randomUUID()}`;
		await useWorkspace(name);
		await db.meta.put({ key: 'x', value: 1 });

		const newerTab = await openRaw(name, 1000);

		expect(getDbHealth()).toBe('versionchange');
		expect(db.isOpen()).toBe(false);
		flushSync();
		expect(dbHealth.needsReload).toBe(true);
		expect(dbHealth.message.detail).toMatch(/neu/);
		await expect(db.meta.get('x')).rejects.toThrow();
		newerTab.close();
	});

	it('tells what to do when opening never answers, and goes on if it opens after all', async () => {
		await useWorkspace('health-other');
		vi.stubGlobal('guetesiegelDbOpenTimeoutMs', 20);
		let answer: () => void = () => undefined;
		const open = Dexie.prototype.open;
		const stalled = function (this: Dexie) {
			return new Promise<void>((resolve) => (answer = resolve)).then(() => open.call(this));
		} as typeof open;
		vi.spyOn(Dexie.prototype, 'open').mockImplementation(stalled);

		const opening = useWorkspace(`health-${crypto.randomUUID()}`);
		await vi.waitFor(() => expect(getDbHealth()).toBe('stuck'));
		flushSync();
		expect(dbHealth.message.title).toBe('Die Mappe lässt sich gerade nicht öffnen.');
		expect(dbHealth.message.detail).toMatch(/Erneut versuchen.*Browser ganz/);

		answer();
		expect(await opening).toBe('ok');
	});
});

describe('useWorkspace', () => {
	it('switches the live db binding to another database and closes the old one', async () => {
		await useWorkspace(`user-a-${crypto.randomUUID()}`);
		const first = db;
		await first.meta.put({ key: 'who', value: 'a' });

		await useWorkspace(`user-b-${crypto.randomUUID()}`);

		expect(db).not.toBe(first);
		expect(first.isOpen()).toBe(false);
		expect(await db.meta.get('who')).toBeUndefined();
		expect(await openWorkspace()).toBe('ok');
	});
});
