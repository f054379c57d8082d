// What the sync benchmarks share: a production server with the demo deployment on SQLite or on
// PostgreSQL, a small client of the JSON API (login, push, pull) and records shaped like the app's.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ensureBuild } from '../../scripts/lib/build.js';
import { startServer } from '../../scripts/lib/server.js';

/** The local PostgreSQL of the test setup (trust auth); each benchmark server uses a schema of its own. */
export const POSTGRES_URL =
	process.env.BENCH_DATABASE_URL ??
	process.env.TEST_DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/test';

/** @typedef {'SQLite' | 'PostgreSQL'} DatabaseName */

/**
 * Both databases, or those named in BENCH_DATABASES (e.g. `BENCH_DATABASES=PostgreSQL`).
 * @type {DatabaseName[]}
 */
export const DATABASES = /** @type {DatabaseName[]} */ (
	['SQLite', 'PostgreSQL'].filter(
		(name) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.split(',').includes(name)
	)
);

export const DEMO = {
	admin: { email: 'admin@demo.example', password: 'Demo-Admin-2026' },
	leitung: { email: 'leitung@demo.example', password: 'Demo-Leitung-2026' }
};
export const SONNENBLUME = 'demo-sonnenblume';

/** Ids of the working catalogue's criteria, read once. */
let criterionIds = /** @type {string[] | null} */ (null);
/** @param {string} root */
export async function catalogueCriterionIds(root) {
	if (!criterionIds) {
		const { readFile } = await import('node:fs/promises');
		const catalogue = JSON.parse(
			await readFile(`${root}/src/lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json`, 'utf8')
		);
		criterionIds = catalogue.criteria.map((/** @type {{ id: string }} */ c) => c.id);
	}
	return /** @type {string[]} */ (criterionIds);
}

/**
 * Starts the built app with the demo deployment on a fresh database: SQLite in a temporary DATA_DIR,
 * or a new schema of the local PostgreSQL, which `stop()` drops again.
 * @param {DatabaseName} database
 * @returns {Promise<import('../../scripts/lib/server.js').RunningServer>}
 */
