// The one table of every page of the app, with who opens it and a real URL, shared by the screen-size
// test (tests/browser/layout/screenSizes.test.ts) and the accessibility test. A new page: add a row
// here; `uncoveredRoutes` makes both tests fail while a `src/routes` page has none.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { vi } from 'vitest';
import { firstCriterion } from './app';
import { DEMO, logIn, SONNENBLUME, tabletOn, type DemoLogin, type RunningServer } from '../sync/support';
import { handIn } from '../dossier/handIn';

/** Who looks at the page: nobody signed in, the demo Leitung, the advisor or the admin. */
export type Viewer = 'guest' | 'leitung' | 'beratung' | 'admin';

/** Ids of the records the set-up created, for dynamic routes. */
export interface SeededIds {
	dossierId: string;
}

export interface PageCase {
	/** File-name part of the screenshots, e.g. `kriterien` → `kriterien-390x844.png`. */
	name: string;
	viewer: Viewer;
	/** The route as in `src/routes` (folder names), to check every route has a row. */
	route: string;
	path: string | ((ids: SeededIds) => string);
}

const criterion = encodeURIComponent(firstCriterion.id);

export const pageTable: PageCase[] = [
	// Signed out: a leader may start without an account, and reads help and legal pages.
	{ name: 'gast-uebersicht', viewer: 'guest', route: '/', path: '/' },
	{ name: 'anmelden', viewer: 'guest', route: '/anmelden', path: '/anmelden' },
	{ name: 'passwort-setzen', viewer: 'guest', route: '/passwort-setzen', path: '/passwort-setzen' },
	{ name: 'passwort-vergessen', viewer: 'guest', route: '/passwort-vergessen', path: '/passwort-vergessen' },
	{ name: 'hilfe', viewer: 'guest', route: '/hilfe', path: '/hilfe' },
	{
		name: 'leichte-sprache',
		viewer: 'guest',
		route: '/hilfe/leichte-sprache',
		path: '/hilfe/leichte-sprache'
	},
	{ name: 'hilfe-uebersicht', viewer: 'guest', route: '/hilfe/uebersicht', path: '/hilfe/uebersicht' },
	{ name: 'hilfe-kriterien', viewer: 'guest', route: '/hilfe/kriterien', path: '/hilfe/kriterien' },
	{ name: 'hilfe-register', viewer: 'guest', route: '/hilfe/register', path: '/hilfe/register' },
	{ name: 'hilfe-termine', viewer: 'guest', route: '/hilfe/termine', path: '/hilfe/termine' },
	{ name: 'hilfe-mappe', viewer: 'guest', route: '/hilfe/mappe', path: '/hilfe/mappe' },
	{ name: 'hilfe-offline', viewer: 'guest', route: '/hilfe/offline', path: '/hilfe/offline' },
	{ name: 'hilfe-sicherung', viewer: 'guest', route: '/hilfe/sicherung', path: '/hilfe/sicherung' },
	{ name: 'hilfe-team', viewer: 'guest', route: '/hilfe/team', path: '/hilfe/team' },
	{ name: 'hilfe-beratung', viewer: 'guest', route: '/hilfe/beratung', path: '/hilfe/beratung' },
	{ name: 'barrierefreiheit', viewer: 'guest', route: '/barrierefreiheit', path: '/barrierefreiheit' },
	{ name: 'impressum', viewer: 'guest', route: '/impressum', path: '/impressum' },
	{ name: 'datenschutz', viewer: 'guest', route: '/datenschutz', path: '/datenschutz' },
	{ name: 'gast-kriterien', viewer: 'guest', route: '/kriterien', path: '/kriterien' },
	// The Leitung of the demo centre, with its data, a register entry and a handed-in dossier.
	{ name: 'uebersicht', viewer: 'leitung', route: '/', path: '/' },
	{ name: 'kalender', viewer: 'leitung', route: '/kalender', path: '/kalender' },
	{ name: 'kriterien', viewer: 'leitung', route: '/kriterien', path: '/kriterien' },
	{ name: 'kriterium', viewer: 'leitung', route: '/kriterien/[id]', path: `/kriterien/${criterion}` },
	{ name: 'bereiche', viewer: 'leitung', route: '/bereiche', path: '/bereiche' },
	{ name: 'register', viewer: 'leitung', route: '/register', path: '/register' },
	...[
		'partner',
		'familienbildung',
		'kindertagespflege',
		'praevention',
		'sprechstunden',
		'qualifikationen'
	].map((segment): PageCase => ({
		name: `register-${segment}`,
		viewer: 'leitung',
		route: '/register/[register=register]',
		path: `/register/${segment}`
	})),
	{ name: 'einrichtung', viewer: 'leitung', route: '/einrichtung', path: '/einrichtung' },
	{ name: 'runden', viewer: 'leitung', route: '/runden', path: '/runden' },
	{ name: 'einstellungen', viewer: 'leitung', route: '/einstellungen', path: '/einstellungen' },
	{ name: 'katalog', viewer: 'leitung', route: '/einstellungen/katalog', path: '/einstellungen/katalog' },
	{ name: 'konflikte', viewer: 'leitung', route: '/konflikte', path: '/konflikte' },
	{ name: 'mappe', viewer: 'leitung', route: '/mappe', path: '/mappe' },
	{
		name: 'mappe-version',
		viewer: 'leitung',
		route: '/mappe/[dossierId]',
		path: (ids) => `/mappe/${ids.dossierId}`
	},
	{ name: 'nachweis-neu', viewer: 'leitung', route: '/nachweis/neu', path: '/nachweis/neu' },
	{ name: 'mein-team', viewer: 'leitung', route: '/admin', path: '/admin' },
	{ name: 'hilfe-leitung', viewer: 'leitung', route: '/hilfe', path: '/hilfe' },
	// The advisor: her centres, one centre, one handed-in version.
	{ name: 'beratung', viewer: 'beratung', route: '/beratung', path: '/beratung' },
	{
		name: 'beratung-zentrum',
		viewer: 'beratung',
		route: '/beratung/[facilityId]',
		path: `/beratung/${SONNENBLUME}`
	},
	{
		name: 'beratung-mappe',
		viewer: 'beratung',
		route: '/beratung/[facilityId]/mappe/[dossierId]',
		path: (ids) => `/beratung/${SONNENBLUME}/mappe/${ids.dossierId}`
	},
	{ name: 'beratung-einstellungen', viewer: 'beratung', route: '/einstellungen', path: '/einstellungen' },
	// The admin of the deployment.
	{ name: 'admin', viewer: 'admin', route: '/admin', path: '/admin' },
	{ name: 'admin-einstellungen', viewer: 'admin', route: '/einstellungen', path: '/einstellungen' }
];

