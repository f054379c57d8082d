import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JFIF_APP0, jpegWith } from '$lib/client/media/testBytes';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';

/** `?inline=1`: the review page shows PDFs and photos in the page, with the download's access check. */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = new TextEncoder().encode('%PDF-1.4\n% Konzept\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
const PDF_SHA = sha256(PDF);

async function upload(client: InProcessFetch, hash: string, body: Uint8Array) {
	const response = await client.fetch(`/api/sync/attachments/${hash}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream' },
		body: body as BodyInit
	});
	return response.status;
}

describe.each(testDialects)('files shown in the page, on %s', (dialect) => {
	let server: TestServer;
	let teamA: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		teamA = await signedIn(server.ctx, 'team-a');
		expect(await upload(teamA, PDF_SHA, PDF)).toBe(201);
	});
	afterEach(() => server.cleanup());

	it('sends a PDF inline to its advisor, framable only by the app itself', async () => {
		const advisor = await signedIn(server.ctx, 'beratung');
		const response = await advisor.fetch(`/api/sync/attachments/${PDF_SHA}?name=konzept.pdf&inline=1`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="konzept.pdf"/);
		const policy = response.headers.get('content-security-policy') ?? '';
		expect(policy).toContain("default-src 'none'");
		expect(policy).toContain("frame-ancestors 'self'");
		expect(policy).not.toMatch(/script-src/);
		expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
	});

	it('sends an image inline too, and keeps a plain download an attachment', async () => {
		const photo = jpegWith(JFIF_APP0);
		const photoSha = sha256(photo);
		expect(await upload(teamA, photoSha, photo)).toBe(201);
		const inline = await teamA.fetch(`/api/sync/attachments/${photoSha}?inline=1`);
		expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
		const plain = await teamA.fetch(`/api/sync/attachments/${PDF_SHA}?inline=0`);
		expect(plain.headers.get('content-disposition')).toMatch(/^attachment;/);
	});

	it('refuses another centre inline exactly as a download', async () => {
		const leitungB = await signedIn(server.ctx, 'leitung-b');
		expect((await leitungB.fetch(`/api/sync/attachments/${PDF_SHA}?inline=1`)).status).toBe(404);
	});
});
