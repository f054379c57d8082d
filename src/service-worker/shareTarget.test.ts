// @vitest-environment node
// Node's own Request, FormData and File, as in the worker (jsdom's File is another class).
import { describe, expect, it } from 'vitest';
import { listSharedFiles, removeSharedFile } from '$lib/client/media/sharedFiles';
import { fakeCacheStorage } from './fakeCacheStorage';
import { isShareTargetPost, receiveShare, SHARE_FILES_FIELD, SHARE_TARGET_PATH } from './shareTarget';

const origin = 'https://siegel.example';

function share(files: File[]): Request {
	const form = new FormData();
	form.set('titel', 'Geteilt');
	for (const file of files) form.append(SHARE_FILES_FIELD, file);
	return new Request(`${origin}${SHARE_TARGET_PATH}`, { method: 'POST', body: form });
}

const pdf = new File(['%PDF-1.4 Vereinbarung'], 'Kooperationsvereinbarung.pdf', { type: 'application/pdf' });
const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'Aushang.jpg', {
	type: 'image/jpeg'
});

describe('the share target', () => {
	it('answers only a POST to its own path', () => {
		expect(isShareTargetPost(share([]), origin)).toBe(true);
		expect(isShareTargetPost(new Request(`${origin}${SHARE_TARGET_PATH}`), origin)).toBe(false);
		expect(isShareTargetPost(new Request(`${origin}/api/sync/push`, { method: 'POST' }), origin)).toBe(false);
		expect(
			isShareTargetPost(new Request(`https://other.example${SHARE_TARGET_PATH}`, { method: 'POST' }), origin)
		).toBe(false);
	});

	it('keeps a shared PDF and photo on the device and sends the browser to the pick page', async () => {
		const storage = fakeCacheStorage();
		const response = await receiveShare(share([pdf, photo]), origin, storage);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${origin}${SHARE_TARGET_PATH}?geteilt=2`);

		const kept = await listSharedFiles(origin, storage);
		expect(kept.map((f) => [f.name, f.type, f.size])).toEqual([
			['Kooperationsvereinbarung.pdf', 'application/pdf', pdf.size],
			['Aushang.jpg', 'image/jpeg', photo.size]
		]);
		expect(new Uint8Array(await kept[1].blob.arrayBuffer())).toEqual(
			new Uint8Array(await photo.arrayBuffer())
		);

		await removeSharedFile(kept[0].id, origin, storage);
		expect((await listSharedFiles(origin, storage)).map((f) => f.name)).toEqual(['Aushang.jpg']);
	});

	it('refuses files that cannot be evidence and says how many', async () => {
		const storage = fakeCacheStorage();
		const text = new File(['hallo'], 'notiz.txt', { type: 'text/plain' });
		const response = await receiveShare(share([text, pdf]), origin, storage);
		expect(response.headers.get('location')).toBe(`${origin}${SHARE_TARGET_PATH}?geteilt=1&abgelehnt=1`);
		expect((await listSharedFiles(origin, storage)).map((f) => f.name)).toEqual([
			'Kooperationsvereinbarung.pdf'
		]);
	});

	it('keeps names with umlauts and spaces', async () => {
		const storage = fakeCacheStorage();
		const named = new File(['%PDF-1.4'], 'Übersicht Kurse 2026.pdf', { type: 'application/pdf' });
		await receiveShare(share([named]), origin, storage);
		expect((await listSharedFiles(origin, storage))[0].name).toBe('Übersicht Kurse 2026.pdf');
	});

	it('sends the browser to the page with a note when the share cannot be read', async () => {
		const broken = new Request(`${origin}${SHARE_TARGET_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x' },
			body: 'kaputt'
		});
		const response = await receiveShare(broken, origin, fakeCacheStorage());
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${origin}${SHARE_TARGET_PATH}?fehler=teilen`);
	});
});
