import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import {
	acceptAll,
	createFakeFetch,
	emptyPull,
	jsonResponse,
	type FakeFetch
} from '$lib/client/sync/fakeServer';
import type { PushRequest } from '$lib/domain/sync/protocol';
import { createSyncApi } from '$lib/client/api/sync';
import { syncStatus } from '$lib/client/state/syncStatus.svelte';
import { runExclusively } from '$lib/client/sync/tabLock';

let fake: FakeFetch;
let stop: () => void = () => {};

beforeEach(async () => {
	await freshWorkspace();
	fake = createFakeFetch();
	fake.on('GET /api/sync/pull', emptyPull());
	fake.on('POST /api/sync/push', acceptAll());
});
afterEach(() => {
	stop();
	vi.restoreAllMocks();
	window.dispatchEvent(new Event('online'));
});

function start(retryMs = 60_000) {
	stop = syncStatus.start({ api: createSyncApi(fake.fetch), periodMs: 60_000, afterChangeMs: 10, retryMs });
}

describe('syncStatus', () => {
	it('syncs on start and then reports when it last synced', async () => {
		start();
		await vi.waitFor(() => expect(syncStatus.view.state).toBe('idle'));
		await vi.waitFor(() => expect(syncStatus.view.lastSyncedAt).not.toBeNull());
		expect(fake.requests.some((r) => r.path === '/api/sync/pull')).toBe(true);
	});

	it('counts waiting changes while offline and sends them on coming back online', async () => {
		start();
		await vi.waitFor(() => expect(syncStatus.view.state).toBe('idle'));
		window.dispatchEvent(new Event('offline'));
		await putRecord('criterionStatuses', {
			id: 'kita-a:1.1',
			facilityId: 'kita-a',
			criterionId: '1.1',
			status: 'erfuellt'
		});
		await vi.waitFor(() => expect(syncStatus.view).toMatchObject({ state: 'offline', pendingCount: 1 }));
		expect(fake.requests.some((r) => r.path === '/api/sync/push')).toBe(false);

		window.dispatchEvent(new Event('online'));
		await vi.waitFor(() => expect(fake.requests.some((r) => r.path === '/api/sync/push')).toBe(true));
		await vi.waitFor(() => expect(syncStatus.view).toMatchObject({ state: 'idle', pendingCount: 0 }));
	});

	it('counts what waits and what was refused right after a push with a refusal', async () => {
		start();
		await vi.waitFor(() => expect(syncStatus.view.state).toBe('idle'));
		fake.on('POST /api/sync/push', (body) => {
			const [first, ...rest] = (body as PushRequest).changes;
			return jsonResponse({
				results: [
					{ seq: first.seq, status: 'rejected', code: 'permission', reason: 'Nur lesen.' },
					...rest.map((c) => ({ seq: c.seq, status: 'accepted', revision: c.seq }))
				],
				lastSeq: (body as PushRequest).changes.at(-1)!.seq
			});
		});
		for (const criterionId of ['1.1', '1.2', '1.3']) {
			await putRecord('criterionStatuses', {
				id: `kita-a:${criterionId}`,
				facilityId: 'kita-a',
				criterionId,
				status: 'erfuellt'
			});
		}
		await syncStatus.syncNow();
		await vi.waitFor(() => expect(syncStatus.view).toMatchObject({ state: 'idle', pendingCount: 0 }));
		await vi.waitFor(() => expect(syncStatus.rejectedCount).toBe(1));
	});

	it('asks for a new login when the session has expired, keeping the change', async () => {
		fake.on('POST /api/sync/push', () =>
			jsonResponse({ error: { code: 'unauthenticated', message: 'x' } }, 401)
		);
		await putRecord('criterionStatuses', {
			id: 'kita-a:1.2',
			facilityId: 'kita-a',
			criterionId: '1.2',
			status: 'offen'
		});
		start();
		await vi.waitFor(() => expect(syncStatus.view).toMatchObject({ state: 'needs-login', pendingCount: 1 }));
	});

	it('tries an unreachable server again within seconds instead of a minute later', async () => {
		let refusals = 2;
		fake.on('GET /api/sync/pull', () =>
			refusals-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : emptyPull()()
		);
		start(30);
		await vi.waitFor(() => expect(syncStatus.view.state).toBe('error'));
		await vi.waitFor(() => expect(syncStatus.view.state).toBe('idle'));
		expect(fake.requests.filter((r) => r.path === '/api/sync/pull')).toHaveLength(3);
	});

	it('gives up on a request that never gets an answer, says so in German and frees the sync lock', async () => {
		let hangs = 1;
		// The first pull is taken and never answered, like on a captive-portal Wi-Fi.
		fake.on('GET /api/sync/pull', () => (hangs-- > 0 ? new Promise<Response>(() => {}) : emptyPull()()));
		stop = syncStatus.start({
			api: createSyncApi(fake.fetch, '', () => 50),
			periodMs: 60_000,
			afterChangeMs: 10,
			retryMs: 60_000
		});
		await vi.waitFor(() =>
			expect(syncStatus.view).toMatchObject({
				state: 'error',
				error: 'Server antwortet nicht (Zeitüberschreitung)'
			})
		);
		// The lock is free again: the next sync runs and gets through.
		expect(await runExclusively(async () => {})).toBe(true);
		await syncStatus.syncNow();
		expect(syncStatus.view.state).toBe('idle');
		expect(fake.requests.filter((r) => r.path === '/api/sync/pull')).toHaveLength(2);
	});

	it('shows an unreachable server as an error with its reason', async () => {
		fake.on('GET /api/sync/pull', () => Promise.reject(new TypeError('Failed to fetch')));
		start();
		await vi.waitFor(() =>
			expect(syncStatus.view).toMatchObject({ state: 'error', error: 'Server nicht erreichbar' })
		);
	});
});
