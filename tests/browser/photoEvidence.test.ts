import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasExifOrGps } from '$lib/client/media/metadata';
import { firstCriterion, storedAttachments } from './support/app';
import { launchPersistent, newProfileDir, openAppOnline } from './support/browser';
import { withExifGps } from './support/jpeg';

const criterionPath = `/kriterien/${encodeURIComponent(firstCriterion.id)}`;
const evidenceTitle = 'Aushang Sprechstunde Erziehungsberatung';

/** A 3000 × 2250 JPEG as a tablet camera would deliver it, drawn by the browser. */
async function cameraJpeg(page: Page): Promise<Uint8Array> {
	const bytes = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(3000, 2250);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#f2e6c9';
		ctx.fillRect(0, 0, 3000, 2250);
		ctx.fillStyle = '#1d5c4d';
		ctx.font = 'bold 200px sans-serif';
		ctx.fillText('Sprechstunde', 300, 900);
		ctx.fillText('Do 9–11 Uhr', 300, 1300);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
		return Array.from(new Uint8Array(await blob.arrayBuffer()));
	});
	return withExifGps(Uint8Array.from(bytes));
}

async function expectCriterionSaved(page: Page): Promise<void> {
	await page.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) }).waitFor();
	await expect.poll(() => page.getByRole('radio', { name: 'Erfüllt' }).isChecked()).toBe(true);
	await page.getByRole('list', { name: 'Nachweise' }).getByText(evidenceTitle).first().waitFor();
}

describe('evidence collected offline', () => {
	it('keeps a criterion set to „Erfüllt“ with a photo across a reload and a browser restart', async () => {
		const profile = newProfileDir();
		let context: BrowserContext = await launchPersistent(profile.path);
		try {
			let page = await openAppOnline(context, criterionPath);
			await context.setOffline(true);
			await page.reload();
			await page.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) }).waitFor();

			await page.getByRole('radio', { name: 'Erfüllt' }).check();
			await page.getByText('Status „Erfüllt“ gespeichert').waitFor();

			await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
			await page.getByRole('radio', { name: 'Foto' }).check();
			await expect(
				page.getByText('Bitte fotografieren Sie keine Kinder oder Familien.').isVisible()
			).resolves.toBe(true);
			const photo = await cameraJpeg(page);
			expect(hasExifOrGps(photo)).toBe(true);
			await page
				.getByLabel('Bild auswählen')
				.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
			await page.getByText(/Pixel/).waitFor({ timeout: 20_000 });
			await page.getByRole('textbox', { name: 'Titel' }).fill(evidenceTitle);
			await page.getByRole('button', { name: 'Nachweis speichern' }).click();
			await expectCriterionSaved(page);

			await page.reload();
			await expectCriterionSaved(page);

			// Closing the browser and starting it again with the same profile, still with no network.
			await context.close();
			context = await launchPersistent(profile.path);
			await context.setOffline(true);
			page = context.pages()[0] ?? (await context.newPage());
			await page.goto(criterionPath);
			await expectCriterionSaved(page);

			const stored = await storedAttachments(page);
			expect(stored).toHaveLength(1);
			const [storedPhoto] = stored;
			expect(storedPhoto.mimeType).toBe('image/jpeg');
			expect(hasExifOrGps(Uint8Array.from(storedPhoto.bytes))).toBe(false);
			expect(Math.max(storedPhoto.width, storedPhoto.height)).toBeLessThanOrEqual(2000);
			expect(storedPhoto.width / storedPhoto.height).toBeCloseTo(3000 / 2250, 2);
		} finally {
			await context.close();
			profile.remove();
		}
	});
});
