// Pull of 10,000 changes into a fresh tablet (Chromium, IndexedDB), on SQLite and on PostgreSQL.
// The server first gets 10,000 records of the demo centre through the push API (every criterion's
// status and evidence notes). Then a fresh browser context logs in as the Leitung, which pulls the
// centre's data; measured is the time from the first pull request until every record is stored in
// the tablet's IndexedDB (watched from inside the page).
import { median } from '../../scripts/lib/benchContext.js';
import {
	apiLogin,
	catalogueCriterionIds,
	criterionStatus,
	DEMO,
	evidenceNote,
	forEachDatabase,
	openTablet,
	pullAll,
	pushRecords,
	SONNENBLUME,
	submitLogin,
	waitUntilSynced
} from './syncSetup.js';

export const name = 'Sync: pull of 10,000 changes into a fresh tablet (Chromium, SQLite and PostgreSQL)';

const runs = 3;
const records = 10_000;

/**
 * Runs in the page: waits until the user's workspace database holds `expected` records in
 * `tables`, then reports when that happened and when the first pull request started.
 * @param {{ database: string, tables: string[], expected: number }} watch
 */
async function watchUntilStored({ database, tables, expected }) {
	const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
	const deadline = performance.now() + 120_000;
	while (!(await indexedDB.databases()).some((d) => d.name === database)) {
		if (performance.now() > deadline) throw new Error(`${database} was not created`);
		await sleep(10);
	}
	/** @type {IDBDatabase} */
	const db = await new Promise((resolve, reject) => {
		const request = indexedDB.open(database);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	try {
		for (;;) {
			const tx = db.transaction(tables);
			const counts = await Promise.all(
				tables.map(
					(table) =>
						/** @type {Promise<number>} */ (
							new Promise((resolve, reject) => {
								const request = tx.objectStore(table).count();
								request.onsuccess = () => resolve(request.result);
								request.onerror = () => reject(request.error);
							})
						)
				)
			);
			const storedAt = performance.now();
			if (counts.reduce((a, b) => a + b, 0) >= expected) {
				const pulls = performance
					.getEntriesByType('resource')
					.filter((e) => e.name.includes('/api/sync/pull'))
					.sort((a, b) => a.startTime - b.startTime);
				return { firstPull: pulls[0]?.startTime ?? NaN, storedAt, requests: pulls.length };
			}
			if (storedAt > deadline) throw new Error(`only ${counts.join(' + ')} of ${expected} records stored`);
			await sleep(20);
		}
	} finally {
		db.close();
	}
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const criteria = await catalogueCriterionIds(context.root);
	const browser = await context.browser();
	await forEachDatabase(async (database, server) => {
		const leitung = await apiLogin(server.url, DEMO.leitung);
		const seed = [
			...criteria.map((id, i) => ({
				table: 'criterionStatuses',
				record: criterionStatus(SONNENBLUME, id, i % 4 ? 'erfuellt' : 'in_arbeit', 'Im Team besprochen.')
			})),
			...Array.from({ length: records - criteria.length }, (_, i) => ({
				table: 'evidence',
				record: evidenceNote(SONNENBLUME, `bench-pull-${i}`, i, criteria)
			}))
		];
		const seedStarted = performance.now();
		const accepted = await pushRecords(leitung, seed);
		const seedSeconds = (performance.now() - seedStarted) / 1000;
		if (accepted !== records) throw new Error(`the server accepted ${accepted} of ${records} records`);
		const onServer = await pullAll(leitung);
		const tables = ['criterionStatuses', 'evidence'];
		const expected = onServer.filter((r) => tables.includes(r.table)).length;
		console.log(
			`  ${database}: ${accepted} records pushed in ${seedSeconds.toFixed(1)} s; the centre has ${onServer.length} records`
		);

		/** @type {number[]} */
		const times = [];
		let requests = 0;
		for (let run = 0; run < runs; run++) {
			const { context: tablet, page } = await openTablet(browser, server.url);
			try {
				const watching = page.evaluate(watchUntilStored, {
					database: `guetesiegel-mappe-${leitung.user.id}`,
					tables,
					expected
				});
				await submitLogin(page, DEMO.leitung);
				const { firstPull, storedAt, requests: pulls } = await watching;
				times.push(storedAt - firstPull);
				requests = pulls;
				await waitUntilSynced(page);
			} finally {
				await tablet.close();
			}
		}
		context.report({
			label: `${database}: ${records.toLocaleString('en')} changes pulled and stored (median)`,
			value: median(times),
			unit: 'ms',
			target: '≤ 3000 ms',
			detail: `${runs} fresh tablets, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; ${requests} pull requests`
		});
	});
}