/** Routes (as `src/routes` folder paths) that hold a page but have no row in `pageTable`. */
export function uncoveredRoutes(routesDir = join(process.cwd(), 'src/routes')): string[] {
	const routes: string[] = [];
	const walk = (dir: string, segments: string[]) => {
		const entries = readdirSync(dir);
		if (entries.includes('+page.svelte'))
			routes.push('/' + segments.filter((s) => !/^\(.*\)$/.test(s)).join('/'));
		for (const entry of entries) {
			const child = join(dir, entry);
			if (statSync(child).isDirectory()) walk(child, [...segments, entry]);
		}
	};
	walk(routesDir, []);
	const covered = new Set(pageTable.map((p) => p.route));
	return routes.filter((r) => !covered.has(r)).sort();
}

export function pathOf(entry: PageCase, ids: SeededIds): string {
	return typeof entry.path === 'string' ? entry.path : entry.path(ids);
}

/** One signed-in (or signed-out) tablet per viewer, each with one page that the tests reuse. */
export type ViewerPages = Record<Viewer, Page>;

/** The demo deployment's admin (see `server/accounts/seed.ts`). */
const DEMO_ADMIN = { email: 'admin@demo.example', password: 'Demo-Admin-2026', name: 'Demo Admin' } as const;
// `logIn` reads only email, password and name; DEMO (sync tests) has no admin, so hers is cast.
const logins = { leitung: DEMO.leitung, beratung: DEMO.beratung, admin: DEMO_ADMIN as unknown as DemoLogin };

/**
 * Signs in every viewer on a server with the demo deployment and gives the Leitung's centre data for
 * every list: a course in the Familienbildung register and a handed-in dossier.
 */
export async function prepareViewers(
	browser: Browser,
	server: RunningServer,
	contexts: BrowserContext[]
): Promise<{ pages: ViewerPages; ids: SeededIds }> {
	const open = async () => {
		const context = await tabletOn(browser, server);
		contexts.push(context);
		return context;
	};
	const guest = await (await open()).newPage();
	const leitung = await logIn(await open(), logins.leitung);
	await addCourse(leitung);
	await handIn(leitung);
	// „Abgabe festgehalten“ may show before the hand-in has reached the server: wait until it lists it.
	const serverDossiers = async () => {
		const list = await (await leitung.request.get(`/api/dossiers?facility=${SONNENBLUME}`)).json();
		return (list as { dossiers: { id: string }[] }).dossiers;
	};
	// vi.waitFor, not expect.poll: this runs in beforeAll, outside a test.
	await vi.waitFor(
		async () => {
			if ((await serverDossiers()).length === 0)
				throw new Error('the hand-in has not reached the server yet');
		},
		{ timeout: 60_000, interval: 250 }
	);
	const dossierId = (await serverDossiers())[0].id;
	const beratung = await logIn(await open(), logins.beratung);
	const admin = await logIn(await open(), logins.admin);
	return { pages: { guest, leitung, beratung, admin }, ids: { dossierId } };
}

async function addCourse(page: Page): Promise<void> {
	await page.goto('/register/familienbildung');
	const year = await page.evaluate(() => new Date().getFullYear());
	await page.getByRole('button', { name: 'Angebot eintragen' }).click();
	await page.getByLabel('Titel', { exact: true }).fill('Elterncafé am Dienstag');
	await page.getByLabel('Art des Angebots').selectOption({ label: 'Elterncafé' });
	await page.getByLabel('Datum Termin 1').fill(`${year}-02-03`);
	await page.getByLabel('Teilnehmende Termin 1').fill('12');
	await page.getByLabel('Kosten').selectOption({ label: 'Kostenfrei' });
	await page.getByRole('button', { name: 'Speichern' }).click();
	await page.getByRole('status').filter({ hasText: '„Elterncafé am Dienstag“ ist gespeichert.' }).waitFor();
}
