// Push of 1,000, 5,000 and 10,000 queued changes from a tablet (Chromium) to the server, on SQLite
// and on PostgreSQL, and in the same run PouchDB replicating the same documents to express-pouchdb.
//
// The app's changes are queued by the app itself: a backup with the records is read in on
// /einstellungen, which writes every record with its outbox entry (as any local edit does). Then
// „Jetzt synchronisieren“; measured is the push phase of that sync, from the press to the moment
// the pull starts (reading the outbox, the batches of 500, the server's merge, recording the
// answers). While the backup is read in, the bench holds the app's sync lock, so no automatic sync
// starts before the press.
//
// PouchDB (pouchdb-browser, IndexedDB adapter) in the same Chromium gets the same changes as
// documents (the push request's change objects, so the same JSON shape and size), stored locally
// before the timer starts; measured is `replicate.to` a fresh database of express-pouchdb (in-memory
// adapter, Node, loopback) until it completes, i.e. the server has acknowledged every document.
import { strToU8, zipSync } from 'fflate';
import { median } from '../../scripts/lib/benchContext.js';
import { startPouchPeer, timeReplication } from './pouchPeer/server.js';
import {
	apiLogin,
	catalogueCriterionIds,
	criterionStatus,
	DEMO,
	evidenceNote,
	forEachDatabase,
	openTablet,
	outboxOnTablet,
	pullAll,
	SONNENBLUME,
	submitLogin,
	waitUntilSynced
} from './syncSetup.js';

export const name =
	'Sync: push of 1,000 to 10,000 queued changes, and PouchDB replicating the same (Chromium → server, SQLite and PostgreSQL)';

const runs = 3;
/** Sizes measured for the app; PouchDB is measured for those up to `pouchUpTo`. */
const sizes = [1000, 5000, 10_000];
const pouchUpTo = 5000;

/**
 * The records of one run: every criterion's status, the rest new evidence notes.
 * @param {string[]} criteria
 * @param {number} changes
 * @param {string} tag makes the evidence ids of each run new
 * @param {number} run varies the statuses so that each run changes them
 */
function recordsOfRun(criteria, changes, tag, run) {
	const statusValues = ['erfuellt', 'in_arbeit', 'nicht_zutreffend'];
	const statuses = criteria.map((id, i) =>
		criterionStatus(SONNENBLUME, id, statusValues[(i + run) % 3], `Stand nach Teamsitzung ${run + 1}`)
	);
	const evidence = Array.from({ length: changes - statuses.length }, (_, i) =>
		evidenceNote(SONNENBLUME, `bench-push-${tag}-${i}`, i, criteria)
	);
	return { statuses, evidence };
}

/**
 * A backup of the app's format holding the records.
 * @param {{ statuses: object[], evidence: object[] }} records
 */
function backupOf({ statuses, evidence }) {
	const manifest = {
		format: 'guetesiegel-mappe-backup/1',
		appVersion: 'benchmark',
		exportedAt: new Date().toISOString(),
		dbVersion: 1,
		activeFacilityId: null,
		tables: ['criterionStatuses', 'evidence'],
		counts: { criterionStatuses: statuses.length, evidence: evidence.length }
	};
	return Buffer.from(
		zipSync({
			'manifest.json': strToU8(JSON.stringify(manifest)),
			'tables/criterionStatuses.json': strToU8(JSON.stringify(statuses)),
			'tables/evidence.json': strToU8(JSON.stringify(evidence))
		})
	);
}

/**
 * The same records as PouchDB documents: each one the change object the app's push sends for it.
 * @param {{ statuses: Record<string, unknown>[], evidence: Record<string, unknown>[] }} records
 */
function documentsOf({ statuses, evidence }) {
	const at = new Date().toISOString();
	/** @param {string} table @param {Record<string, unknown>} record @param {number} seq */
	const change = (table, record, seq) => ({
		_id: `${table}:${record.id}`,
		seq,
		table,
		recordId: record.id,
		op: 'put',
		values: record,
		baseRevision: 0,
		changedAt: at
	});
	return [
		...statuses.map((r, i) => change('criterionStatuses', r, i + 1)),
		...evidence.map((r, i) => change('evidence', r, statuses.length + i + 1))
	];
}

/**
 * Reads a backup in through /einstellungen while holding the sync lock, then presses „Jetzt
 * synchronisieren“ and returns the push phase, or null when a timer's sync came first.
 * @param {import('playwright-core').Page} page
 * @param {Buffer} backup
 * @param {number} changes
 */
