import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JFIF_APP0, jpegWith } from '$lib/client/media/testBytes';
import { listAudit } from '$lib/server/accounts/audit';
import { postDossier } from '$lib/server/dossier/handlers';
import { sampleSubmission } from '$lib/server/dossier/testing/fixtures';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addTwoCentres,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, DEVICE_B, noteEvidence, push } from './testing/syncFixtures';

/**
 * The attack from the security issue: the Leitung of centre B knows the SHA-256 of a file of
 * centre A (a flyer both might have, a hash seen in a log) and tries every way to get the file or
 * to learn that the server has it. Files belong to the facilities that uploaded their bytes.
 */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) =>
	new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n`);

const SECRET = pdf('Hilfeplan Familie M., vertraulich');
const SECRET_SHA = sha256(SECRET);
const NEVER_UPLOADED_SHA = sha256(pdf('gibt es nicht'));

const DEVICE_OF_B = '0c0c0c0c-0000-4000-8000-00000000000c';

function fileRef(hash: string, size: number, fileName = 'hilfeplan.pdf') {
	return { sha256: hash, mimeType: 'application/pdf', size, fileName };
}

async function upload(client: InProcessFetch, hash: string, body: BodyInit, query = '') {
	const response = await client.fetch(`/api/sync/attachments/${hash}${query}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream' },
		body
	});
	return { status: response.status, body: await response.json() };
}

async function head(client: InProcessFetch, hash: string, query = '') {
	const response = await client.fetch(`/api/sync/attachments/${hash}${query}`, { method: 'HEAD' });
	// Every answer carries its own request id; what must match is everything else.
	const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'x-request-id'));
	return { status: response.status, headers };
}

const download = (client: InProcessFetch, hash: string, query = '') =>
	client.fetch(`/api/sync/attachments/${hash}${query}`);

const citing = (facilityId: string, id: string, ref: ReturnType<typeof fileRef>) =>
	noteEvidence(facilityId, id, { kind: 'file', attachment: ref });

