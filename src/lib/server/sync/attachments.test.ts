import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JFIF_APP0, jpegWith, pngWith } from '$lib/client/media/testBytes';
import { listAudit } from '$lib/server/accounts/audit';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, noteEvidence, push } from './testing/syncFixtures';
import type { FileBlobStore } from '$lib/server/db/blobStore';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
);

async function upload(
	client: InProcessFetch,
	hash: string,
	body: BodyInit,
	headers: Record<string, string> = {}
) {
	const response = await client.fetch(`/api/sync/attachments/${hash}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream', ...headers },
		body
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

const head = async (client: InProcessFetch, hash: string) =>
	(await client.fetch(`/api/sync/attachments/${hash}`, { method: 'HEAD' })).status;

/** A body that delivers some bytes and then breaks off, as a cut connection does. */
function cutOff(bytes: Uint8Array): ReadableStream<Uint8Array> {
	let sent = false;
	return new ReadableStream({
		pull(controller) {
			if (sent) controller.error(new Error('connection reset'));
			else {
				sent = true;
				controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
			}
		}
	});
}

describe.each(testDialects)('uploading attachments on %s', (dialect) => {
	let server: TestServer;
	let leitung: InProcessFetch;
	let team: InProcessFetch;
	let advisor: InProcessFetch;
	let otherCentre: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitung = await signedIn(server.ctx, 'leitung-a');
		team = await signedIn(server.ctx, 'team-a');
		advisor = await signedIn(server.ctx, 'beratung');
		otherCentre = await signedIn(server.ctx, 'leitung-b');
	});
	afterEach(() => server.cleanup());

	const tmpFiles = async () => {
		const dir = path.join((server.ctx.blobs as FileBlobStore).root, 'tmp');
		return fs.readdir(dir).catch(() => []);
	};

	it('stores a PDF by its hash, once, however often it is sent', async () => {
		const hash = sha256(PDF);
		expect(await head(leitung, hash)).toBe(404);
		const first = await upload(leitung, hash, PDF);
		expect(first).toEqual({
			status: 201,
			body: { sha256: hash, size: PDF.length, mimeType: 'application/pdf', created: true }
		});
		expect(await head(leitung, hash)).toBe(200);

		const again = await upload(leitung, hash, PDF);
		expect(again).toMatchObject({ status: 200, body: { created: false, mimeType: 'application/pdf' } });
		const uploads = (await listAudit(server.ctx.db)).filter((e) => e.action === 'attachment.upload');
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ userId: 'leitung-a', entityId: hash, detail: { size: PDF.length } });
	});

	it('tells the type from the bytes: JPEG and PNG pass, a text file named .pdf does not', async () => {
		const jpeg = jpegWith(JFIF_APP0);
		expect((await upload(leitung, sha256(jpeg), jpeg)).body).toMatchObject({ mimeType: 'image/jpeg' });
		const png = pngWith();
		expect((await upload(leitung, sha256(png), png)).body).toMatchObject({ mimeType: 'image/png' });

		const text = new TextEncoder().encode('Dies ist kein PDF, nur Text mit der Endung .pdf');
		const refused = await upload(leitung, sha256(text), text, { 'content-type': 'application/pdf' });
		expect(refused).toMatchObject({ status: 415, body: { error: { code: 'unsupported_file_type' } } });
		expect(await server.ctx.blobs.has(sha256(text))).toBe(false);
	});

	it('refuses bytes that do not match the hash and stores nothing', async () => {
		const wrong = sha256(new TextEncoder().encode('etwas anderes'));
		const refused = await upload(leitung, wrong, PDF);
		expect(refused).toMatchObject({ status: 400, body: { error: { code: 'hash_mismatch' } } });
		expect(await head(leitung, wrong)).toBe(404);
		expect(await server.ctx.blobs.has(sha256(PDF))).toBe(false);
		expect(await tmpFiles()).toEqual([]);
	});

	it('keeps nothing of an upload whose connection was cut, and takes the retry', async () => {
		const hash = sha256(PDF);
		const cut = await upload(leitung, hash, cutOff(PDF));
		expect(cut.status).toBeGreaterThanOrEqual(400);
		expect(await head(leitung, hash)).toBe(404);
		expect(await tmpFiles()).toEqual([]);

		expect((await upload(leitung, hash, PDF)).status).toBe(201);
	});

	it('refuses a file over 25 MB before reading it', async () => {
		const refused = await upload(leitung, 'ab'.repeat(32), PDF, {
			'content-length': String(26 * 1024 * 1024)
		});
		expect(refused).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
	});

	it('lets only people who may write a centre upload, and the readers of the uploading centre download', async () => {
		const hash = sha256(PDF);
		expect((await upload(advisor, hash, PDF)).status).toBe(403);
		expect((await upload(team, hash, PDF)).status).toBe(201);

		// Uploaded by a team member: the centre owns the file, cited by a record or not yet.
		expect((await leitung.fetch(`/api/sync/attachments/${hash}`)).status).toBe(200);
		const evidence = noteEvidence('kita-a', 'ev-pdf', {
			kind: 'file',
			attachment: {
				sha256: hash,
				mimeType: 'application/pdf',
				size: PDF.length,
				fileName: 'vereinbarung.pdf'
			}
		});
		const pushed = await push(leitung, DEVICE_A, [change(1, 'evidence', evidence)]);
		expect(pushed.body.results[0].status).toBe('accepted');

		const download = await advisor.fetch(`/api/sync/attachments/${hash}`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
		expect(await head(advisor, hash)).toBe(200);
		expect((await otherCentre.fetch(`/api/sync/attachments/${hash}`)).status).toBe(404);
		expect(await head(otherCentre, hash)).toBe(404);
	});

	it('answers 404 for something that is not a SHA-256', async () => {
		expect((await upload(leitung, '..%2F..%2Fetc%2Fpasswd', PDF)).status).toBe(404);
	});
});
