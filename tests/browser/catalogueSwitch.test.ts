import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import { switchFrom, switchTo } from '../fixtures/catalogueSwitch';
import { axeViolations, injectAxe, SERIOUS_AND_WORSE } from './support/axe';
import { launchBrowser, newContext, openAppOnline } from './support/browser';
import {
	DEMO,
	logIn,
	startSyncServer,
	statusShown,
	syncNow,
	tabletOn,
	type RunningServer
} from './sync/support';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	context = await newContext(browser);
});
afterEach(async () => {
	await context?.close();
});

/** The status records the app stored, read with the plain IndexedDB API (not through the app). */
async function storedStatuses(
	page: Page
): Promise<{ criterionId: string; status: string; deleted: boolean }[]> {
	return page.evaluate(async () => {
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const rows: { criterionId: string; status: string; deleted: boolean }[] = [];
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const db = await request(indexedDB.open(info.name));
			if (db.objectStoreNames.contains('criterionStatuses')) {
				const store = db.transaction('criterionStatuses').objectStore('criterionStatuses');
				rows.push(...((await request(store.getAll())) as typeof rows));
			}
			db.close();
		}
		return rows;
	});
}

async function openPage(page: Page, path: string, heading: RegExp): Promise<void> {
	await page.goto(path);
	await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
}

/**
 * Puts catalogues and the server's version in force into the workspace as the app keeps them after
 * learning them at a sync (`learnActiveCatalogue`): through plain IndexedDB, because the test is
 * offline and must not depend on the import's file format.
 */