async function pushOnce(page, backup, changes) {
	// Hold the lock that lets one tab sync at a time: automatic syncs skip while it is held.
	await page.evaluate(
		() =>
			new Promise((granted) => {
				void navigator.locks.request('guetesiegel-sync', () => {
					granted(undefined);
					return new Promise((release) => {
						/** @type {any} */ (window).releaseBenchLock = release;
					});
				});
			})
	);
	await page.getByLabel('Sicherungsdatei (ZIP) auswählen').setInputFiles({
		name: 'sicherung.zip',
		mimeType: 'application/zip',
		buffer: backup
	});
	await page.getByRole('button', { name: 'Ja, Sicherung einlesen' }).click();
	await page.getByText('Die Sicherung wurde eingelesen.').waitFor({ timeout: 300_000 });
	await page.waitForFunction(
		(n) =>
			new RegExp(`^${n.toLocaleString('de-DE')} Änderungen warten|^${n} Änderungen warten`).test(
				document.querySelector('.sync .line')?.textContent?.trim() ?? ''
			),
		changes,
		{ timeout: 120_000 }
	);
	const pressedAt = await page.evaluate(async () => {
		/** @type {any} */ (window).releaseBenchLock();
		for (;;) {
			const { held = [] } = await navigator.locks.query();
			if (!held.some((lock) => lock.name === 'guetesiegel-sync')) break;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		const button = /** @type {HTMLButtonElement} */ (
			[...document.querySelectorAll('.sync button')].find((b) =>
				b.textContent?.includes('Jetzt synchronisieren')
			)
		);
		// Already syncing on its own (a timer came first): this run does not count.
		if (button.disabled) return null;
		performance.clearResourceTimings();
		performance.setResourceTimingBufferSize(1000);
		const at = performance.now();
		button.click();
		return at;
	});
	await waitUntilSynced(page, 600_000);
	if (pressedAt === null) return null;
	return page.evaluate((start) => {
		const sync = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter(
			(e) => e.name.includes('/api/sync/') && e.startTime >= start
		);
		const pushes = sync.filter((e) => e.name.includes('/api/sync/push'));
		const [pull] = sync
			.filter((e) => e.name.includes('/api/sync/pull'))
			.sort((a, b) => a.startTime - b.startTime);
		return {
			pushPhase: pull ? pull.startTime - start : NaN,
			firstPush: pushes[0] ? pushes[0].startTime - start : NaN,
			pushes: pushes.length,
			server: pushes.reduce((sum, e) => sum + e.responseEnd - e.requestStart, 0)
		};
	}, pressedAt);
}

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const criteria = await catalogueCriterionIds(context.root);
	const browser = await context.browser();
	const peer = await startPouchPeer(context.root);
	try {
		await forEachDatabase(async (database, server) => {
			const { context: tablet, page } = await openTablet(browser, server.url);
			const pouchContext = await browser.newContext();
			const pouchPage = await pouchContext.newPage();
			try {
				await pouchPage.goto(peer.url);
				await pouchPage.addScriptTag({ url: '/pouch.js' });
				await submitLogin(page, DEMO.leitung);
				await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 60_000 });
				await page.goto('/einstellungen');
				await waitUntilSynced(page);

				/** @type {Map<number, number>} */
				const appMedians = new Map();
				/** @type {Map<number, number>} */
				const pouchMedians = new Map();
				let imported = 0;
				for (const size of sizes) {
					/** @type {{ pushPhase: number, firstPush: number, pushes: number, server: number }[]} */
					const app = [];
					/** @type {number[]} */
					const pouch = [];
					for (let run = 0; app.length < runs; run++) {
						if (run >= 2 * runs)
							throw new Error('automatic syncs kept starting before the button was pressed');
						const records = recordsOfRun(criteria, size, `${size}-${run}`, run);
						const phase = await pushOnce(page, backupOf(records), size);
						imported += records.evidence.length;
						if (phase === null) continue;
						app.push(phase);
						if (size > pouchUpTo) continue;
						const docs = documentsOf(records);
						const { ms, written } = await timeReplication(pouchPage, docs, `${database}-${size}-${run}`);
						if (written !== docs.length)
							throw new Error(`PouchDB wrote ${written} of ${docs.length} documents`);
						pouch.push(ms);
					}
					const times = app.map((p) => p.pushPhase);
					appMedians.set(size, median(times));
					context.report({
						label: `${database}: app, ${count(size)} changes pushed (median)`,
						value: median(times),
						unit: 'ms',
						target: size === 1000 ? '≤ 2000 ms' : undefined,
						detail: `${runs} runs, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; first of ${app[0].pushes} requests after ${median(app.map((p) => p.firstPush)).toFixed(0)} ms, ${median(app.map((p) => p.server)).toFixed(0)} ms waiting for the server`
					});
					if (pouch.length === 0) continue;
					pouchMedians.set(size, median(pouch));
					context.report({
						label: `${database}: PouchDB, ${count(size)} documents replicated (median)`,
						value: median(pouch),
						unit: 'ms',
						detail: `${runs} runs, ${Math.min(...pouch).toFixed(0)}–${Math.max(...pouch).toFixed(0)} ms`
					});
					context.report({
						label: `${database}: app / PouchDB, ${count(size)}`,
						value: median(times) / median(pouch),
						unit: '×',
						target: size === 1000 ? '≤ 0.8' : undefined
					});
				}
				const base = /** @type {number} */ (appMedians.get(1000));
				for (const size of sizes.filter((s) => s > 1000)) {
					context.report({
						label: `${database}: app, ${count(size)} / 1,000 changes`,
						value: /** @type {number} */ (appMedians.get(size)) / base,
						unit: '×',
						target: size === 5000 ? '≤ 5.5' : `linear: ${size / 1000}`
					});
				}

				// Every change reached the server once, none was refused, nothing is left on the tablet.
				const outbox = await outboxOnTablet(page);
				const pushed = (await pullAll(await apiLogin(server.url, DEMO.leitung))).filter((r) =>
					r.recordId.startsWith('bench-push-')
				).length;
				if (outbox.pending + outbox.rejected > 0 || pushed < imported) {
					console.log(
						`  ${database}: warning: ${pushed} of ${imported} pushed evidence notes on the server, ${outbox.pending} changes waiting and ${outbox.rejected} refused on the tablet`
					);
				}
			} finally {
				await pouchContext.close();
				await tablet.close();
			}
		});
	} finally {
		await peer.stop();
	}
}
