import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import workingCatalogue2026 from '$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { getActiveCatalogueVersion, postCatalogue } from '$lib/server/catalogue/handlers';
import { builtInCatalogue, catalogueFor, previousBuiltInCatalogue } from '$lib/server/catalogue/catalogueFor';
import { send, type TestRequest } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import { addUser, startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';

describe.each(testDialects)('catalogue upload in format 1 and 2 on %s', (dialect) => {
	let server: TestServer;
	let admin: string;
	const upload = (body: unknown) =>
		send(postCatalogue, { path: '/api/admin/catalogues', body, token: admin } as TestRequest);

	beforeEach(async () => {
		server = await startTestServer(dialect);
		admin = await loginToken((await addUser(server.ctx, { id: 'admin', role: 'admin' })).email);
	});
	afterEach(() => server.cleanup());

	it('stores a format-2 catalogue as it is', async () => {
		const catalogue = { ...workingCatalogue, version: '2027.1-kopie' };
		const response = await upload({ catalogue, activate: true });
		expect(response.status).toBe(201);
		const active = await send(getActiveCatalogueVersion, { path: '/api/catalogue', token: admin });
		expect(active.body.catalogue).toEqual(catalogue);
	});

	it('converts a format-1 catalogue to format 2', async () => {
		const response = await upload({
			catalogue: { ...workingCatalogue2026, version: '2026.9' },
			activate: true
		});
		expect(response.status).toBe(201);
		const active = await send(getActiveCatalogueVersion, { path: '/api/catalogue', token: admin });
		expect(active.body.catalogue.format).toBe('guetesiegel-katalog/2');
		const office = active.body.catalogue.criteria.find((c: { id: string }) => c.id === '1.1');
		expect(office.rules).toBeUndefined();
		expect(office.thresholds).toEqual([
			expect.objectContaining({ source: 'officeHourSessions', per: 'month', months: 10 })
		]);
	});

	it('answers bad input with German errors and their place, never a 500', async () => {
		const broken = structuredClone(workingCatalogue) as unknown as { criteria: Record<string, unknown>[] };
		const office = broken.criteria[0] as { thresholds: Record<string, unknown>[] };
		office.thresholds[0].per = 'woche';
		broken.criteria[2].requires = { oder: ['1.3.1', '1.3.2', 'nichts'] };
		const response = await upload({ catalogue: broken });
		expect(response.status).toBe(400);
		expect(response.body.error.message).toBe('Der Katalog hat 2 Fehler.');
		expect(response.body.error.issues).toEqual([
			{
				path: ['catalogue', 'criteria', 0, 'thresholds', 0, 'per'],
				message: 'Ungültiger Wert „woche“. Erlaubt sind: „period“, „half“, „month“.'
			},
			{
				path: ['catalogue', 'criteria', 2, 'requires'],
				message: expect.stringContaining('Die Bedingung nennt „nichts“')
			}
		]);
		for (const body of [
			{ catalogue: 'kein Katalog' },
			{},
			{ catalogue: { format: 'guetesiegel-katalog/3' } }
		]) {
			const refused = await upload(body);
			expect(refused.status).toBe(400);
			expect(refused.body.error.issues[0].message).toMatch(/Katalog/);
		}
	});

	it('knows both built-in versions for centres that name them', async () => {
		expect(await catalogueFor(server.ctx.db, builtInCatalogue.id, '2026.1-arbeitsfassung')).toBe(
			previousBuiltInCatalogue
		);
		expect(await catalogueFor(server.ctx.db, builtInCatalogue.id, '2027.1-arbeitsfassung')).toBe(
			builtInCatalogue
		);
		expect(await catalogueFor(server.ctx.db, null, null)).toBe(builtInCatalogue);
	});
});