describe.each(testDialects)('files belong to the centres that uploaded them, on %s', (dialect) => {
	let server: TestServer;
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;
	let advisorA: InProcessFetch;
	let leitungB: InProcessFetch;
	let advisorB: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		leitungA = await signedIn(server.ctx, 'leitung-a');
		teamA = await signedIn(server.ctx, 'team-a');
		advisorA = await signedIn(server.ctx, 'beratung');
		leitungB = await signedIn(server.ctx, 'leitung-b');
		advisorB = await signedIn(server.ctx, 'beratung-b');
		expect((await upload(teamA, SECRET_SHA, SECRET)).status).toBe(201);
	});
	afterEach(() => server.cleanup());

	it('refuses a push citing a foreign hash exactly like one citing a missing file', async () => {
		const pushed = await push(leitungB, DEVICE_OF_B, [
			change(1, 'evidence', citing('kita-b', 'ev-steal', fileRef(SECRET_SHA, SECRET.length))),
			change(2, 'evidence', citing('kita-b', 'ev-none', fileRef(NEVER_UPLOADED_SHA, SECRET.length)))
		]);
		const [foreign, missing] = pushed.body.results;
		expect(foreign).toMatchObject({ status: 'rejected', code: 'missing_attachment' });
		expect(foreign.reason).toBe(missing.reason);
		expect(missing).toMatchObject({ status: 'rejected', code: 'missing_attachment' });
		expect((await download(leitungB, SECRET_SHA)).status).toBe(404);

		// Nor by editing an existing record of its own to cite the file.
		const own = await push(leitungB, DEVICE_OF_B, [change(3, 'evidence', noteEvidence('kita-b', 'ev-b'))]);
		expect(own.body.results[0].status).toBe('accepted');
		const edit = await push(leitungB, DEVICE_OF_B, [
			change(
				4,
				'evidence',
				{ kind: 'file', attachment: fileRef(SECRET_SHA, SECRET.length) },
				{ recordId: 'ev-b', baseRevision: own.body.results[0].revision }
			)
		]);
		expect(edit.body.results[0]).toMatchObject({ status: 'rejected', code: 'missing_attachment' });
		expect((await download(leitungB, SECRET_SHA)).status).toBe(404);
		expect((await download(advisorB, SECRET_SHA)).status).toBe(404);
	});

	it('refuses a dossier hand-in citing a foreign hash and stores nothing', async () => {
		const handIn = await send(postDossier, {
			path: '/api/dossiers',
			body: sampleSubmission('kita-b', { attachment: fileRef(SECRET_SHA, SECRET.length) }),
			token: leitungB.token!
		});
		expect(handIn.status).toBe(409);
		expect(handIn.body.error).toMatchObject({ code: 'missing_attachment' });
		expect(handIn.body.error.message).toContain('hilfeplan.pdf');
		const dossiers = await server.ctx.db.selectFrom('dossiers').select('id').execute();
		expect(dossiers).toEqual([]);
		expect((await download(leitungB, SECRET_SHA)).status).toBe(404);
		expect((await download(advisorB, SECRET_SHA)).status).toBe(404);
	});

	it('answers HEAD for a foreign file exactly as for one the server does not have', async () => {
		const foreign = await head(leitungB, SECRET_SHA);
		const missing = await head(leitungB, NEVER_UPLOADED_SHA);
		expect(foreign.status).toBe(404);
		expect(foreign).toEqual(missing);
		expect(await head(leitungB, SECRET_SHA, '?facility=kita-a')).toEqual(missing);
		expect((await head(advisorB, SECRET_SHA)).status).toBe(404);
		// Its own centre sees it, with its size.
		expect(await head(leitungA, SECRET_SHA)).toMatchObject({
			status: 200,
			headers: { 'content-length': String(SECRET.length) }
		});
	});

	it('reads and checks a PUT of an existing hash in full, and answers it like a new file', async () => {
		const wrong = await upload(leitungB, SECRET_SHA, pdf('etwas ganz anderes'));
		expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'hash_mismatch' } } });
		expect((await download(leitungB, SECRET_SHA)).status).toBe(404);

		// Holding the bytes themselves is what makes B an owner; the answer does not tell that A had them.
		const fresh = pdf('ein neuer Flyer');
		const asNew = await upload(leitungB, sha256(fresh), fresh);
		const asForeign = await upload(leitungB, SECRET_SHA, SECRET);
		expect(asForeign.status).toBe(asNew.status);
		expect(asForeign.body).toEqual({ ...asNew.body, sha256: SECRET_SHA, size: SECRET.length });
		expect(asForeign).toMatchObject({ status: 201, body: { created: true } });
		expect((await upload(leitungB, SECRET_SHA, SECRET)).body.created).toBe(false);

		expect((await download(leitungB, SECRET_SHA)).status).toBe(200);
		const pushed = await push(leitungB, DEVICE_OF_B, [
			change(1, 'evidence', citing('kita-b', 'ev-b', fileRef(SECRET_SHA, SECRET.length)))
		]);
		expect(pushed.body.results[0].status).toBe('accepted');
		// Stored once, owned by both.
		const audit = (await listAudit(server.ctx.db)).filter((e) => e.action === 'attachment.upload');
		expect(audit.filter((e) => e.entityId === SECRET_SHA).map((e) => e.facilityId)).toEqual(
			expect.arrayContaining(['kita-a', 'kita-b'])
		);
	});

	it('makes no owner of an upload of a foreign hash that breaks off or is too large', async () => {
		let sent = false;
		const cut = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent) controller.error(new Error('connection reset'));
				else {
					sent = true;
					controller.enqueue(SECRET.slice(0, 20));
				}
			}
		});
		expect((await upload(leitungB, SECRET_SHA, cut)).body.error.code).toBe('upload_incomplete');
		const tooLarge = await leitungB.fetch(`/api/sync/attachments/${SECRET_SHA}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream', 'content-length': String(26 * 1024 * 1024) },
			body: SECRET
		});
		expect(tooLarge.status).toBe(413);
		expect((await download(leitungB, SECRET_SHA)).status).toBe(404);
		expect((await head(leitungB, SECRET_SHA)).status).toBe(404);
		// A's file is untouched.
		const response = await download(leitungA, SECRET_SHA);
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(SECRET);
	});

	it('lets a colleague cite a file a team member uploaded, and a second device download it', async () => {
		const pushed = await push(leitungA, DEVICE_A, [
			change(1, 'evidence', citing('kita-a', 'ev-a', fileRef(SECRET_SHA, SECRET.length)))
		]);
		expect(pushed.body.results[0].status).toBe('accepted');
		const otherDeviceOfA = await signedIn(server.ctx, 'leitung-a');
		const response = await download(otherDeviceOfA, SECRET_SHA);
		expect(response.status).toBe(200);
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(SECRET);

		// A record that drops its citation leaves the file with the centre (a dossier may cite it).
		const dropped = await push(leitungA, DEVICE_A, [
			change(2, 'evidence', { attachment: null, kind: 'note' }, { recordId: 'ev-a', baseRevision: 1 })
		]);
		expect(dropped.body.results[0].status).toBe('accepted');
		expect((await download(teamA, SECRET_SHA)).status).toBe(200);
	});

	it('lets the advisor of the owning centre download, not another advisor, nor after un-assignment', async () => {
		expect((await download(advisorA, SECRET_SHA)).status).toBe(200);
		expect((await download(advisorB, SECRET_SHA)).status).toBe(404);
		expect((await upload(advisorA, SECRET_SHA, SECRET)).status).toBe(403);

		await server.ctx.db
			.deleteFrom('advisor_assignments')
			.where('user_id', '=', 'beratung')
			.where('facility_id', '=', 'kita-a')
			.execute();
		expect((await download(advisorA, SECRET_SHA)).status).toBe(404);
		expect((await head(advisorA, SECRET_SHA)).status).toBe(404);
	});

	it('lets a browser keep a copy but asks the server on every use, so the cache gives no one else the file', async () => {
		const first = await download(leitungA, SECRET_SHA);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const etag = first.headers.get('etag')!;
		expect(etag).toBe(`"${SECRET_SHA}"`);
		const revalidate = (client: InProcessFetch) =>
			client.fetch(`/api/sync/attachments/${SECRET_SHA}`, { headers: { 'if-none-match': etag } });
		expect((await revalidate(leitungA)).status).toBe(304);
		expect((await revalidate(leitungB)).status).toBe(404);
		expect((await revalidate(advisorB)).status).toBe(404);
	});

	it('gives the admin neither the file nor an upload', async () => {
		await addUser(server.ctx, { id: 'admin', role: 'admin' });
		const admin = await signedIn(server.ctx, 'admin');
		expect((await download(admin, SECRET_SHA)).status).toBe(404);
		expect((await head(admin, SECRET_SHA)).status).toBe(404);
		expect((await upload(admin, SECRET_SHA, SECRET)).status).toBe(403);
	});

	it('records ownership for the facility named by ?facility=, for someone in several centres', async () => {
		await addFacility(server.ctx, 'kita-c');
		await addUser(server.ctx, { id: 'leitung-ac', role: 'leitung', facilityIds: ['kita-a', 'kita-c'] });
		const leitungAC = await signedIn(server.ctx, 'leitung-ac');
		const photo = jpegWith(JFIF_APP0);
		const photoSha = sha256(photo);

		expect((await upload(leitungAC, photoSha, photo, '?facility=kita-b')).status).toBe(403);
		expect((await upload(leitungAC, photoSha, photo, '?facility=kita-a')).status).toBe(201);
		expect((await head(leitungAC, photoSha, '?facility=kita-a')).status).toBe(200);
		expect((await head(leitungAC, photoSha, '?facility=kita-c')).status).toBe(404);
		// Without a facility: there only when every centre the user writes owns it (as a PUT would make).
		expect((await head(leitungAC, photoSha)).status).toBe(404);

		const ref = { sha256: photoSha, mimeType: 'image/jpeg', size: photo.length, fileName: 'foto.jpg' };
		const refused = await push(leitungAC, DEVICE_B, [
			change(1, 'evidence', noteEvidence('kita-c', 'ev-c', { kind: 'file', attachment: ref }))
		]);
		expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'missing_attachment' });

		expect((await upload(leitungAC, photoSha, photo)).status).toBe(201);
		expect((await head(leitungAC, photoSha)).status).toBe(200);
		const accepted = await push(leitungAC, DEVICE_B, [
			change(2, 'evidence', noteEvidence('kita-c', 'ev-c2', { kind: 'file', attachment: ref }))
		]);
		expect(accepted.body.results[0].status).toBe('accepted');
	});

	it('sends every download as an attachment, under a safe, RFC 5987-encoded name', async () => {
		const name = encodeURIComponent('Übersicht Öffnungszeiten "Sonnenblume".pdf');
		const response = await download(leitungA, SECRET_SHA, `?name=${name}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="Uebersicht Oeffnungszeiten Sonnenblume.pdf"; ` +
				`filename*=UTF-8''%C3%9Cbersicht%20%C3%96ffnungszeiten%20Sonnenblume.pdf`
		);
		const renamed = await download(leitungA, SECRET_SHA, `?name=${encodeURIComponent('../seite.html')}`);
		expect(renamed.headers.get('content-disposition')).toContain(`filename="seite.html.pdf"`);
		const unnamed = await download(leitungA, SECRET_SHA);
		expect(unnamed.headers.get('content-disposition')).toBe(
			`attachment; filename="datei-${SECRET_SHA.slice(0, 12)}.pdf"; filename*=UTF-8''datei-${SECRET_SHA.slice(0, 12)}.pdf`
		);
	});
});
