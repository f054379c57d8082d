import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/domain/accounts';
import { INDEX_FILE, MISSING_FILE, REPORT_FILE } from '$lib/domain/dossierExport/exportPlan';
import { MISSING_REASONS } from '$lib/domain/dossierExport/indexCsv';
import { fixtureFiles, type FixtureFile } from '$lib/domain/dossierExport/testing/exportFixture';
import { createSession } from '$lib/server/auth/sessions';
import * as dossierApi from '$lib/server/dossier/handlers';
import { sampleSubmission } from '$lib/server/dossier/testing/fixtures';
import { handle } from '$lib/server/http/handle';
import { inProcessFetch } from '$lib/server/sync/testing/inProcessFetch';
import { send, TEST_ORIGIN } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { loadDossierExport } from './exportData';
import { getDossierReportPdf, getDossierZip } from './handlers';
import { dossierZipStream } from './zipStream';

/**
 * The advisor's PDF and ZIP of a stored dossier version (issue 14, part 4): the same archive as on
 * the device, streamed, for the centre and its advisors only.
 */

type Handler = (event: RequestEvent) => Promise<Response>;

/** A GET through the real `handle` hook, answering the raw Response (the ZIP is binary). */
async function get(handler: Handler, token: string, id: string): Promise<Response> {
	const url = new URL(`/api/dossiers/${encodeURIComponent(id)}/export`, TEST_ORIGIN);
	const event = {
		cookies: {
			get: () => token,
			getAll: () => [],
			set: () => {},
			delete: () => {},
			serialize: () => ''
		},
		fetch,
		getClientAddress: () => '192.0.2.1',
		locals: { user: null, session: null },
		params: { id },
		platform: undefined,
		request: new Request(url),
		route: { id: null },
		setHeaders: () => {},
		url,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false
	} as unknown as RequestEvent;
	return handle({ event, resolve: (e) => handler(e) });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function indexPaths(csv: string): string[] {
	return csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.slice(1)
		.map((line) => line.split(';')[0].replace(/^"|"$/g, ''));
}

describe.each(testDialects)('dossier export on the server (%s)', (dialect) => {
	let server: TestServer;
	let files: FixtureFile[];
	let dossierId: string;
	const tokens: Record<string, string> = {};

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a', 'FZ A');
		await addFacility(server.ctx, 'kita-b', 'FZ B');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung-a', role: 'fachberatung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		for (const id of ['leitung-a', 'beratung-a', 'beratung-b']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
		files = await fixtureFiles(70_000);
		const device = inProcessFetch(tokens['leitung-a']);
		for (const file of files) {
			const upload = await device.fetch(`/api/sync/attachments/${file.sha256}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream' },
				body: file.bytes as Uint8Array<ArrayBuffer>
			});
			expect(upload.status).toBe(201);
		}
		const submission = sampleSubmission('kita-a');
		submission.snapshot.evidence.push(
			...files.map((f) => ({
				id: f.id,
				kind: f.mimeType.startsWith('image/') ? ('photo' as const) : ('file' as const),
				title: f.title,
				note: '',
				url: '',
				date: '2026-02-01',
				validUntil: null,
				criterionIds: f.criterionIds,
				attachment: { sha256: f.sha256, fileName: f.fileName, mimeType: f.mimeType, size: f.bytes.byteLength }
			}))
		);
		const stored = await send(dossierApi.postDossier, {
			path: '/api/dossiers',
			body: submission,
			token: tokens['leitung-a']
		});
		expect(stored.status).toBe(201);
		dossierId = stored.body.dossier.id;
	});
	afterEach(() => server.cleanup());

	it('streams a ZIP whose entries equal its index, with the uploaded bytes', async () => {
		const response = await get(getDossierZip, tokens['beratung-a'], dossierId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="Mappe Kita kita-a .*\.zip"; filename\*=UTF-8''/
		);
		expect(response.body).toBeInstanceOf(ReadableStream);

		const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const root = Object.keys(entries)[0].split('/')[0];
		expect(Object.keys(entries).sort()).toEqual(
			indexPaths(strFromU8(entries[`${root}/${INDEX_FILE}`])).sort()
		);
		expect(strFromU8(entries[`${root}/${REPORT_FILE}`].subarray(0, 5))).toBe('%PDF-');
		for (const file of files) {
			const paths = Object.keys(entries).filter((p) =>
				p.split('/').at(-1)!.includes(file.title.slice(0, 10))
			);
			expect(paths.length).toBe(file.criterionIds.length);
			for (const path of paths) expect(sha256(entries[path])).toBe(file.sha256);
		}
		expect(entries[`${root}/${MISSING_FILE}`]).toBeUndefined();
	});

	it('leaves out a file the centre does not own and lists it as missing', async () => {
		const photo = files.find((f) => f.id === 'ev-foto')!;
		await server.ctx.db.deleteFrom('sync_attachment_owners').where('sha256', '=', photo.sha256).execute();
		const response = await get(getDossierZip, tokens['leitung-a'], dossierId);
		const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const root = Object.keys(entries)[0].split('/')[0];
		expect(Object.keys(entries).some((p) => p.includes('Aushang'))).toBe(false);
		expect(Object.keys(entries).sort()).toEqual(
			indexPaths(strFromU8(entries[`${root}/${INDEX_FILE}`])).sort()
		);
		const text = strFromU8(entries[`${root}/${MISSING_FILE}`]);
		expect(text).toContain('Aushang Sprechstunde');
		expect(text).toContain(MISSING_REASONS.notOwned);
	});

	it('stops writing when the client goes away', async () => {
		const user: SessionUser = {
			id: 'leitung-a',
			email: 'leitung-a@test.example',
			displayName: 'Lea',
			role: 'leitung',
			facilities: [{ id: 'kita-a', name: 'Kita kita-a', familienzentrum: 'FZ A' }]
		};
		const data = await loadDossierExport(server.ctx, user, dossierId);
		const { stream, done } = dossierZipStream(server.ctx, data, new TextEncoder().encode('%PDF-1.7\n'));
		const reader = stream.getReader();
		expect((await reader.read()).done).toBe(false);
		await reader.cancel();
		await expect(done).rejects.toBeDefined();
	});

	it('answers the report as a PDF download', async () => {
		const response = await get(getDossierReportPdf, tokens['leitung-a'], dossierId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename=".*Bericht\.pdf"; filename\*=UTF-8''/
		);
		expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
	});

	it.each([
		['export.zip', getDossierZip],
		['report.pdf', getDossierReportPdf]
	])(
		'refuses %s to another centre’s advisor and for unknown ids with the same 404',
		async (_name, handler) => {
			const otherAdvisor = await get(handler, tokens['beratung-b'], dossierId);
			const unknown = await get(handler, tokens['beratung-a'], 'gibt-es-nicht');
			const impossible = await get(handler, tokens['beratung-a'], 'x'.repeat(500));
			expect([otherAdvisor.status, unknown.status, impossible.status]).toEqual([404, 404, 404]);
			const body = await otherAdvisor.json();
			expect(body).toEqual({ error: { code: 'not_found', message: 'Diese Mappe gibt es nicht.' } });
			expect(await unknown.json()).toEqual(body);
			expect((await impossible.json()).error.code).toBe('not_found');
		}
	);
});
