// Push of 1,000 queued changes from a tablet (Chromium) to the server, on SQLite and on PostgreSQL.
// The changes are queued by the app itself: a backup with 1,000 records is read in on
// /einstellungen, which writes every record with its outbox entry (as any local edit does). Then
// „Jetzt synchronisieren“; measured is the push phase of that sync, from the press to the moment
// the pull starts (listing the outbox, two batches of 500, the server's merge, recording the answers).
import { strToU8, zipSync } from 'fflate';
import { median } from '../../scripts/lib/benchContext.js';
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

export const name = 'Sync: push of 1,000 queued changes (Chromium → server, SQLite and PostgreSQL)';

const runs = 3;
const changes = 1000;

/**
 * A backup of the app's format holding `changes` records: every criterion's status, the rest new
 * evidence notes.
 * @param {string[]} criteria
 * @param {number} run
 */
function backupWithChanges(criteria, run) {
	const statusValues = ['erfuellt', 'in_arbeit', 'nicht_zutreffend'];
	const statuses = criteria.map((id, i) =>
		criterionStatus(SONNENBLUME, id, statusValues[(i + run) % 3], `Stand nach Teamsitzung ${run + 1}`)
	);
	const evidence = Array.from({ length: changes - statuses.length }, (_, i) =>
		evidenceNote(SONNENBLUME, `bench-push-${run}-${i}`, i, criteria)
	);
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

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const criteria = await catalogueCriterionIds(context.root);
	const browser = await context.browser();
	await forEachDatabase(async (database, server) => {
		const { context: tablet, page } = await openTablet(browser, server.url);
		try {
			await submitLogin(page, DEMO.leitung);
			await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 60_000 });
			await page.goto('/einstellungen');
			await waitUntilSynced(page);

			/** @type {number[]} */
			const times = [];
			/** @type {number[]} */
			const serverTimes = [];
			/** @type {number[]} */
			const listingTimes = [];
			let requests = 0;
			for (let run = 0; times.length < runs; run++) {
				if (run >= 2 * runs) throw new Error('automatic syncs kept starting before the button was pressed');
				await page.getByLabel('Sicherungsdatei (ZIP) auswählen').setInputFiles({
					name: 'sicherung.zip',
					mimeType: 'application/zip',
					buffer: backupWithChanges(criteria, run)
				});
				await page.getByRole('button', { name: 'Ja, Sicherung einlesen' }).click();
				await page.getByText('Die Sicherung wurde eingelesen.').waitFor({ timeout: 60_000 });
				await page.waitForFunction(
					(n) =>
						new RegExp(`^${n} Änderungen warten`).test(
							document.querySelector('.sync .line')?.textContent?.trim() ?? ''
						),
					changes,
					{ timeout: 30_000 }
				);

				const pressedAt = await page.evaluate(async () => {
					const button = /** @type {HTMLButtonElement} */ (
						[...document.querySelectorAll('.sync button')].find((b) =>
							b.textContent?.includes('Jetzt synchronisieren')
						)
					);
					// Already syncing on its own (a timer came first): this run does not count.
					if (button.disabled) return null;
					performance.clearResourceTimings();
					const at = performance.now();
					button.click();
					return at;
				});
				await waitUntilSynced(page);
				if (pressedAt === null) continue;
				const phase = await page.evaluate((start) => {
					const sync = /** @type {PerformanceResourceTiming[]} */ (
						performance.getEntriesByType('resource')
					).filter((e) => e.name.includes('/api/sync/') && e.startTime >= start);
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
				times.push(phase.pushPhase);
				serverTimes.push(phase.server);
				listingTimes.push(phase.firstPush);
				requests = phase.pushes;
			}

			// Every change reached the server once, none was refused, nothing is left on the tablet.
			const outbox = await outboxOnTablet(page);
			const pushed = (await pullAll(await apiLogin(server.url, DEMO.leitung))).filter((r) =>
				r.recordId.startsWith('bench-push-')
			).length;
			const imported = runs * (changes - criteria.length);
			if (outbox.pending + outbox.rejected > 0 || pushed < imported) {
				console.log(
					`  ${database}: warning: ${pushed} pushed evidence notes on the server, ${outbox.pending} changes waiting and ${outbox.rejected} refused on the tablet`
				);
			}

			context.report({
				label: `${database}: 1,000 changes pushed (press → pull starts, median)`,
				value: median(times),
				unit: 'ms',
				target: '≤ 2000 ms',
				detail: `${runs} runs, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms; first of ${requests} requests after ${median(listingTimes).toFixed(0)} ms (listing the outbox), ${median(serverTimes).toFixed(0)} ms waiting for the server`
			});
		} finally {
			await tablet.close();
		}
	});
}
