import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasExifOrGps } from '$lib/client/media/metadata';
import { firstCriterion, storedAttachments } from './support/app';
import { baseUrl, launchBrowser, newContext, openAppOnline } from './support/browser';
import { withExifGps } from './support/jpeg';
import { pngSize } from './support/png';

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

interface Manifest {
	screenshots: { src: string; sizes: string; type: string; form_factor?: string; label?: string }[];
	shortcuts: { name: string; url: string }[];
	share_target: {
		action: string;
		method: string;
		enctype: string;
		params: { files: { name: string; accept: string[] }[] };
	};
}

async function manifest(page: Page): Promise<{ manifest: Manifest; url: URL }> {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const url = new URL(href!, baseUrl());
	return { manifest: (await (await fetch(url)).json()) as Manifest, url };
}

/** A photo as a tablet camera writes it (with GPS in its Exif), drawn by the browser. */
async function cameraJpeg(page: Page): Promise<Uint8Array> {
	const bytes = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(1600, 1200);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#f2e6c9';
		ctx.fillRect(0, 0, 1600, 1200);
		ctx.fillStyle = '#1d5c4d';
		ctx.font = 'bold 120px sans-serif';
		ctx.fillText('Elterncafé', 200, 600);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
		return Array.from(new Uint8Array(await blob.arrayBuffer()));
	});
	return withExifGps(Uint8Array.from(bytes));
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/**
 * Shares files as another app would: a multipart POST navigation to the share target's action,
 * which the service worker receives (the form is built in the page, as Android's share sheet
 * would post it).
 */
async function shareFiles(
	page: Page,
	action: string,
	files: { name: string; type: string; bytes: number[] }[]
) {
	await page.evaluate(
		({ action, files }) => {
			const form = document.createElement('form');
			form.method = 'post';
			form.enctype = 'multipart/form-data';
			form.action = action;
			const input = document.createElement('input');
			input.type = 'file';
			input.name = 'dateien';
			input.multiple = true;
			const transfer = new DataTransfer();
			for (const file of files)
				transfer.items.add(new File([Uint8Array.from(file.bytes)], file.name, { type: file.type }));
			input.files = transfer.files;
			form.append(input);
			document.body.append(form);
			form.submit();
		},
		{ action, files }
	);
	await page.waitForURL((url) => url.pathname === action && url.searchParams.has('geteilt'), {
		timeout: 30_000
	});
}

describe('manifest: screenshots, shortcuts, share target', () => {
	it('has real screenshots for narrow and wide screens', async () => {
		const page = await context.newPage();
		const { manifest: m, url } = await manifest(page);
		expect(new Set(m.screenshots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
		for (const shot of m.screenshots) {
			expect(shot.type).toBe('image/png');
			expect(shot.label).toBeTruthy();
			const response = await fetch(new URL(shot.src, url));
			expect(response.status, shot.src).toBe(200);
			const [width, height] = shot.sizes.split('x').map(Number);
			expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width, height });
		}
	});

	it('has shortcuts that land where they say', async () => {
		const page = await openAppOnline(context);
		const { manifest: m } = await manifest(page);
		const expected: Record<string, RegExp> = {
			'Foto-Nachweis aufnehmen': /^Nachweis ablegen$/,
			Kriterien: /^Kriterien$/,
			Termine: /^Termine und Fristen$/
		};
		expect(m.shortcuts.map((s) => s.name)).toEqual(Object.keys(expected));
		for (const shortcut of m.shortcuts) {
			await page.goto(shortcut.url);
			await page.getByRole('heading', { level: 1, name: expected[shortcut.name] }).waitFor();
		}
		// The photo shortcut puts the camera one tap away.
		await page.goto(m.shortcuts[0].url);
		const camera = page.getByLabel('Foto aufnehmen', { exact: true });
		expect(await camera.getAttribute('capture')).toBe('environment');
		await expect.poll(() => camera.evaluate((input) => input === document.activeElement)).toBe(true);
	});

	it('declares a share target for PDFs and photos', async () => {
		const page = await context.newPage();
		const { manifest: m } = await manifest(page);
		expect(m.share_target).toMatchObject({
			action: '/nachweis/neu',
			method: 'POST',
			enctype: 'multipart/form-data'
		});
		const accept = m.share_target.params.files.flatMap((f) => f.accept);
		expect(accept).toContain('application/pdf');
		expect(accept).toContain('image/*');
	});
});

