// What a sync test reads from or adds to the tablet itself: the outbox in IndexedDB and evidence
// entered through the evidence form.
import type { Page } from 'playwright-core';

export interface OutboxState {
	/** Changes not yet confirmed by the server. */
	pending: number;
	/** Changes the server refused (kept on the device with the reason). */
	rejected: number;
}

/** The signed-in user's outbox, read straight from her workspace database. */
export function outboxOf(page: Page): Promise<OutboxState> {
	return page.evaluate(async () => {
		const cached = JSON.parse(localStorage.getItem('guetesiegel-mappe.session') ?? 'null') as {
			user: { id: string };
		} | null;
		if (!cached) throw new Error('Nobody is signed in on this tablet.');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(`guetesiegel-mappe-${cached.user.id}`);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		try {
			const entries = await new Promise<{ status?: string }[]>((resolve, reject) => {
				const request = db.transaction('outbox').objectStore('outbox').getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const rejected = entries.filter((e) => e.status === 'rejected').length;
			return { pending: entries.length - rejected, rejected };
		} finally {
			db.close();
		}
	});
}

/** Adds a note as evidence of a criterion through the evidence form. */
export async function addNoteEvidence(page: Page, criterionId: string, title: string): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
	await page.getByRole('radio', { name: 'Notiz' }).check();
	await page.getByRole('textbox', { name: 'Titel' }).fill(title);
	await page.getByLabel('Text der Notiz').fill('Besprochen im Team, Aushang hängt an der Infowand.');
	await page.getByRole('button', { name: 'Nachweis speichern' }).click();
	await page.getByRole('list', { name: 'Nachweise' }).getByText(title).first().waitFor();
}

/**
 * Adds a photo as evidence through the evidence form: a JPEG drawn by the browser, as a tablet's
 * camera would deliver it (the app scales and re-encodes it before storing).
 */
export async function addPhotoEvidence(page: Page, criterionId: string, title: string): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	const jpeg = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(1600, 1200);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#f2e6c9';
		ctx.fillRect(0, 0, 1600, 1200);
		ctx.fillStyle = '#1d5c4d';
		ctx.font = 'bold 120px sans-serif';
		ctx.fillText('Elterncafé', 200, 500);
		ctx.fillText('Mi 15–17 Uhr', 200, 750);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
		return Array.from(new Uint8Array(await blob.arrayBuffer()));
	});
	await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
	await page.getByRole('radio', { name: 'Foto' }).check();
	await page
		.getByLabel('Bild auswählen')
		.setInputFiles({ name: 'IMG_0815.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
	await page.getByText(/Pixel/).waitFor({ timeout: 20_000 });
	await page.getByRole('textbox', { name: 'Titel' }).fill(title);
	await page.getByRole('button', { name: 'Nachweis speichern' }).click();
	await page.getByRole('list', { name: 'Nachweise' }).getByText(title).first().waitFor();
}

/** Facilities whose records are stored in the signed-in user's workspace, sorted. */
export function facilitiesOnTablet(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cached = JSON.parse(localStorage.getItem('guetesiegel-mappe.session') ?? 'null') as {
			user: { id: string };
		} | null;
		if (!cached) throw new Error('Nobody is signed in on this tablet.');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(`guetesiegel-mappe-${cached.user.id}`);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const found = new Set<string>();
		try {
			const stores = [...db.objectStoreNames];
			const tx = db.transaction(stores);
			for (const store of stores) {
				const rows = await new Promise<unknown[]>((resolve, reject) => {
					const request = tx.objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				for (const row of rows) {
					const facilityId = (row as { facilityId?: unknown } | null)?.facilityId;
					if (typeof facilityId === 'string') found.add(facilityId);
				}
			}
		} finally {
			db.close();
		}
		return [...found].sort();
	});
}
