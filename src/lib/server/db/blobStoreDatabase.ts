import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assertSha256, chunksOf, IncomingBlob, type BlobSource, type BlobStore } from './blobStore';
import type { Database } from './schema';

/** Size of one stored piece: big enough for few rows, small enough to never hold a file in memory. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

const TEMPORARY_PREFIX = 'tmp-';

/**
 * Attachment files in the database, in pieces of `chunkBytes` (migration `*_data_file_blobs`): on
 * PostgreSQL every app server sees every file. Bytes are streamed in and out one piece at a time.
 * An upload writes its pieces under a temporary key without holding a transaction open while the
 * client sends; one short transaction then names them by the file's hash, or drops them when a
 * concurrent upload of the same file got there first.
 */
export class DatabaseBlobStore implements BlobStore {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly chunkBytes = BLOB_CHUNK_BYTES,
		private readonly now: () => Date = () => new Date()
	) {}

	async has(sha256: string): Promise<boolean> {
		return (await this.size(sha256)) !== null;
	}

	async size(sha256: string): Promise<number | null> {
		return (await this.entry(sha256))?.size ?? null;
	}

	async get(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
		const entry = await this.entry(sha256);
		if (!entry) return null;
		const db = this.db;
		let seq = 0;
		return new ReadableStream<Uint8Array>({
			async pull(controller) {
				if (seq >= entry.chunkCount) return controller.close();
				const row = await db
					.selectFrom('file_blob_chunks')
					.select('bytes')
					.where('blob_key', '=', sha256)
					.where('seq', '=', seq)
					.executeTakeFirst();
				if (!row) return controller.error(new Error(`Piece ${seq} of blob ${sha256} is missing`));
				seq++;
				controller.enqueue(new Uint8Array(row.bytes));
			}
		});
	}

	async put(
		sha256: string,
		source: BlobSource,
		options: { maxBytes?: number } = {}
	): Promise<{ size: number; created: boolean }> {
		assertSha256(sha256);
		const key = `${TEMPORARY_PREFIX}${randomUUID()}`;
		const incoming = new IncomingBlob(sha256, options.maxBytes);
		const writtenAt = this.now().toISOString();
		let seq = 0;
		let pending: Uint8Array[] = [];
		let pendingBytes = 0;
		const write = async (bytes: Uint8Array) => {
			await this.db
				.insertInto('file_blob_chunks')
				.values({ blob_key: key, seq: seq++, bytes, written_at: writtenAt })
				.execute();
		};
		try {
			for await (const chunk of chunksOf(source)) {
				incoming.add(chunk);
				pending.push(chunk);
				pendingBytes += chunk.byteLength;
				if (pendingBytes < this.chunkBytes) continue;
				const joined = Buffer.concat(pending, pendingBytes);
				let offset = 0;
				for (; offset + this.chunkBytes <= joined.byteLength; offset += this.chunkBytes)
					await write(joined.subarray(offset, offset + this.chunkBytes));
				pending = offset < joined.byteLength ? [joined.subarray(offset)] : [];
				pendingBytes = joined.byteLength - offset;
			}
			const size = incoming.finish();
			if (pendingBytes > 0) await write(Buffer.concat(pending, pendingBytes));
			const created = await this.db.transaction().execute(async (trx) => {
				const added = await trx
					.insertInto('file_blobs')
					.values({ sha256, size, chunk_count: seq, stored_at: writtenAt })
					.onConflict((oc) => oc.column('sha256').doNothing())
					.returning('sha256')
					.execute();
				if (added.length === 0) return false;
				await trx
					.updateTable('file_blob_chunks')
					.set({ blob_key: sha256 })
					.where('blob_key', '=', key)
					.execute();
				return true;
			});
			if (!created) await this.dropPieces(key);
			return { size, created };
		} catch (error) {
			await this.dropPieces(key);
			throw error;
		}
	}

	/**
	 * Removes the pieces of uploads that never finished (a server stopped mid-upload) written before
	 * `before`; run at start with a margin that no upload in progress on another server reaches.
	 */
	async removeAbandonedUploads(before: Date): Promise<number> {
		const result = await this.db
			.deleteFrom('file_blob_chunks')
			.where('blob_key', 'like', `${TEMPORARY_PREFIX}%`)
			.where('written_at', '<', before.toISOString())
			.executeTakeFirst();
		return Number(result.numDeletedRows);
	}

	private async entry(sha256: string): Promise<{ size: number; chunkCount: number } | null> {
		assertSha256(sha256);
		const row = await this.db
			.selectFrom('file_blobs')
			.select(['size', 'chunk_count'])
			.where('sha256', '=', sha256)
			.executeTakeFirst();
		return row ? { size: Number(row.size), chunkCount: Number(row.chunk_count) } : null;
	}

	private async dropPieces(key: string): Promise<void> {
		await this.db.deleteFrom('file_blob_chunks').where('blob_key', '=', key).execute();
	}
}