async function storeAsLearned(page: Page, catalogues: Catalogue[], serverActive?: Catalogue): Promise<void> {
	await page.evaluate(
		async ({ catalogues, serverActive }) => {
			const request = <T>(r: IDBRequest<T>) =>
				new Promise<T>((resolve, reject) => {
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
			const db = await request(indexedDB.open('guetesiegel-mappe'));
			const tx = db.transaction(['catalogues', 'meta'], 'readwrite');
			for (const catalogue of catalogues) {
				const key = `${catalogue.id}@${catalogue.version}`;
				tx.objectStore('catalogues').put({ key, catalogue, importedAt: new Date().toISOString() });
			}
			if (serverActive) {
				const value = { catalogueId: serverActive.id, version: serverActive.version };
				tx.objectStore('meta').put({ key: 'catalogue.serverActive', value });
			}
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ catalogues, serverActive }
	);
}

async function takeOver(page: Page, version: string, expectLine?: string): Promise<void> {
	const name = new RegExp(`^${switchFrom.title}, Version ${version.replace('.', '\\.')}\\s`);
	await page.getByRole('radio', { name }).check();
	await page.getByRole('heading', { name: `Vorschau: Wechsel zu Version ${version}` }).waitFor();
	if (expectLine) {
		await page.getByText(expectLine, { exact: true }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);
	}
	await page.getByRole('button', { name: 'Version übernehmen', exact: true }).click();
	await page.getByRole('button', { name: 'Ja, Version übernehmen' }).click();
	await page
		.getByRole('status')
		.filter({ hasText: `Die Version ${version}` })
		.waitFor();
}

/** Serious and critical WCAG A/AA violations axe finds (as in accessibility.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
	await injectAxe(page);
	return axeViolations(page, SERIOUS_AND_WORSE);
}

async function setStatus(page: Page, criterionId: string, title: string, label: string): Promise<void> {
	await openPage(page, `/kriterien/${criterionId}`, new RegExp(title));
	await page.getByRole('radio', { name: label }).check();
	// Wait for the save: the next step loads a page, which would end a write still under way.
	await page.getByText(`Status „${label}“ gespeichert`).waitFor();
}

describe('switching the catalogue version offline', () => {
	it('keeps the statuses, a renumbered one included, and the evidence of a dropped criterion', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);
		await page.reload();
		await page.getByRole('heading', { level: 1, name: /^Übersicht/ }).waitFor({ timeout: 15_000 });

		// The centre works with version 2026.1 of a catalogue, the device has learned 2027.1 too.
		await storeAsLearned(page, [switchFrom, switchTo]);
		await openPage(page, '/einstellungen/katalog', /^Katalog$/);
		await takeOver(page, '2026.1');
		await setStatus(page, '1.1', 'Sprechstunde der Erziehungsberatung', 'Erfüllt');
		await setStatus(page, '1.2', 'Kooperationsvereinbarung mit der Beratungsstelle', 'In Arbeit');
		await expect
			.poll(async () => (await storedStatuses(page)).map((s) => `${s.criterionId}=${s.status}`).sort())
			.toEqual(['1.1=erfuellt', '1.2=in_arbeit']);
		// Evidence for 2.2, a criterion the next version drops.
		await openPage(page, '/kriterien/2.2', /Elternbefragung/);
		await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
		await page.getByRole('textbox', { name: 'Titel' }).fill('Fragebogen der Elternbefragung');
		await page.getByRole('textbox', { name: 'Text der Notiz' }).fill('20 Fragen, 45 Rückläufe');
		await page.getByRole('button', { name: 'Nachweis speichern' }).click();
		await page.getByText('Fragebogen der Elternbefragung').first().waitFor();

		// The server has put 2027.1 in force (learned at the last sync); it renumbers 1.2 as 1.5 and
		// says so in its mapping. The Übersicht points to it.
		await storeAsLearned(page, [], switchTo);
		await openPage(page, '/', /^Übersicht/);
		await page.getByRole('link', { name: 'Neue Katalogversion verfügbar – Änderungen ansehen' }).click();
		await page.getByRole('heading', { level: 1, name: /^Katalog$/ }).waitFor();
		await takeOver(page, '2027.1', '1 Status wird auf die neue Nummer übertragen');

		await page.reload();
		await openPage(page, '/', /^Übersicht/);
		await page.getByRole('heading', { level: 2, name: 'Bereiche' }).waitFor();
		expect(await page.getByText('Neue Katalogversion verfügbar').count()).toBe(0);
		await openPage(page, '/einstellungen/katalog', /^Katalog$/);
		await page.getByText('Verwendet: Testkatalog Familienzentrum, Version 2027.1.').waitFor();
		await openPage(page, '/kriterien/1.5', /Kooperationsvertrag mit der Erziehungsberatung/);
		expect(await page.getByRole('radio', { name: 'In Arbeit' }).isChecked()).toBe(true);
		await openPage(page, '/kriterien/1.1', /Sprechstunde der Erziehungsberatung/);
		expect(await page.getByRole('radio', { name: 'Erfüllt' }).isChecked()).toBe(true);
		const live = (await storedStatuses(page)).filter((s) => !s.deleted);
		expect(live.map((s) => `${s.criterionId}=${s.status}`).sort()).toEqual(['1.1=erfuellt', '1.5=in_arbeit']);

		// The evidence of the dropped 2.2 waits on the catalogue page and is assigned to 2.3.
		await openPage(page, '/einstellungen/katalog', /^Katalog$/);
		await page.getByRole('button', { name: '„Fragebogen der Elternbefragung“ neu zuordnen' }).click();
		await page.getByLabel('Weitere Kriterien suchen').fill('Beteiligung');
		await page.getByRole('checkbox', { name: /2\.3 Beteiligung der Eltern/ }).check();
		await page.getByRole('button', { name: 'Zuordnung speichern' }).click();
		await page.getByRole('heading', { name: 'Nachweise ohne Kriterium' }).waitFor({ state: 'detached' });
		await openPage(page, '/kriterien/2.3', /Beteiligung der Eltern/);
		await page.getByText('Fragebogen der Elternbefragung').first().waitFor();
	});
});

describe('a version the admin puts in force', () => {
	let server: RunningServer;
	const tablets: BrowserContext[] = [];

	beforeAll(async () => {
		server = await startSyncServer();
	});
	afterAll(async () => {
		await Promise.allSettled(tablets.map((c) => c.close()));
		await server?.stop();
	});

	async function tablet(): Promise<BrowserContext> {
		const created = await tabletOn(browser, server);
		tablets.push(created);
		return created;
	}

	async function putInForce(catalogue: Catalogue): Promise<void> {
		const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
		try {
			const login = await api.post('/api/auth/login', {
				data: { email: 'admin@demo.example', password: 'Demo-Admin-2026' }
			});
			expect(login.status()).toBe(200);
			const upload = await api.post('/api/admin/catalogues', { data: { catalogue, activate: true } });
			expect(upload.status()).toBe(201);
		} finally {
			await api.dispose();
		}
	}

	it('reaches the centre’s tablets; the Leitung takes it over, the team follows', async () => {
		await putInForce(switchTo);
		const leitung = await logIn(await tablet(), DEMO.leitung);
		const team = await logIn(await tablet(), DEMO.team);

		// Both tablets learned the version at their first sync; the Übersicht says so.
		const notice = (page: Page) =>
			page.getByRole('link', { name: 'Neue Katalogversion verfügbar – Änderungen ansehen' });
		await openPage(team, '/', /^Übersicht/);
		await notice(team).click();
		await team.getByRole('radio', { name: /^Testkatalog Familienzentrum, Version 2027\.1\s/ }).check();
		await team.getByText('Nur die Leitung kann die Katalogversion wechseln.').waitFor();
		expect(await team.getByRole('button', { name: 'Version übernehmen' }).count()).toBe(0);

		await openPage(leitung, '/', /^Übersicht/);
		await notice(leitung).click();
		await leitung.getByRole('heading', { level: 1, name: /^Katalog$/ }).waitFor();
		await takeOver(leitung, '2027.1');
		await syncNow(leitung);

		// The team's tablet gets the profile and the statuses: 1.1 kept its id and its status.
		await syncNow(team);
		await openPage(team, '/einstellungen/katalog', /^Katalog$/);
		await team.getByText('Verwendet: Testkatalog Familienzentrum, Version 2027.1.').waitFor();
		expect(await statusShown(team, '1.1')).toBe('Erfüllt');
		await openPage(team, '/', /^Übersicht/);
		await team.getByRole('heading', { level: 2, name: 'Bereiche' }).waitFor();
		await expect.poll(() => notice(team).count()).toBe(0);
	});
});
