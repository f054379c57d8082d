import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as accountsApi from '$lib/server/accounts/handlers';
import * as authApi from '$lib/server/auth/handlers';
import * as catalogueApi from '$lib/server/catalogue/handlers';
import { getHealth } from '$lib/server/http/health';
import { createSession } from '$lib/server/auth/sessions';
import * as syncApi from '$lib/server/sync/handlers';
import { inProcessFetch } from '$lib/server/sync/testing/inProcessFetch';
import { change, noteEvidence, pullAll, push, statusRecord } from '$lib/server/sync/testing/syncFixtures';
import { send, type TestRequest, type TestResponse } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import * as dossierApi from '$lib/server/dossier/handlers';
import * as dossierExportApi from '$lib/server/dossierExport/handlers';
import * as reviewApi from '$lib/server/review/handlers';
import { sampleSubmission } from './testing/fixtures';
import { getDeployment } from '$lib/server/http/deployment';
import { getOpenApi } from '$lib/server/http/openapi/handlers';

/**
 * A user of centre A tries to read or write centre B's data by every /api route. The route table
 * below must name every handler under src/routes/api (checked against the files), so a new route
 * cannot be added without saying how it keeps centres apart.
 */

type Handler = (event: RequestEvent) => Promise<Response>;
const PDF = new TextEncoder().encode('%PDF-1.4\n% Kita B\n%%EOF\n');
const SHA_B = createHash('sha256').update(PDF).digest('hex');
const DEVICE_OF_A = '0a0a0a0a-0000-4000-8000-0000000000aa';
const DEVICE_OF_B = '0b0b0b0b-0000-4000-8000-0000000000bb';
/** A fresh device of whoever sends the probe. */
const PROBE_DEVICE = '0c0c0c0c-0000-4000-8000-0000000000cc';

interface Probe {
	route: string;
	method: string;
	handler: Handler;
	/** What user A sends, aimed at centre B; `check` asserts that nothing of B came back or changed. */
	request: (ids: Ids) => TestRequest;
	check: (response: TestResponse, ids: Ids) => void | Promise<void>;
}

interface Ids {
	dossierB: string;
	teamB: string;
	catalogueId: string;
}

const refused = (response: TestResponse) => expect([403, 404]).toContain(response.status);
const revealsNothingOfB = (response: TestResponse) =>
	expect(JSON.stringify(response.body)).not.toMatch(/kita-b|team-b|leitung-b|Kita B/);

