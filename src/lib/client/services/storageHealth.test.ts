import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	formatBytesDe,
	formatStorageUsageDe,
	readStorageEstimate,
	rememberedPersistence,
	requestPersistence
} from '$lib/client/services/storageHealth';

function stubStorage(storage: Partial<StorageManager> | undefined) {
	Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

beforeEach(() => localStorage.clear());
afterEach(() => stubStorage(undefined));

describe('requestPersistence', () => {
	it('asks the browser once and remembers a yes', async () => {
		const persist = vi.fn().mockResolvedValue(true);
		stubStorage({ persist, persisted: vi.fn().mockResolvedValue(false) });

		expect(await requestPersistence()).toBe('granted');
		expect(persist).toHaveBeenCalledOnce();
		expect(rememberedPersistence()).toBe('granted');
	});

	it('does not ask again after a no, unless asked to', async () => {
		const persist = vi.fn().mockResolvedValue(false);
		stubStorage({ persist, persisted: vi.fn().mockResolvedValue(false) });

		expect(await requestPersistence()).toBe('denied');
		expect(await requestPersistence()).toBe('denied');
		expect(persist).toHaveBeenCalledOnce();
		await requestPersistence(true);
		expect(persist).toHaveBeenCalledTimes(2);
	});

	it('does not ask when the data is persisted already', async () => {
		const persist = vi.fn();
		stubStorage({ persist, persisted: vi.fn().mockResolvedValue(true) });
		expect(await requestPersistence()).toBe('granted');
		expect(persist).not.toHaveBeenCalled();
	});

	it('says unsupported where the browser has no storage API', async () => {
		stubStorage(undefined);
		expect(await requestPersistence()).toBe('unsupported');
	});
});

describe('readStorageEstimate', () => {
	it('reads usage, quota and persistence', async () => {
		stubStorage({
			estimate: vi.fn().mockResolvedValue({ usage: 1_300_000, quota: 2 * 1024 ** 3 }),
			persisted: vi.fn().mockResolvedValue(true)
		});
		expect(await readStorageEstimate()).toEqual({ usage: 1_300_000, quota: 2 * 1024 ** 3, persisted: true });
	});

	it('is null where the browser does not tell', async () => {
		stubStorage(undefined);
		expect(await readStorageEstimate()).toBeNull();
	});
});

describe('formatBytesDe', () => {
	it('writes sizes the German way', () => {
		expect(formatBytesDe(1)).toBe('1 Byte');
		expect(formatBytesDe(512)).toBe('512 Bytes');
		expect(formatBytesDe(820 * 1024)).toBe('820 KB');
		expect(formatBytesDe(1.2 * 1024 * 1024)).toBe('1,2 MB');
		expect(formatBytesDe(25 * 1024 * 1024)).toBe('25 MB');
		expect(formatBytesDe(2 * 1024 ** 3)).toBe('2 GB');
	});

	it('puts usage and quota in one line', () => {
		expect(formatStorageUsageDe({ usage: 1.2 * 1024 * 1024, quota: 2 * 1024 ** 3 })).toBe(
			'1,2 MB von 2 GB belegt (0 %)'
		);
	});
});
