import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Bytes arriving in one piece or as a stream (a request body, a file). */
export type BlobSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * Content-addressed storage for attachments: a blob's name is the SHA-256 of its bytes, so storing
 * the same file twice is harmless and a blob can never change. One implementation per backend: the
 * file system (FileBlobStore, the embedded default) and the database (blobStoreDatabase.ts, shared by
 * several app servers on PostgreSQL); `FILE_STORE` chooses, see context.ts.
 */
export interface BlobStore {
	has(sha256: string): Promise<boolean>;
	/**
	 * Stores the bytes if their hash is `sha256`; rejects with BlobHashMismatchError otherwise and
	 * with BlobTooLargeError past `maxBytes`, storing nothing in either case. The bytes are read and
	 * checked in full also when the blob exists (`created: false`): a caller may take a successful
	 * put as proof that the sender holds the file, and the work done does not tell whether it existed.
	 */
	put(
		sha256: string,
		source: BlobSource,
		options?: { maxBytes?: number }
	): Promise<{ size: number; created: boolean }>;
	/** The bytes, or null when no such blob is stored. */
	get(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
	/** Size in bytes, or null when no such blob is stored. */
	size(sha256: string): Promise<number | null>;
}

export class BlobHashMismatchError extends Error {
	constructor(
		readonly expected: string,
		readonly actual: string
	) {
		super(`Blob content hashes to ${actual}, not ${expected}`);
		this.name = 'BlobHashMismatchError';
	}
}

export class BlobTooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super(`Blob is larger than ${maxBytes} bytes`);
		this.name = 'BlobTooLargeError';
	}
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
	return SHA256_HEX.test(value);
}

export function assertSha256(sha256: string): void {
	// Also what keeps a caller's string from walking out of the blob directory.
	if (!isSha256Hex(sha256)) throw new TypeError(`Not a lower-case SHA-256 hex digest: "${sha256}"`);
}

/** Counts and hashes a blob's bytes as they arrive; the checks every store makes on a put. */
export class IncomingBlob {
	size = 0;
	readonly #hash = createHash('sha256');

	constructor(
		readonly expected: string,
		readonly maxBytes?: number
	) {}

	add(chunk: Uint8Array): void {
		this.size += chunk.byteLength;
		if (this.maxBytes !== undefined && this.size > this.maxBytes) throw new BlobTooLargeError(this.maxBytes);
		this.#hash.update(chunk);
	}

	/** The size, once the bytes are complete and hash to what was expected. */
	finish(): number {
		const actual = this.#hash.digest('hex');
		if (actual !== this.expected) throw new BlobHashMismatchError(this.expected, actual);
		return this.size;
	}
}

export function chunksOf(source: BlobSource): AsyncIterable<Uint8Array> {
	if (source instanceof Uint8Array) return [source] as unknown as AsyncIterable<Uint8Array>;
	if (source instanceof ReadableStream)
		return Readable.fromWeb(source as import('node:stream/web').ReadableStream);
	return source;
}

/** Stores blobs as `<root>/ab/cd/<sha256>`; writes go to `<root>/tmp` first and are renamed into place. */
export class FileBlobStore implements BlobStore {
	constructor(readonly root: string) {}

	pathOf(sha256: string): string {
		assertSha256(sha256);
		return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
	}

	async has(sha256: string): Promise<boolean> {
		return (await this.size(sha256)) !== null;
	}

	async size(sha256: string): Promise<number | null> {
		try {
			return (await fs.stat(this.pathOf(sha256))).size;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
	}

	async get(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
		const file = this.pathOf(sha256);
		if ((await this.size(sha256)) === null) return null;
		return Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
	}

	async put(
		sha256: string,
		source: BlobSource,
		options: { maxBytes?: number } = {}
	): Promise<{ size: number; created: boolean }> {
		const target = this.pathOf(sha256);
		const existed = (await this.size(sha256)) !== null;

		const tmpDir = path.join(this.root, 'tmp');
		await fs.mkdir(tmpDir, { recursive: true });
		const tmp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
		const handle = await fs.open(tmp, 'wx');
		const incoming = new IncomingBlob(sha256, options.maxBytes);
		try {
			try {
				for await (const chunk of chunksOf(source)) {
					incoming.add(chunk);
					await handle.write(chunk);
				}
				// On disk before it becomes visible under its name: a crash leaves a whole blob or none.
				await handle.sync();
			} finally {
				await handle.close();
			}
			const size = incoming.finish();
			await fs.mkdir(path.dirname(target), { recursive: true });
			// Rename is atomic; a concurrent upload of the same blob simply replaces identical bytes.
			await fs.rename(tmp, target);
			return { size, created: !existed };
		} catch (error) {
			await fs.rm(tmp, { force: true });
			throw error;
		}
	}
}
