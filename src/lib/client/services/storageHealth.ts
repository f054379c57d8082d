/**
 * How much the browser lets the app store, and whether it may evict it. Without persistence a
 * browser may delete the workspace under storage pressure, so the app asks once and remembers.
 */

import { FREE_STORAGE_ADVICE } from '$lib/client/db/errors';

/** The sync status on a full device: what still works and what to do. */
export const SYNC_STORAGE_FULL =
	'Der Speicher des Geräts ist voll. Ihre Änderungen werden trotzdem gesendet; neue Daten vom Server ' +
	`kommen, sobald wieder Platz ist. ${FREE_STORAGE_ADVICE}`;

/** A sync that could not even start its bookkeeping on a full device. */
export const SYNC_BLOCKED_STORAGE_FULL =
	'Der Speicher des Geräts ist voll; die Synchronisierung geht weiter, sobald wieder Platz ist. ' +
	FREE_STORAGE_ADVICE;

export interface StorageEstimate {
	/** Bytes used by this origin (database, attachments, caches). */
	usage: number;
	/** Bytes this origin may use at most. */
	quota: number;
	/** True when the browser promised not to evict the data. */
	persisted: boolean;
}

/** The answer to `persist()`, kept so the app does not prompt again on every start. */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported';

const ANSWER_KEY = 'guetesiegel-mappe:storage-persist';

function storageManager(): StorageManager | null {
	return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** The remembered answer of an earlier `requestPersistence()`, if any. */
export function rememberedPersistence(): PersistenceAnswer | null {
	try {
		const value = localStorage.getItem(ANSWER_KEY);
		return value === 'granted' || value === 'denied' || value === 'unsupported' ? value : null;
	} catch {
		return null;
	}
}

function remember(answer: PersistenceAnswer): PersistenceAnswer {
	try {
		localStorage.setItem(ANSWER_KEY, answer);
	} catch {
		// Without localStorage the app simply asks again next time.
	}
	return answer;
}

/**
 * Asks the browser to keep the workspace even under storage pressure. A remembered denial is not
 * asked again (some browsers prompt) unless `force` is set, e.g. from a button in the settings.
 */
export async function requestPersistence(force = false): Promise<PersistenceAnswer> {
	const storage = storageManager();
	if (!storage || typeof storage.persist !== 'function') return remember('unsupported');
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return remember('granted');
		if (!force && rememberedPersistence() === 'denied') return 'denied';
		return remember((await storage.persist()) ? 'granted' : 'denied');
	} catch {
		return remember('denied');
	}
}

/** Usage, quota and persistence, or null where the browser does not say. */
export async function readStorageEstimate(): Promise<StorageEstimate | null> {
	const storage = storageManager();
	if (!storage || typeof storage.estimate !== 'function') return null;
	try {
		const { usage = 0, quota = 0 } = await storage.estimate();
		const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : false;
		return { usage, quota, persisted };
	} catch {
		return null;
	}
}

const UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB'];

/** Bytes for people in German number format: "1,2 MB", "820 KB", "3 Bytes" (1 KB = 1024 bytes). */
export function formatBytesDe(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '–';
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	if (unit === 0) return `${value} ${value === 1 ? 'Byte' : 'Bytes'}`;
	const digits = value < 10 ? 1 : 0;
	const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(value);
	return `${number} ${UNITS[unit]}`;
}

/** "1,2 MB von 2 GB belegt (1 %)" for the storage line in the settings. */
export function formatStorageUsageDe(estimate: Pick<StorageEstimate, 'usage' | 'quota'>): string {
	const used = formatBytesDe(estimate.usage);
	if (estimate.quota <= 0) return `${used} belegt`;
	const percent = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(
		(estimate.usage / estimate.quota) * 100
	);
	return `${used} von ${formatBytesDe(estimate.quota)} belegt (${percent} %)`;
}
