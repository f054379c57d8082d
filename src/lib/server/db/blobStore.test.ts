import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobHashMismatchError, BlobTooLargeError, FileBlobStore } from '$lib/server/db/blobStore';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<string> {
	if (!stream) throw new Error('no blob');
	return new Response(stream).text();
}

describe('FileBlobStore', () => {
	let root = '';
	let store: FileBlobStore;

	beforeEach(async () => {
		root = await fs.mkdtemp(path.join(os.tmpdir(), 'gsm-blobs-'));
		store = new FileBlobStore(root);
	});
	afterEach(() => fs.rm(root, { recursive: true, force: true }));

	it('stores bytes under their hash and gives them back', async () => {
		const bytes = text('Kooperationsvereinbarung mit der Erziehungsberatungsstelle');
		const hash = sha256(bytes);
		expect(await store.has(hash)).toBe(false);
		expect(await store.put(hash, bytes)).toEqual({ size: bytes.length, created: true });
		expect(await store.has(hash)).toBe(true);
		expect(await store.size(hash)).toBe(bytes.length);
		expect(await readAll(await store.get(hash))).toBe(
			'Kooperationsvereinbarung mit der Erziehungsberatungsstelle'
		);
		await expect(fs.stat(path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash))).resolves.toBeTruthy();
	});

	it('accepts a stream, as a request body arrives', async () => {
		const parts = ['Sprech', 'stunden', 'plan'];
		const hash = sha256(text(parts.join('')));
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (const part of parts) controller.enqueue(text(part));
				controller.close();
			}
		});
		expect((await store.put(hash, stream)).size).toBe(17);
		expect(await readAll(await store.get(hash))).toBe('Sprechstundenplan');
	});

	it('refuses bytes whose hash differs and leaves nothing behind', async () => {
		const claimed = sha256(text('original'));
		await expect(store.put(claimed, text('manipuliert'))).rejects.toBeInstanceOf(BlobHashMismatchError);
		expect(await store.has(claimed)).toBe(false);
		expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
	});

	it('refuses a blob past the size limit', async () => {
		const bytes = new Uint8Array(2048);
		await expect(store.put(sha256(bytes), bytes, { maxBytes: 1024 })).rejects.toBeInstanceOf(
			BlobTooLargeError
		);
		expect(await store.has(sha256(bytes))).toBe(false);
	});

	it('treats storing the same blob again as done', async () => {
		const bytes = text('Flyer');
		await store.put(sha256(bytes), bytes);
		expect(await store.put(sha256(bytes), bytes)).toEqual({ size: 5, created: false });
	});

	it('checks the bytes in full also when the blob exists, and keeps the stored one', async () => {
		const bytes = text('Flyer');
		await store.put(sha256(bytes), bytes);
		await expect(store.put(sha256(bytes), text('Flyer, gefälscht'))).rejects.toBeInstanceOf(
			BlobHashMismatchError
		);
		await expect(store.put(sha256(bytes), bytes, { maxBytes: 4 })).rejects.toBeInstanceOf(BlobTooLargeError);
		expect(await readAll(await store.get(sha256(bytes)))).toBe('Flyer');
		expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
	});

	it('answers null for a blob it does not have', async () => {
		const hash = sha256(text('nie gespeichert'));
		expect(await store.get(hash)).toBeNull();
		expect(await store.size(hash)).toBeNull();
	});

	it('rejects names that are not SHA-256 digests, so no path leaves the store', async () => {
		await expect(store.has('../../etc/passwd')).rejects.toThrow(TypeError);
		await expect(store.put('ABC', text('x'))).rejects.toThrow(TypeError);
	});
});
