import { describe, expect, it, vi } from 'vitest';
import { runExclusively, SYNC_LOCK_NAME, type LockEnvironment } from './tabLock';

function memoryStorage(): NonNullable<LockEnvironment['storage']> {
	const items = new Map<string, string>();
	return {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
}

describe('runExclusively', () => {
	it('asks Web Locks without queueing and skips when another tab holds the lock', async () => {
		const request = vi.fn(
			async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => callback(null)
		);
		const task = vi.fn(async () => {});
		const ran = await runExclusively(task, { locks: { request } as unknown as LockManager });
		expect(ran).toBe(false);
		expect(task).not.toHaveBeenCalled();
		expect(request).toHaveBeenCalledWith(SYNC_LOCK_NAME, { ifAvailable: true }, expect.any(Function));
	});

	it('runs the task while holding the lock', async () => {
		const request = vi.fn(async (_n: string, _o: LockOptions, callback: (lock: Lock | null) => unknown) =>
			callback({ name: SYNC_LOCK_NAME, mode: 'exclusive' } as Lock)
		);
		const task = vi.fn(async () => {});
		expect(await runExclusively(task, { locks: { request } as unknown as LockManager })).toBe(true);
		expect(task).toHaveBeenCalledOnce();
	});

	it('falls back to a lease in storage without Web Locks, which a dead tab cannot hold for ever', async () => {
		const storage = memoryStorage();
		let now = 1_000_000;
		storage.setItem('guetesiegel-sync-lease', JSON.stringify({ tab: 'other-tab', until: now + 60_000 }));
		const task = vi.fn(async () => {});
		expect(await runExclusively(task, { storage, now: () => now })).toBe(false);
		now += 61_000;
		expect(await runExclusively(task, { storage, now: () => now })).toBe(true);
		expect(task).toHaveBeenCalledOnce();
		expect(storage.getItem('guetesiegel-sync-lease')).toBeNull();
	});

	it('never runs twice at once in the same tab', async () => {
		let release = () => {};
		const slow = () => new Promise<void>((resolve) => (release = resolve));
		const first = runExclusively(slow, {});
		expect(await runExclusively(async () => {}, {})).toBe(false);
		release();
		expect(await first).toBe(true);
	});
});
