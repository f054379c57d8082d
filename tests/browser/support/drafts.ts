// What the browser tests read of the drafts kept on the device, and how they end a browser hard.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The stored draft of form `key` in any workspace, read with the plain IndexedDB API. */
export function storedDraft(page: Page, key: string): Promise<unknown> {
	return page.evaluate(async (key) => {
		const known = await indexedDB.databases();
		if (!known.some((info) => info.name === 'guetesiegel-entwuerfe')) return undefined;
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const db = await request(indexedDB.open('guetesiegel-entwuerfe'));
		try {
			const rows = (await request(db.transaction('drafts').objectStore('drafts').getAll())) as {
				key: string;
				value: unknown;
			}[];
			return rows.find((row) => row.key === key)?.value;
		} finally {
			db.close();
		}
	}, key);
}

/**
 * Kills the Chromium whose profile is `userDataDir` with SIGKILL, as a tablet's OS ends an app in
 * the background: no unload events, no chance to write anything more.
 */
export function killBrowser(userDataDir: string): void {
	const pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
	let killed = 0;
	for (const pid of pids) {
		let args: string[];
		try {
			args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		} catch {
			continue; // ended meanwhile
		}
		const browserProcess =
			args.some((arg) => arg === `--user-data-dir=${userDataDir}`) &&
			!args.some((arg) => arg.startsWith('--type='));
		if (!browserProcess) continue;
		process.kill(Number(pid), 'SIGKILL');
		killed++;
	}
	if (killed === 0) throw new Error(`No Chromium found for the profile ${userDataDir}`);
}
