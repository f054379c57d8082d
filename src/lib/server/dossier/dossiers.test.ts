import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '$lib/server/accounts/audit';
import { createSession } from '$lib/server/auth/sessions';
import { getAttachment, putAttachment } from '$lib/server/sync/handlers';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { getDossierById, getDossierOutline, getDossiers, postDossier } from '$lib/server/dossier/handlers';
import { dossierOutlineResponseSchema } from '$lib/domain/dossier/outline';
import { sampleSubmission } from './testing/fixtures';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const pdfRef = {
	sha256: PDF_SHA,
	mimeType: 'application/pdf',
	size: PDF.length,
	fileName: 'vereinbarung.pdf'
};

describe.each(testDialects)('handing in dossiers on %s', (dialect) => {
	let server: TestServer;
	const tokens: Record<string, string> = {};

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'leitung-b', role: 'leitung', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'beratung-a', role: 'fachberatung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'admin', role: 'admin' });
		for (const id of ['leitung-a', 'team-a', 'leitung-b', 'beratung-a', 'beratung-b', 'admin']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
	});
	afterEach(() => server.cleanup());

	const handIn = (as: string, body: unknown) =>
		send(postDossier, { method: 'POST', path: '/api/dossiers', body, token: tokens[as] });
	const list = (as: string, facility: string) =>
		send(getDossiers, { path: `/api/dossiers?facility=${facility}`, token: tokens[as] });
	const read = (as: string, id: string) =>
		send(getDossierById, { path: `/api/dossiers/${id}`, params: { id }, token: tokens[as] });

	it('stores a hand-in as version 1 and every further hand-in of the period as the next version', async () => {
		const first = await handIn('leitung-a', sampleSubmission('kita-a'));
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({
			created: true,
			dossier: { facilityId: 'kita-a', periodKey: 'cy-2026', version: 1, submittedBy: 'Person leitung-a' }
		});
		const second = await handIn('leitung-a', sampleSubmission('kita-a', { statuses: { '1.1': 'erfuellt' } }));
		expect(second.body.dossier.version).toBe(2);
		const otherPeriod = await handIn('leitung-a', sampleSubmission('kita-a', { periodKey: 'cy-2025' }));
		expect(otherPeriod.body.dossier.version).toBe(1);

		const listed = await list('leitung-a', 'kita-a');
		expect(listed.status).toBe(200);
		expect(
			listed.body.dossiers.map((d: { periodKey: string; version: number }) => [d.periodKey, d.version])
		).toEqual([
			['cy-2026', 2],
			['cy-2026', 1],
			['cy-2025', 1]
		]);
	});

	it('keeps old versions readable exactly as they were handed in', async () => {
		const v1 = sampleSubmission('kita-a', { statuses: { '1.1': 'in_arbeit' } });
		const first = await handIn('leitung-a', v1);
		await handIn('leitung-a', sampleSubmission('kita-a', { statuses: { '1.1': 'erfuellt' } }));

		const old = await read('leitung-a', first.body.dossier.id);
		expect(old.status).toBe(200);
		expect(old.body.dossier.version).toBe(1);
		expect(old.body.dossier.snapshot).toEqual(v1.snapshot);
		expect(old.body.dossier.receivedAt).toBe(server.clock.now().toISOString());
	});

	it('stores a submission sent twice only once and answers it again', async () => {
		const submission = sampleSubmission('kita-a');
		const first = await handIn('leitung-a', submission);
		const again = await handIn('leitung-a', submission);
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ created: false, dossier: first.body.dossier });
		expect((await list('leitung-a', 'kita-a')).body.dossiers).toHaveLength(1);
	});

	it('gives hand-ins arriving at the same moment distinct versions', async () => {
		const results = await Promise.all(
			Array.from({ length: 5 }, () => handIn('leitung-a', sampleSubmission('kita-a')))
		);
		expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
		expect(results.map((r) => r.body.dossier.version).sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('refuses in the database itself to change or remove a stored dossier', async () => {
		const { body } = await handIn('leitung-a', sampleSubmission('kita-a'));
		const db = server.ctx.db;
		await expect(
			db.updateTable('dossiers').set({ snapshot: '{}' }).where('id', '=', body.dossier.id).execute()
		).rejects.toThrow(/immutable/);
		await expect(db.deleteFrom('dossiers').where('id', '=', body.dossier.id).execute()).rejects.toThrow(
			/immutable/
		);
		await expect(sql`update dossiers set version = 9`.execute(db)).rejects.toThrow(/immutable/);
		expect((await read('leitung-a', body.dossier.id)).body.dossier.version).toBe(1);
	});

	it('waits for the files a dossier cites, then lets the advisor download them', async () => {
		const submission = sampleSubmission('kita-a', { attachment: pdfRef });
		const early = await handIn('leitung-a', submission);
		expect(early.status).toBe(409);
		expect(early.body.error).toMatchObject({ code: 'missing_attachment' });
		expect(early.body.error.message).toContain('vereinbarung.pdf');

		const upload = await send(putAttachment, {
			method: 'PUT',
			path: `/api/sync/attachments/${PDF_SHA}`,
			params: { sha256: PDF_SHA },
			rawBody: new TextDecoder().decode(PDF),
			headers: { 'content-type': 'application/octet-stream' },
			token: tokens['leitung-a']
		});
		expect(upload.status).toBe(201);
		expect((await handIn('leitung-a', submission)).status).toBe(201);

		const download = (as: string) =>
			send(getAttachment, {
				path: `/api/sync/attachments/${PDF_SHA}`,
				params: { sha256: PDF_SHA },
				token: tokens[as]
			});
		expect((await download('beratung-a')).status).toBe(200);
		expect((await download('beratung-b')).status).toBe(404);
		expect((await download('leitung-b')).status).toBe(404);
	});

	it('records every hand-in in the audit log', async () => {
		const { body } = await handIn('leitung-a', sampleSubmission('kita-a'));
		const entries = await listAudit(server.ctx.db, { facilityId: 'kita-a' });
		expect(entries).toContainEqual(
			expect.objectContaining({
				userId: 'leitung-a',
				action: 'dossier.submit',
				entity: 'dossier',
				entityId: body.dossier.id,
				detail: expect.objectContaining({ periodKey: 'cy-2026', version: 1 })
			})
		);
	});

	it('lets only the Leitung of the centre hand in', async () => {
		const team = await handIn('team-a', sampleSubmission('kita-a'));
		expect(team.status).toBe(403);
		expect(team.body.error.message).toBe('Nur die Leitung kann die Mappe abgeben.');
		expect((await handIn('beratung-a', sampleSubmission('kita-a'))).status).toBe(403);
		expect((await handIn('leitung-b', sampleSubmission('kita-a'))).status).toBe(404);
		expect((await handIn('admin', sampleSubmission('kita-a'))).status).toBe(404);
		expect((await list('leitung-a', 'kita-a')).body.dossiers).toEqual([]);
	});

	it('shows a centre’s dossiers to its team and its advisor, and to nobody else', async () => {
		const { body } = await handIn('leitung-a', sampleSubmission('kita-a'));
		for (const who of ['leitung-a', 'team-a', 'beratung-a']) {
			expect((await list(who, 'kita-a')).status, who).toBe(200);
			expect((await read(who, body.dossier.id)).status, who).toBe(200);
		}
		for (const who of ['leitung-b', 'beratung-b', 'admin']) {
			expect((await list(who, 'kita-a')).status, who).toBe(404);
			expect((await read(who, body.dossier.id)).status, who).toBe(404);
		}
		expect((await read('leitung-a', 'no-such-dossier')).status).toBe(404);
	});

	it('answers a version read again from memory as before, and asks again who may read it', async () => {
		const { body } = await handIn('leitung-a', sampleSubmission('kita-a'));
		const first = await read('beratung-a', body.dossier.id);
		const again = await read('beratung-a', body.dossier.id);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);
		expect(again.body.catalogue).toMatchObject({ id: body.dossier.catalogueId });
		// Her centre is taken from her: the version she read a moment ago is unknown to her now.
		await server.ctx.db.deleteFrom('advisor_assignments').where('user_id', '=', 'beratung-a').execute();
		expect((await read('beratung-a', body.dossier.id)).status).toBe(404);
		expect((await read('beratung-b', body.dossier.id)).status).toBe(404);
	});

	it('answers the outline of a version: the whole one without its evidence, to the same readers', async () => {
		const { body } = await handIn(
			'leitung-a',
			sampleSubmission('kita-a', { statuses: { '1.1': 'erfuellt' } })
		);
		const id = body.dossier.id;
		const outline = (as: string) =>
			send(getDossierOutline, { path: `/api/dossiers/${id}/outline`, params: { id }, token: tokens[as] });
		const whole = (await read('beratung-a', id)).body;
		for (const attempt of [1, 2]) {
			const response = await outline('beratung-a');
			expect(response.status, `read ${attempt}`).toBe(200);
			const parsed = dossierOutlineResponseSchema.parse(response.body);
			expect(parsed.catalogue).toEqual(whole.catalogue);
			expect(parsed.dossier.snapshot.statuses).toEqual(whole.dossier.snapshot.statuses);
			expect(parsed.dossier.snapshot.evidenceCounts).toEqual({ '1.1': 1 });
			expect(parsed.dossier.snapshot).not.toHaveProperty('evidence');
			expect(parsed.dossier.snapshot).not.toHaveProperty('registerSummaries');
		}
		expect((await outline('leitung-a')).status).toBe(200);
		for (const who of ['leitung-b', 'beratung-b', 'admin'])
			expect((await outline(who)).status, who).toBe(404);
		// Kept in memory, the outline still asks who may read it.
		await server.ctx.db.deleteFrom('advisor_assignments').where('user_id', '=', 'beratung-a').execute();
		expect((await outline('beratung-a')).status).toBe(404);
	});

	it('refuses a dossier whose snapshot does not match its centre or its period', async () => {
		const wrongFacility = { ...sampleSubmission('kita-a'), facilityId: 'kita-b' };
		expect((await handIn('leitung-b', wrongFacility)).status).toBe(400);
		const submission = sampleSubmission('kita-a');
		submission.snapshot.period.end = '2026-06-30';
		const response = await handIn('leitung-a', submission);
		expect(response.status).toBe(400);
		expect(response.body.error.issues).toContainEqual(
			expect.objectContaining({ message: 'Der Betrachtungszeitraum passt nicht zu seiner Kennung.' })
		);
		expect((await handIn('leitung-a', { submissionId: 'x' })).status).toBe(400);
	});

	it('answers 401 without a session', async () => {
		const response = await send(getDossiers, { path: '/api/dossiers?facility=kita-a' });
		expect(response.status).toBe(401);
	});
});
