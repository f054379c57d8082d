/**
 * Zip output gathered into Blobs of about 8 MB, then one Blob of those: a browser keeps large
 * Blobs on disk, so a big archive never sits whole in memory as one array.
 */
const BATCH_BYTES = 8 * 1024 * 1024;

export class ZipOutput {
	private batches: Blob[] = [];
	private parts: Uint8Array<ArrayBuffer>[] = [];
	private partsBytes = 0;

	add(chunk: Uint8Array): void {
		this.parts.push(chunk as Uint8Array<ArrayBuffer>);
		this.partsBytes += chunk.byteLength;
		if (this.partsBytes >= BATCH_BYTES) this.seal();
	}

	private seal(): void {
		this.batches.push(new Blob(this.parts));
		this.parts = [];
		this.partsBytes = 0;
	}

	finish(): Blob {
		if (this.parts.length > 0) this.seal();
		const blob = new Blob(this.batches, { type: 'application/zip' });
		this.batches = [];
		return blob;
	}
}
