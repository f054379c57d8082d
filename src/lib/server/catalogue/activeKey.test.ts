import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getActiveCatalogueKey, getCatalogueByVersion, postCatalogue } from '$lib/server/catalogue/handlers';
import { miniCatalogue } from '$lib/server/testing/catalogue';
import { send } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import { addFacility, addUser, startTestServer, type TestServer } from '$lib/server/testing/testServer';

describe('catalogue versions for the devices', () => {
	let server: TestServer;
	let admin: string;
	let team: string;

	beforeEach(async () => {
		server = await startTestServer('sqlite');
		await addFacility(server.ctx, 'kita-a', 'FZ Nord');
		admin = await loginToken((await addUser(server.ctx, { id: 'admin', role: 'admin' })).email);
		const member = await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		team = await loginToken(member.email);
	});
	afterEach(() => server.cleanup());

	it('names the active catalogue id and version to every signed-in user', async () => {
		expect((await send(getActiveCatalogueKey, { path: '/api/catalogue/version', token: team })).status).toBe(
			404
		);
		await send(postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: miniCatalogue('2027.1'), activate: true },
			token: admin
		});
		const answer = await send(getActiveCatalogueKey, { path: '/api/catalogue/version', token: team });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ catalogueId: 'familienzentrum-nrw', version: '2027.1' });
	});

	it('answers 401 without a session', async () => {
		expect((await send(getActiveCatalogueKey, { path: '/api/catalogue/version' })).status).toBe(401);
	});

	it('hands out a stored version by id and version, 404 for an unknown one', async () => {
		await send(postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: miniCatalogue('2027.1') },
			token: admin
		});
		const path = '/api/catalogue/versions/familienzentrum-nrw/2027.1';
		const params = { catalogueId: 'familienzentrum-nrw', version: '2027.1' };
		const answer = await send(getCatalogueByVersion, { path, params, token: team });
		expect(answer.status).toBe(200);
		expect(answer.body.catalogue.version).toBe('2027.1');
		const unknown = { catalogueId: 'familienzentrum-nrw', version: '1999.1' };
		expect((await send(getCatalogueByVersion, { path, params: unknown, token: team })).status).toBe(404);
		expect((await send(getCatalogueByVersion, { path, params })).status).toBe(401);
	});
});
