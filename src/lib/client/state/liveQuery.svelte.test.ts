import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { stateQuery } from './liveQuery.svelte';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

describe('stateQuery', () => {
	it('delivers the first result, then every change a write makes', async () => {
		let query!: ReturnType<typeof stateQuery<number>>;
		const stop = $effect.root(() => {
			query = stateQuery(() => db.meta.count());
		});
		expect(query.loading).toBe(true);
		expect(query.current).toBeUndefined();

		await vi.waitFor(() => expect(query.current).toBe(0));
		expect(query.loading).toBe(false);

		await db.meta.put({ key: 'a', value: 1 });
		await vi.waitFor(() => expect(query.current).toBe(1));
		stop();
	});

	it('stops watching when its owner is destroyed', async () => {
		let query!: ReturnType<typeof stateQuery<number>>;
		const stop = $effect.root(() => {
			query = stateQuery(() => db.meta.count());
		});
		await vi.waitFor(() => expect(query.current).toBe(0));
		stop();

		await db.meta.put({ key: 'a', value: 1 });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(query.current).toBe(0);
	});

	it('reports a failing query as error', async () => {
		let query!: ReturnType<typeof stateQuery<unknown>>;
		const stop = $effect.root(() => {
			query = stateQuery(() => db.table('noSuchTable').count());
		});
		await vi.waitFor(() => expect(query.error).toBeInstanceOf(Error));
		expect(query.loading).toBe(false);
		stop();
	});

	it('runs again when a dependency changes', async () => {
		let prefix = $state('a');
		await db.meta.bulkPut([
			{ key: 'a1', value: 1 },
			{ key: 'b1', value: 2 },
			{ key: 'b2', value: 3 }
		]);
		let query!: ReturnType<typeof stateQuery<number>>;
		const stop = $effect.root(() => {
			query = stateQuery(
				() => db.meta.where('key').startsWith(prefix).count(),
				() => prefix
			);
		});
		await vi.waitFor(() => expect(query.current).toBe(1));
		prefix = 'b';
		await vi.waitFor(() => expect(query.current).toBe(2));
		stop();
	});
});
