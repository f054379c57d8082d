// Time to first render of the advisor's review page of a dossier version with 2,000 evidence items
// (issue 15), in Chromium: navigation start → the criteria list on screen, median of several loads.
// The list comes from the version's outline; the evidence items follow in the whole version, and
// the time until the open criterion shows them is reported beside it.
// The version is handed in through the API: the Leitung hands in the demo centre once in the app,
// then the same snapshot again with every criterion set and 2,000 evidence items spread over them.
import { randomUUID } from 'node:crypto';
import { ensureBuild } from '../../scripts/lib/build.js';
import { median } from '../../scripts/lib/benchContext.js';
import { startServer } from '../../scripts/lib/server.js';

export const name = 'Review page of a dossier version, 2,000 evidence items (Chromium)';

const runs = 9;
const evidenceCount = 2000;
const facilityId = 'demo-sonnenblume';
const LEITUNG = { email: 'leitung@demo.example', password: 'Demo-Leitung-2026', name: 'Lea Leitung' };
const BERATUNG = { email: 'beratung@demo.example', password: 'Demo-Beratung-2026', name: 'Berit Beratung' };

/**
 * @param {import('playwright-core').Page} page
 * @param {{ email: string, password: string, name: string }} who
 */
async function logIn(page, who) {
	await page.goto('/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(who.email);
	await page.getByLabel('Passwort', { exact: true }).fill(who.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 30_000 });
	await page.getByRole('button', { name: new RegExp(who.name) }).waitFor({ timeout: 30_000 });
}

/**
 * Hands in version 1 in the app, then a large version 2 through the API; answers its id.
 * @param {import('playwright-core').Page} page signed in as the Leitung
 */
export async function handInLargeVersion(page) {
	await page.goto('/mappe');
	await page.getByRole('button', { name: 'Mappe abgeben' }).click();
	await page.getByRole('button', { name: 'Ja, abgeben' }).click();
	await page.getByText(/Version 1 für/).waitFor({ timeout: 60_000 });
	const list = await (await page.request.get(`/api/dossiers?facility=${facilityId}`)).json();
	const first = await (await page.request.get(`/api/dossiers/${list.dossiers[0].id}`)).json();
	const snapshot = first.dossier.snapshot;
	/** @type {string[]} */
	const ids = first.catalogue.criteria.map((/** @type {{ id: string }} */ c) => c.id);
	const now = new Date().toISOString();
	const statuses = ['erfuellt', 'in_arbeit', 'offen'];
	snapshot.statuses = ids.map((criterionId, i) => ({
		criterionId,
		status: statuses[i % statuses.length],
		note: `Notiz zu ${criterionId}: Umsetzung im Team besprochen, Nachweise liegen bei.`,
		updatedAt: now,
		updatedBy: 'Lea Leitung'
	}));
	snapshot.evidence = Array.from({ length: evidenceCount }, (_, i) => ({
		id: `bench-ev-${i}`,
		kind: i % 4 === 0 ? 'link' : 'note',
		title: `Nachweis ${i + 1}: Protokoll, Aushang oder Vereinbarung`,
		note: 'Im Ordner der Einrichtung abgelegt.',
		url: i % 4 === 0 ? `https://example.org/nachweis/${i}` : '',
		date: '2026-10-01',
		validUntil: null,
		criterionIds: [ids[i % ids.length]],
		attachment: null
	}));
	const handIn = await page.request.post('/api/dossiers', {
		data: { submissionId: randomUUID(), facilityId, snapshot }
	});
	if (handIn.status() !== 201) throw new Error(`hand-in refused: ${handIn.status()} ${await handIn.text()}`);
	return { id: (await handIn.json()).dossier.id, criteria: ids.length };
}

/**
 * Waits until the review list shows its criteria; `performance.now()` at that frame.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
async function waitForCriteriaList(page) {
	const handle = await page.waitForFunction(
		() => {
			const list = document.querySelector('nav[aria-label="Kriterien der Mappe"]');
			return (list?.querySelectorAll('button[data-criterion]').length ?? 0) > 0 ? performance.now() : false;
		},
		undefined,
		{ polling: 'raf', timeout: 60_000 }
	);
	return /** @type {number} */ (await handle.jsonValue());
}

/**
 * Waits until the open criterion shows its evidence items (no longer „werden geladen“).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
async function waitForEvidence(page) {
	const handle = await page.waitForFunction(
		() => {
			const detail = document.querySelector('article[aria-labelledby="detail-title"]');
			const pending = detail?.querySelector('[data-evidence-pending]');
			return detail && !pending && detail.querySelector('ul.evidence li') ? performance.now() : false;
		},
		undefined,
		{ polling: 'raf', timeout: 60_000 }
	);
	return /** @type {number} */ (await handle.jsonValue());
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	await ensureBuild({ log: (line) => console.log(`  ${line}`) });
	const server = await startServer({ env: { DEMO_SEED: '1', BODY_SIZE_LIMIT: '26M' } });
	const browser = await context.browser();
	const options = { viewport: { width: 1280, height: 860 }, locale: 'de-DE', baseURL: server.url };
	const leitung = await browser.newContext(options);
	const beratung = await browser.newContext(options);
	try {
		const leitungPage = await leitung.newPage();
		await logIn(leitungPage, LEITUNG);
		const dossier = await handInLargeVersion(leitungPage);
		console.log(`  handed in: ${dossier.criteria} criteria, ${evidenceCount} evidence items`);

		const page = await beratung.newPage();
		await logIn(page, BERATUNG);
		const url = `/beratung/${facilityId}/mappe/${encodeURIComponent(dossier.id)}`;
		/** @type {number[]} */
		const times = [];
		/** @type {number[]} */
		const evidenceTimes = [];
		for (let i = 0; i <= runs; i++) {
			await page.goto(url);
			const shownAt = await waitForCriteriaList(page);
			const evidenceAt = await waitForEvidence(page);
			if (i === 0) continue; // the first load warms the caches
			times.push(shownAt);
			evidenceTimes.push(evidenceAt);
		}
		// BENCH_DETAIL=1: when each script and API answer of the last load arrived, to see where time goes.
		if (process.env.BENCH_DETAIL) {
			const entries = await page.evaluate(() => {
				const nav = /** @type {PerformanceNavigationTiming} */ (
					performance.getEntriesByType('navigation')[0]
				);
				const resources = performance
					.getEntriesByType('resource')
					.map((e) => /** @type {PerformanceResourceTiming} */ (e))
					.map(
						(e) =>
							`${e.name.replace(location.origin, '')} ${e.startTime.toFixed(0)}–${e.responseEnd.toFixed(0)}`
					);
				return [
					`document ${nav.responseEnd.toFixed(0)}, interactive ${nav.domInteractive.toFixed(0)}`,
					...resources
				];
			});
			console.log(entries.map((line) => `    ${line}`).join('\n'));
			console.log(`    list visible at ${times.at(-1)?.toFixed(0)} ms`);
		}
		context.report({
			label: 'navigation → review criteria list visible (median)',
			value: median(times),
			unit: 'ms',
			target: '≤ 300 ms',
			detail: `${runs} loads, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`
		});
		context.report({
			label: 'navigation → evidence items of the open criterion (median)',
			value: median(evidenceTimes),
			unit: 'ms',
			detail: `${Math.min(...evidenceTimes).toFixed(0)}–${Math.max(...evidenceTimes).toFixed(0)} ms`
		});
	} finally {
		await Promise.allSettled([leitung.close(), beratung.close()]);
		await server.stop();
	}
}