const probes: Probe[] = [
	// Open routes: nothing facility-specific in them.
	{
		route: 'health',
		method: 'GET',
		handler: getHealth,
		request: () => ({ path: '/api/health' }),
		check: revealsNothingOfB
	},
	{
		route: 'auth/login',
		method: 'POST',
		handler: authApi.postLogin,
		request: () => ({
			path: '/api/auth/login',
			body: { email: 'leitung-a@test.example', password: 'richtig-geheim-1' }
		}),
		check: (r) => {
			expect(r.status).toBe(200);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'auth/session',
		method: 'GET',
		handler: authApi.getSession,
		request: () => ({ path: '/api/auth/session' }),
		check: revealsNothingOfB
	},
	{
		route: 'auth/set-password',
		method: 'POST',
		handler: authApi.postSetPassword,
		request: () => ({
			path: '/api/auth/set-password',
			body: { token: 'x'.repeat(40), password: 'ein-neues-passwort' }
		}),
		check: (r) => expect(r.status).toBe(400)
	},
	{
		route: 'auth/forgot-password',
		method: 'GET',
		handler: authApi.getForgotPassword,
		request: () => ({ path: '/api/auth/forgot-password' }),
		check: revealsNothingOfB
	},
	{
		route: 'auth/forgot-password',
		method: 'POST',
		handler: authApi.postForgotPassword,
		// Same answer for every address; this test server sends no mail (503), so nothing of B either.
		request: () => ({ path: '/api/auth/forgot-password', body: { email: 'team-b@test.example' } }),
		check: (r) => {
			expect(r.status).toBe(503);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'auth/set-password',
		method: 'GET',
		handler: authApi.getPasswordLink,
		request: () => ({ path: `/api/auth/set-password?token=${'x'.repeat(40)}` }),
		check: (r) => {
			expect(r.body.state).toBe('invalid');
			revealsNothingOfB(r);
		}
	},
	{
		route: 'deployment',
		method: 'GET',
		handler: getDeployment,
		request: () => ({ path: '/api/deployment' }),
		check: revealsNothingOfB
	},
	{
		route: 'openapi.json',
		method: 'GET',
		handler: getOpenApi,
		request: () => ({ path: '/api/openapi.json' }),
		check: revealsNothingOfB
	},
	{
		route: 'catalogue',
		method: 'GET',
		handler: catalogueApi.getActiveCatalogueVersion,
		request: () => ({ path: '/api/catalogue' }),
		check: revealsNothingOfB
	},
	{
		route: 'catalogue/version',
		method: 'GET',
		handler: catalogueApi.getActiveCatalogueKey,
		request: () => ({ path: '/api/catalogue/version' }),
		check: revealsNothingOfB
	},
	{
		// Catalogue versions belong to the deployment, not to a centre: any signed-in user may read one.
		route: 'catalogue/versions/[catalogueId]/[version]',
		method: 'GET',
		handler: catalogueApi.getCatalogueByVersion,
		request: () => ({
			path: '/api/catalogue/versions/familienzentrum-nrw/2026.1',
			params: { catalogueId: 'familienzentrum-nrw', version: '2026.1' }
		}),
		check: revealsNothingOfB
	},
	// Sync.
	{
		route: 'sync/pull',
		method: 'GET',
		handler: syncApi.getPull,
		request: () => ({ path: '/api/sync/pull?cursor=0' }),
		check: (r) => {
			expect(r.status).toBe(200);
			expect(r.body.records.length).toBeGreaterThan(0);
			expect(r.body.records.every((rec: { facilityId: string }) => rec.facilityId === 'kita-a')).toBe(true);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'sync/push',
		method: 'POST',
		handler: syncApi.postPush,
		request: () => ({
			path: '/api/sync/push',
			body: {
				deviceId: PROBE_DEVICE,
				changes: [
					change(1, 'criterionStatuses', { status: 'offen' }, { recordId: 'kita-b:1.1', baseRevision: 1 }),
					change(2, 'evidence', { deleted: true }, { recordId: 'ev-b', baseRevision: 2, op: 'delete' }),
					change(3, 'criterionStatuses', statusRecord('kita-b', '2.1', 'erfuellt')),
					change(4, 'facilities', { id: 'kita-b', facilityId: 'kita-b', name: 'Übernommen' })
				]
			}
		}),
		check: (r) => {
			expect(r.status).toBe(200);
			for (const result of r.body.results)
				expect(result).toMatchObject({ status: 'rejected', code: 'permission' });
		}
	},
	{
		route: 'sync/attachments/[sha256]',
		method: 'GET',
		handler: syncApi.getAttachment,
		request: () => ({ path: `/api/sync/attachments/${SHA_B}`, params: { sha256: SHA_B } }),
		check: (r) => expect(r.status).toBe(404)
	},
	{
		route: 'sync/attachments/[sha256]',
		method: 'HEAD',
		handler: syncApi.headAttachment,
		request: () => ({ method: 'HEAD', path: `/api/sync/attachments/${SHA_B}`, params: { sha256: SHA_B } }),
		// B's file is answered as if the server did not have it: A does not own it.
		check: (r) => expect(r.status).toBe(404)
	},
	{
		route: 'sync/attachments/[sha256]',
		method: 'PUT',
		handler: syncApi.putAttachment,
		request: () => ({
			method: 'PUT',
			path: `/api/sync/attachments/${SHA_B}`,
			params: { sha256: SHA_B },
			rawBody: '%PDF-1.4\n% falsch\n%%EOF\n',
			headers: { 'content-type': 'application/octet-stream' }
		}),
		// Read and checked in full although B's file is there: bytes that are not the file are refused.
		check: (r) => {
			expect(r.status).toBe(400);
			expect(r.body.error).toMatchObject({ code: 'hash_mismatch' });
		}
	},
	// Dossiers.
	{
		route: 'dossiers',
		method: 'GET',
		handler: dossierApi.getDossiers,
		request: () => ({ path: '/api/dossiers?facility=kita-b' }),
		check: (r) => {
			expect(r.status).toBe(404);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'dossiers',
		method: 'POST',
		handler: dossierApi.postDossier,
		request: () => ({ path: '/api/dossiers', body: sampleSubmission('kita-b') }),
		check: (r) => expect(r.status).toBe(404)
	},
	{
		route: 'dossiers/[id]',
		method: 'GET',
		handler: dossierApi.getDossierById,
		request: (ids) => ({ path: `/api/dossiers/${ids.dossierB}`, params: { id: ids.dossierB } }),
		check: (r) => {
			expect(r.status).toBe(404);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'dossiers/[id]/outline',
		method: 'GET',
		handler: dossierApi.getDossierOutline,
		request: (ids) => ({ path: `/api/dossiers/${ids.dossierB}/outline`, params: { id: ids.dossierB } }),
		check: (r) => {
			expect(r.status).toBe(404);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'dossiers/[id]/export.zip',
		method: 'GET',
		handler: dossierExportApi.getDossierZip,
		request: (ids) => ({ path: `/api/dossiers/${ids.dossierB}/export.zip`, params: { id: ids.dossierB } }),
		check: (r) => {
			expect(r.status).toBe(404);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'dossiers/[id]/report.pdf',
		method: 'GET',
		handler: dossierExportApi.getDossierReportPdf,
		request: (ids) => ({ path: `/api/dossiers/${ids.dossierB}/report.pdf`, params: { id: ids.dossierB } }),
		check: (r) => {
			expect(r.status).toBe(404);
			revealsNothingOfB(r);
		}
	},
	// Review (the Fachberatung's routes).
	{
		route: 'review/facilities',
		method: 'GET',
		handler: reviewApi.getReviewFacilities,
		request: () => ({ path: '/api/review/facilities' }),
		check: refused
	},
	{
		route: 'review/facilities/[facilityId]',
		method: 'GET',
		handler: reviewApi.getReviewFacility,
		request: () => ({ path: '/api/review/facilities/kita-b', params: { facilityId: 'kita-b' } }),
		check: (r) => {
			refused(r);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'review/facilities/[facilityId]/context',
		method: 'GET',
		handler: reviewApi.getReviewContext,
		request: () => ({ path: '/api/review/facilities/kita-b/context', params: { facilityId: 'kita-b' } }),
		check: (r) => {
			refused(r);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'review/facilities/[facilityId]/feedback/[criterionId]',
		method: 'PUT',
		handler: reviewApi.putFeedback,
		request: () => ({
			method: 'PUT',
			path: '/api/review/facilities/kita-b/feedback/1.1',
			params: { facilityId: 'kita-b', criterionId: '1.1' },
			body: { verdict: 'nachbessern', text: 'Übernommen' }
		}),
		check: refused
	},
	{
		route: 'review/facilities/[facilityId]/feedback/[criterionId]',
		method: 'DELETE',
		handler: reviewApi.deleteFeedback,
		request: () => ({
			method: 'DELETE',
			path: '/api/review/facilities/kita-b/feedback/1.1',
			params: { facilityId: 'kita-b', criterionId: '1.1' }
		}),
		check: refused
	},
	{
		route: 'review/facilities/[facilityId]/feedback/[criterionId]/messages',
		method: 'POST',
		handler: reviewApi.postFeedbackComment,
		request: () => ({
			method: 'POST',
			path: '/api/review/facilities/kita-b/feedback/1.1/messages',
			params: { facilityId: 'kita-b', criterionId: '1.1' },
			body: { text: 'Eingeschleust' }
		}),
		check: refused
	},
	{
		route: 'review/facilities/[facilityId]/feedback/[criterionId]/resolve',
		method: 'POST',
		handler: reviewApi.postFeedbackResolved,
		request: () => ({
			method: 'POST',
			path: '/api/review/facilities/kita-b/feedback/1.1/resolve',
			params: { facilityId: 'kita-b', criterionId: '1.1' },
			body: {}
		}),
		check: refused
	},
	// The Leitung's team management.
	{
		route: 'team',
		method: 'GET',
		handler: accountsApi.getTeam,
		request: () => ({ path: '/api/team' }),
		check: (r) => {
			expect(r.status).toBe(200);
			revealsNothingOfB(r);
		}
	},
	{
		route: 'team',
		method: 'POST',
		handler: accountsApi.postTeamMember,
		request: () => ({
			path: '/api/team',
			body: { email: 'neu@test.example', displayName: 'Neu', facilityIds: ['kita-b'] }
		}),
		check: refused
	},
	{
		route: 'team/[id]',
		method: 'PATCH',
		handler: accountsApi.patchTeamMember,
		request: (ids) => ({
			method: 'PATCH',
			path: `/api/team/${ids.teamB}`,
			params: { id: ids.teamB },
			body: { disabled: true }
		}),
		check: refused
	},
	{
		route: 'team/[id]/reset-link',
		method: 'POST',
		handler: accountsApi.postTeamResetLink,
		request: (ids) => ({ path: `/api/team/${ids.teamB}/reset-link`, params: { id: ids.teamB }, body: {} }),
		check: refused
	},
	// Administration.
	{
		route: 'admin/facilities',
		method: 'GET',
		handler: accountsApi.getFacilities,
		request: () => ({ path: '/api/admin/facilities' }),
		check: refused
	},
	{
		route: 'admin/facilities',
		method: 'POST',
		handler: accountsApi.postFacility,
		request: () => ({ path: '/api/admin/facilities', body: { name: 'Neu' } }),
		check: refused
	},
	{
		route: 'admin/users',
		method: 'GET',
		handler: accountsApi.getUsers,
		request: () => ({ path: '/api/admin/users' }),
		check: refused
	},
	{
		route: 'admin/users',
		method: 'POST',
		handler: accountsApi.postUser,
		request: () => ({
			path: '/api/admin/users',
			body: { email: 'x@test.example', displayName: 'X', role: 'leitung', facilityIds: ['kita-b'] }
		}),
		check: refused
	},
	{
		route: 'admin/users/[id]',
		method: 'PATCH',
		handler: accountsApi.patchUser,
		request: () => ({
			method: 'PATCH',
			path: '/api/admin/users/leitung-a',
			params: { id: 'leitung-a' },
			body: { facilityIds: ['kita-a', 'kita-b'] }
		}),
		check: refused
	},
	{
		route: 'admin/users/[id]/reset-link',
		method: 'POST',
		handler: accountsApi.postUserResetLink,
		request: () => ({ path: '/api/admin/users/leitung-b/reset-link', params: { id: 'leitung-b' }, body: {} }),
		check: refused
	},
	{
		route: 'admin/assignments',
		method: 'GET',
		handler: accountsApi.getAssignments,
		request: () => ({ path: '/api/admin/assignments' }),
		check: refused
	},
	{
		route: 'admin/assignments',
		method: 'PUT',
		handler: accountsApi.putAssignments,
		request: () => ({
			method: 'PUT',
			path: '/api/admin/assignments',
			body: { advisorId: 'beratung-a', facilityIds: ['kita-a', 'kita-b'] }
		}),
		check: refused
	},
	{
		route: 'admin/catalogues',
		method: 'GET',
		handler: catalogueApi.getCatalogues,
		request: () => ({ path: '/api/admin/catalogues' }),
		check: refused
	},
	{
		route: 'admin/catalogues',
		method: 'POST',
		handler: catalogueApi.postCatalogue,
		request: () => ({ path: '/api/admin/catalogues', body: { catalogue: {}, activate: true } }),
		check: refused
	},
	{
		route: 'admin/catalogues/[id]/activate',
		method: 'POST',
		handler: catalogueApi.postCatalogueActivation,
		request: (ids) => ({
			path: `/api/admin/catalogues/${ids.catalogueId}/activate`,
			params: { id: ids.catalogueId },
			body: {}
		}),
		check: refused
	},
	{
		route: 'admin/audit',
		method: 'GET',
		handler: accountsApi.getAudit,
		request: () => ({ path: '/api/admin/audit?facilityId=kita-b' }),
		check: refused
	},
	// Ends A's own session only; run last.
	{
		route: 'auth/logout',
		method: 'POST',
		handler: authApi.postLogout,
		request: () => ({ path: '/api/auth/logout', body: {} }),
		check: revealsNothingOfB
	}
];

/** Every `export const GET|POST|…` of every +server.ts under src/routes/api, as `route METHOD`. */
function declaredRoutes(): string[] {
	const root = path.resolve('src/routes/api');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route = path.relative(root, dir).split(path.sep).join('/');
				for (const m of fs
					.readFileSync(full, 'utf8')
					.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) {
					found.push(`${route} ${m[1]}`);
				}
			}
		}
	};
	walk(root);
	return found.sort();
}

it('has an access probe for every /api route there is', () => {
	expect(probes.map((p) => `${p.route} ${p.method}`).sort()).toEqual(declaredRoutes());
});

describe.each(testDialects)('a user of one centre reaching for another centre on %s', (dialect) => {
	let server: TestServer;
	let ids: Ids;
	const tokens: Record<string, string> = {};

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a', 'FZ A');
		await addFacility(server.ctx, 'kita-b', 'FZ B');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'leitung-b', role: 'leitung', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'team-b', role: 'team', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'beratung-a', role: 'fachberatung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		for (const id of ['leitung-a', 'leitung-b', 'beratung-a', 'beratung-b']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
		// Centre A has a little, centre B has a status, evidence with a file, a dossier and feedback.
		await push(inProcessFetch(tokens['leitung-a']), DEVICE_OF_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'in_arbeit'))
		]);
		const leitungB = inProcessFetch(tokens['leitung-b']);
		const upload = await leitungB.fetch(`/api/sync/attachments/${SHA_B}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream' },
			body: PDF
		});
		expect(upload.status).toBe(201);
		const attachment = { sha256: SHA_B, mimeType: 'application/pdf', size: PDF.length, fileName: 'b.pdf' };
		const pushedB = await push(leitungB, DEVICE_OF_B, [
			change(1, 'criterionStatuses', statusRecord('kita-b', '1.1', 'erfuellt')),
			change(2, 'evidence', noteEvidence('kita-b', 'ev-b', { kind: 'file', attachment }))
		]);
		expect(pushedB.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
		const dossier = await send(dossierApi.postDossier, {
			path: '/api/dossiers',
			body: sampleSubmission('kita-b', { attachment }),
			token: tokens['leitung-b']
		});
		expect(dossier.status).toBe(201);
		const fb = await send(reviewApi.putFeedback, {
			method: 'PUT',
			path: '/api/review/facilities/kita-b/feedback/1.1',
			params: { facilityId: 'kita-b', criterionId: '1.1' },
			body: { verdict: 'passt', text: '' },
			token: tokens['beratung-b']
		});
		expect(fb.status).toBe(200);
		ids = { dossierB: dossier.body.dossier.id, teamB: 'team-b', catalogueId: 'familienzentrum-nrw@2026.1' };
	});
	afterEach(() => server.cleanup());

	/** Everything of centre B as its own Leitung pulls it, to compare before and after. */
	const stateOfB = async () =>
		(await pullAll(inProcessFetch(tokens['leitung-b']))).map((r) => [
			r.table,
			r.recordId,
			r.revision,
			r.record
		]);

	it.each(probes.map((p) => [`${p.method} /api/${p.route}`, p] as const))(
		'the Leitung of centre A gets nothing of centre B by %s',
		async (_name, probe) => {
			const before = await stateOfB();
			const response = await send(probe.handler, { token: tokens['leitung-a'], ...probe.request(ids) });
			await probe.check(response, ids);
			expect(await stateOfB()).toEqual(before);
		}
	);

	it('the advisor of centre A gets nothing of centre B by the routes an advisor uses', async () => {
		const as = (request: TestRequest) => ({ token: tokens['beratung-a'], ...request });
		const list = await send(reviewApi.getReviewFacilities, as({ path: '/api/review/facilities' }));
		expect(list.body.facilities.map((f: { id: string }) => f.id)).toEqual(['kita-a']);
		for (const probe of probes.filter((p) =>
			/^(review|dossiers|sync\/pull|sync\/attachments)/.test(p.route)
		)) {
			if (probe.route === 'review/facilities' || (probe.method === 'PUT' && probe.route.startsWith('sync')))
				continue;
			const response = await send(probe.handler, as(probe.request(ids)));
			if (probe.route === 'sync/pull') {
				expect(response.body.records.every((r: { facilityId: string }) => r.facilityId === 'kita-a')).toBe(
					true
				);
			} else expect([403, 404], `${probe.method} ${probe.route}`).toContain(response.status);
		}
		const pushed = await send(
			syncApi.postPush,
			as({ path: '/api/sync/push', body: probes.find((p) => p.route === 'sync/push')!.request(ids).body })
		);
		expect(pushed.body.results.every((r: { status: string }) => r.status === 'rejected')).toBe(true);
	});

	it('without a session every route but the public ones answers 401', async () => {
		const publicRoutes = [
			'health',
			'deployment',
			'openapi.json',
			'auth/login',
			'auth/set-password',
			'auth/forgot-password'
		];
		for (const probe of probes) {
			const response = await send(probe.handler, probe.request(ids));
			const open = publicRoutes.includes(probe.route);
			if (!open) expect(response.status, `${probe.method} ${probe.route}`).toBe(401);
		}
	});
});