export async function startSyncBenchServer(database) {
	await ensureBuild({ log: (line) => console.log(`  ${line}`) });
	// Room for a batch of 500 changes and for photos, as `npm start` sets it.
	const env = { DEMO_SEED: '1', BODY_SIZE_LIMIT: '26M' };
	if (database === 'SQLite') return startServer({ env });
	const schema = `bench_sync_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
	const server = await startServer({ env: { ...env, DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema } });
	return {
		...server,
		stop: async () => {
			await server.stop();
			const client = new pg.Client({ connectionString: POSTGRES_URL });
			await client.connect();
			try {
				await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
			} finally {
				await client.end();
			}
		}
	};
}

/**
 * Runs `measure` once per database on a server of its own; a database that cannot be reached is
 * reported and skipped, the other still measured.
 * @param {(database: DatabaseName, server: import('../../scripts/lib/server.js').RunningServer) => Promise<void>} measure
 */
export async function forEachDatabase(measure) {
	/** @type {unknown} */
	let failure = null;
	for (const database of DATABASES) {
		/** @type {import('../../scripts/lib/server.js').RunningServer | undefined} */
		let server;
		try {
			server = await startSyncBenchServer(database);
			await measure(database, server);
		} catch (error) {
			failure = error;
			console.log(`  ${database}: could not be measured: ${error instanceof Error ? error.message : error}`);
		} finally {
			await server?.stop();
		}
	}
	if (failure) throw failure;
}

/**
 * @typedef {object} ApiSession
 * @property {string} cookie the `Cookie` header of this session
 * @property {{ id: string, role: string, facilities: { id: string }[] }} user
 * @property {(path: string, init?: RequestInit) => Promise<Response>} fetch
 * @property {(path: string, body: unknown) => Promise<any>} post JSON in, JSON out; throws on an error status
 */

/**
 * Logs in through `POST /api/auth/login`, as the login page does (same origin).
 * @param {string} url
 * @param {{ email: string, password: string }} who
 * @returns {Promise<ApiSession>}
 */
export async function apiLogin(url, who) {
	const response = await fetch(`${url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: url },
		body: JSON.stringify(who)
	});
	if (!response.ok)
		throw new Error(`login of ${who.email} failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const { user } = await response.json();
	/** @type {ApiSession['fetch']} */
	const call = (path, init = {}) =>
		fetch(`${url}${path}`, { ...init, headers: { origin: url, cookie, ...init.headers } });
	return {
		cookie,
		user,
		fetch: call,
		post: async (path, body) => {
			const answer = await call(path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
			return answer.json();
		}
	};
}

/**
 * Pushes whole records as a new device would (all fields, base revision 0), in batches of 500.
 * @param {ApiSession} session
 * @param {{ table: string, record: Record<string, unknown> }[]} records
 * @returns {Promise<number>} how many the server accepted
 */
export async function pushRecords(session, records, deviceId = randomUUID()) {
	let accepted = 0;
	const at = new Date().toISOString();
	for (let start = 0; start < records.length; start += 500) {
		const changes = records.slice(start, start + 500).map(({ table, record }, i) => ({
			seq: start + i + 1,
			table,
			recordId: String(record.id),
			op: 'put',
			values: record,
			baseRevision: 0,
			changedAt: at
		}));
		const { results } = await session.post('/api/sync/push', { deviceId, changes });
		accepted += results.filter((/** @type {{ status: string }} */ r) => r.status === 'accepted').length;
	}
	return accepted;
}

/**
 * Every record the session's user may see, pulled from revision 0 in batches as a new tablet does.
 * @param {ApiSession} session
 * @returns {Promise<{ table: string, recordId: string, revision: number, record: Record<string, unknown> }[]>}
 */
export async function pullAll(session) {
	const records = [];
	let cursor = 0;
	for (;;) {
		const response = await session.fetch(`/api/sync/pull?cursor=${cursor}&limit=1000`);
		if (!response.ok) throw new Error(`pull: ${response.status} ${await response.text()}`);
		const batch = await response.json();
		records.push(...batch.records);
		cursor = batch.cursor;
		if (!batch.hasMore) return records;
	}
}

/**
 * Entries of the signed-in user's outbox on the tablet (pending and rejected), read from IndexedDB.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ pending: number, rejected: number }>}
 */
export function outboxOnTablet(page) {
	return page.evaluate(async () => {
		const user = JSON.parse(localStorage.getItem('guetesiegel-mappe.session') ?? 'null')?.user;
		if (!user) throw new Error('nobody is signed in on this tablet');
		/** @type {IDBDatabase} */
		const db = await new Promise((resolve, reject) => {
			const request = indexedDB.open(`guetesiegel-mappe-${user.id}`);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		/** @type {{ status?: string }[]} */
		const entries = await new Promise((resolve, reject) => {
			const request = db.transaction('outbox').objectStore('outbox').getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		const rejected = entries.filter((e) => e.status === 'rejected').length;
		return { pending: entries.length - rejected, rejected };
	});
}

/**
 * An evidence note as the evidence form makes it.
 * @param {string} facilityId
 * @param {string} id
 * @param {number} n
 * @param {string[]} criteria
 */
export function evidenceNote(facilityId, id, n, criteria) {
	const at = new Date().toISOString();
	const day = new Date(Date.UTC(2026, 0, 1 + (n % 300))).toISOString().slice(0, 10);
	return {
		id,
		facilityId,
		createdAt: at,
		updatedAt: at,
		updatedBy: 'Benchmark',
		deleted: false,
		kind: 'note',
		title: `Elterncafé ${n + 1}: Austausch mit der Erziehungsberatung`,
		note: 'Offenes Angebot im Familienzentrum, 12 Teilnehmende, Kooperation mit der Beratungsstelle.',
		url: '',
		date: day,
		validUntil: null,
		criterionIds: [criteria[n % criteria.length]],
		attachment: null
	};
}

/**
 * A criterion's status record (id `<facility>:<criterion>`, as the app makes it).
 * @param {string} facilityId
 * @param {string} criterionId
 * @param {string} status
 */
export function criterionStatus(facilityId, criterionId, status, note = '') {
	const at = new Date().toISOString();
	return {
		id: `${facilityId}:${criterionId}`,
		facilityId,
		createdAt: at,
		updatedAt: at,
		updatedBy: 'Benchmark',
		deleted: false,
		criterionId,
		status,
		note
	};
}

/**
 * A fresh browser context on `url`, the app opened and installed (service worker in control).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function openTablet(browser, url, path = '/anmelden') {
	const context = await browser.newContext({
		viewport: { width: 1180, height: 820 },
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		baseURL: url
	});
	const page = await context.newPage();
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
	return { context, page };
}

/**
 * Fills in the login form of /anmelden and presses „Anmelden“ (the page must show the form).
 * @param {import('playwright-core').Page} page
 * @param {{ email: string, password: string }} who
 */
export async function submitLogin(page, who) {
	await page.getByLabel('E-Mail-Adresse').fill(who.email);
	await page.getByLabel('Passwort', { exact: true }).fill(who.password);
	await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/**
 * Waits until the status line says the last sync finished and nothing waits.
 * @param {import('playwright-core').Page} page
 */
export async function waitUntilSynced(page, timeout = 120_000) {
	await page.waitForFunction(
		() => /^Zuletzt synchronisiert/.test(document.querySelector('.sync .line')?.textContent?.trim() ?? ''),
		undefined,
		{ timeout, polling: 50 }
	);
}
