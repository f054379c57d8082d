import { createHash } from 'node:crypto';
import {
	writeDossierZip,
	type DossierZipResult,
	type EvidenceBytes
} from '$lib/domain/dossierExport/dossierZip';
import { MISSING_REASONS } from '$lib/domain/dossierExport/indexCsv';
import type { ServerContext } from '$lib/server/context';
import type { DossierExportData } from './exportData';

/**
 * The ZIP of a stored dossier version as a stream for the response: files are read from the blob
 * store in the pieces it yields and every piece of the archive goes out as it is made, waiting
 * while the client reads slowly, so the server holds a few pieces at a time, not the archive.
 * A client that goes away cancels the stream, which stops the writer and closes the open file.
 */

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		// Also when the writer stops early: the file is closed either way.
		await reader.cancel().catch(() => undefined);
	}
}

export interface ZipStream {
	stream: ReadableStream<Uint8Array>;
	/** Settles when the archive is written (or rejects when it failed or the client left). */
	done: Promise<DossierZipResult>;
}

export function dossierZipStream(ctx: ServerContext, data: DossierExportData, report: Uint8Array): ZipStream {
	const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(
		undefined,
		{ highWaterMark: 4 },
		{ highWaterMark: 4 }
	);
	const writer = writable.getWriter();
	const stop = new AbortController();
	const evidence = async (file: { sha256: string | null }): Promise<EvidenceBytes> => {
		if (!file.sha256 || !data.available.has(file.sha256)) return { missing: MISSING_REASONS.notOwned };
		const stream = await ctx.blobs.get(file.sha256);
		return stream ? chunksOf(stream) : { missing: MISSING_REASONS.notOnServer };
	};
	const done = writeDossierZip({
		plan: data.plan,
		registerTables: data.dossier.snapshot.registerTables ?? [],
		report,
		modified: new Date(data.dossier.snapshot.preparedAt),
		signal: stop.signal,
		evidence,
		sha256: (bytes) => Promise.resolve(createHash('sha256').update(bytes).digest('hex')),
		write: async (chunk) => {
			await writer.ready;
			// Not awaited: it settles only once the reader took the piece; `ready` is the back pressure.
			writer.write(chunk).catch(() => stop.abort());
		}
	});
	done
		.then(
			() => writer.close(),
			(error: unknown) => writer.abort(error)
		)
		.catch(() => undefined);
	return { stream: readable, done };
}
