import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobHashMismatchError, BlobTooLargeError } from '$lib/server/db/blobStore';
import { DatabaseBlobStore } from '$lib/server/db/blobStoreDatabase';
import { startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

async function bytesOf(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
	if (!stream) throw new Error('no blob');
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A body arriving in pieces of `size` bytes, as a request body does. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe.each(testDialects)('DatabaseBlobStore on %s', (dialect) => {
	let server: TestServer;
	/** Small pieces, so that a few KB show what 25 MB in 1 MB pieces does. */
	let store: DatabaseBlobStore;

	beforeEach(async () => {
		server = await startTestServer(dialect, { fileStore: 'database' });
		store = new DatabaseBlobStore(server.ctx.db, 1000);
	});
	afterEach(() => server.cleanup());

	const pieces = () =>
		server.ctx.db.selectFrom('file_blob_chunks').select(['blob_key', 'seq']).orderBy('seq').execute();

	it('is the store the server uses with FILE_STORE=database', () => {
		expect(server.ctx.blobs).toBeInstanceOf(DatabaseBlobStore);
	});

	it('stores a file in pieces under its hash and streams the same bytes back', async () => {
		const bytes = randomBytes(4500);
		const hash = sha256(bytes);
		expect(await store.has(hash)).toBe(false);
		expect(await store.put(hash, inPieces(bytes, 333))).toEqual({ size: 4500, created: true });
		expect(await store.size(hash)).toBe(4500);
		expect(Buffer.from(await bytesOf(await store.get(hash))).equals(bytes)).toBe(true);
		const rows = await pieces();
		expect(rows.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
		expect(new Set(rows.map((r) => r.blob_key))).toEqual(new Set([hash]));
	});

	it('reads a stored file as a stream one piece at a time', async () => {
		const bytes = randomBytes(3000);
		await store.put(sha256(bytes), bytes);
		const reader = (await store.get(sha256(bytes)))!.getReader();
		expect((await reader.read()).value?.byteLength).toBe(1000);
		await reader.cancel();
	});

	it('keeps an empty file and a file of exactly one piece', async () => {
		for (const bytes of [new Uint8Array(), randomBytes(1000)]) {
			expect(await store.put(sha256(bytes), bytes)).toMatchObject({ size: bytes.length, created: true });
			expect(await bytesOf(await store.get(sha256(bytes)))).toEqual(new Uint8Array(bytes));
		}
	});

	it('refuses bytes whose hash differs, or too many of them, and leaves no piece behind', async () => {
		await expect(store.put(sha256(text('original')), text('manipuliert'))).rejects.toBeInstanceOf(
			BlobHashMismatchError
		);
		const big = randomBytes(5000);
		await expect(store.put(sha256(big), big, { maxBytes: 2500 })).rejects.toBeInstanceOf(BlobTooLargeError);
		expect(await store.has(sha256(big))).toBe(false);
		expect(await pieces()).toEqual([]);
	});

	it('removes what a broken-off upload wrote', async () => {
		async function* cut(): AsyncGenerator<Uint8Array> {
			yield randomBytes(2500);
			throw new Error('connection reset');
		}
		await expect(store.put(sha256(text('x')), cut())).rejects.toThrow('connection reset');
		expect(await pieces()).toEqual([]);
	});

	it('stores a file sent twice at once only once, and checks the second copy in full', async () => {
		const bytes = randomBytes(2500);
		const results = await Promise.all([
			store.put(sha256(bytes), inPieces(bytes, 700)),
			store.put(sha256(bytes), inPieces(bytes, 900))
		]);
		expect(results.map((r) => r.created).sort()).toEqual([false, true]);
		expect((await pieces()).length).toBe(3);
		await expect(store.put(sha256(bytes), text('gefälscht'))).rejects.toBeInstanceOf(BlobHashMismatchError);
		expect(Buffer.from(await bytesOf(await store.get(sha256(bytes)))).equals(bytes)).toBe(true);
	});

	it('answers null for a file it does not have and refuses names that are no SHA-256', async () => {
		expect(await store.get(sha256(text('nie gespeichert')))).toBeNull();
		expect(await store.size(sha256(text('nie gespeichert')))).toBeNull();
		await expect(store.has('../../etc/passwd')).rejects.toThrow(TypeError);
	});

	it('clears pieces of uploads a stopped server left, but not one still running', async () => {
		const old = new DatabaseBlobStore(server.ctx.db, 1000, () => new Date('2026-01-01T00:00:00Z'));
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		async function* stalled(): AsyncGenerator<Uint8Array> {
			yield randomBytes(1500);
			await gate;
			throw new Error('server stopped');
		}
		const abandoned = old.put(sha256(text('y')), stalled());
		await expect.poll(async () => (await pieces()).length).toBe(1);
		expect(await store.removeAbandonedUploads(new Date('2025-12-31T00:00:00Z'))).toBe(0);
		expect(await store.removeAbandonedUploads(new Date('2026-01-02T00:00:00Z'))).toBe(1);
		release();
		await expect(abandoned).rejects.toThrow('server stopped');
	});
});