describe('a PDF and a photo shared from another app', () => {
	for (const offline of [false, true]) {
		it(`arrive as evidence on the chosen criterion${offline ? ' with no network' : ''}`, async () => {
			const page = await openAppOnline(context);
			const { manifest: m } = await manifest(page);
			const photo = await cameraJpeg(page);
			expect(hasExifOrGps(photo)).toBe(true);
			if (offline) await context.setOffline(true);

			await shareFiles(page, m.share_target.action, [
				{ name: 'Kooperationsvereinbarung EB.pdf', type: 'application/pdf', bytes: [...Buffer.from(PDF)] },
				{ name: 'IMG_2041.jpg', type: 'image/jpeg', bytes: [...photo] }
			]);
			await page.getByRole('heading', { level: 1, name: 'Nachweis ablegen' }).waitFor();
			await page.getByText('2 Dateien aus einer anderen App.', { exact: false }).waitFor();
			const files = page.getByRole('list', { name: 'Dateien zum Ablegen' });
			await files.getByText('Kooperationsvereinbarung EB.pdf', { exact: true }).waitFor();
			await files.getByText('IMG_2041.jpg', { exact: true }).waitFor();

			// Without a criterion nothing is saved and the page says why.
			await page.getByRole('button', { name: 'Als Nachweise speichern' }).click();
			await page.getByText('Bitte mindestens ein Kriterium zuordnen').waitFor();

			await page.getByLabel('Weitere Kriterien suchen').fill(firstCriterion.id);
			await page
				.getByRole('checkbox', { name: new RegExp(`^${firstCriterion.id.replace('.', '\\.')} `) })
				.check();
			await page.getByRole('button', { name: 'Als Nachweise speichern' }).click();
			await page.getByText('2 Nachweise gespeichert', { exact: true }).waitFor({ timeout: 30_000 });
			await page.getByText('Keine Dateien zum Ablegen.').waitFor({ state: 'hidden' });

			await page.getByRole('link', { name: `Kriterium ${firstCriterion.id} öffnen` }).click();
			await page.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) }).waitFor();
			const evidence = page.getByRole('list', { name: 'Nachweise' });
			await evidence.getByText('Kooperationsvereinbarung EB', { exact: true }).waitFor();
			await evidence.getByText('IMG 2041', { exact: true }).waitFor();

			const stored = await storedAttachments(page);
			expect(stored.map((s) => s.mimeType).sort()).toEqual(['application/pdf', 'image/jpeg']);
			const storedPhoto = stored.find((s) => s.mimeType === 'image/jpeg')!;
			expect(hasExifOrGps(Uint8Array.from(storedPhoto.bytes))).toBe(false);

			// The shared copies are gone once filed: opening the page again offers nothing more.
			await page.goto('/nachweis/neu');
			await page.getByText('Keine Dateien zum Ablegen.').waitFor();
		});
	}

	it('says so when a shared file is neither a PDF nor an image', async () => {
		const page = await openAppOnline(context);
		await shareFiles(page, '/nachweis/neu', [
			{ name: 'notiz.txt', type: 'text/plain', bytes: [...Buffer.from('hallo')] }
		]);
		await page.getByText('1 Datei wurde nicht übernommen.').waitFor();
		await page.getByText('Keine Dateien zum Ablegen.').waitFor();
	});

	it('without a service worker, the server sends the share to the page with a note', async () => {
		const form = new FormData();
		form.append('dateien', new File([PDF], 'Vereinbarung.pdf', { type: 'application/pdf' }));
		const response = await fetch(`${baseUrl()}/nachweis/neu`, {
			method: 'POST',
			body: form,
			headers: { origin: baseUrl() },
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/nachweis/neu?fehler=teilen');
	});
});
