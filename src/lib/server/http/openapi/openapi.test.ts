import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '$lib/server/testing/requests';
import { startTestServer, type TestServer } from '$lib/server/testing/testServer';
import { getOpenApi } from './handlers';
import { operations } from './operations';

const ROUTES = path.resolve('src/routes/api');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `METHOD /api/path/{param}` for every handler exported by a `+server.ts` under src/routes/api. */
function routesThatExist(): string[] {
	const found: string[] = [];
	for (const file of fs.readdirSync(ROUTES, { recursive: true, encoding: 'utf8' })) {
		if (path.basename(file) !== '+server.ts') continue;
		const source = fs.readFileSync(path.join(ROUTES, file), 'utf8');
		const route = `/api/${path.dirname(file)}`
			.replace(/\/\.$/, '')
			.replace(/\[(?:\.\.\.)?(\w+)\]/g, '{$1}')
			.replace(/\\/g, '/');
		for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) {
			if (METHODS.includes(method)) found.push(`${method} ${route}`);
		}
	}
	return found.sort();
}

describe('the OpenAPI description', () => {
	const described = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();

	// A failure here lists the routes to add to (or remove from) src/lib/server/http/openapi/operations.ts.
	it('describes every route under src/routes/api, and only those', () => {
		const existing = routesThatExist();
		expect({ undescribed: existing.filter((r) => !described.includes(r)) }).toEqual({ undescribed: [] });
		expect({ describedButMissing: described.filter((r) => !existing.includes(r)) }).toEqual({
			describedButMissing: []
		});
	});

	it('lists each route once', () => {
		expect(new Set(described).size).toBe(described.length);
	});

	describe('served at /api/openapi.json', () => {
		let server: TestServer;
		beforeAll(async () => {
			server = await startTestServer('sqlite');
		});
		afterAll(() => server.cleanup());

		it('is OpenAPI 3.1 JSON, without a session, with schemas from the zod definitions', async () => {
			const response = await send(getOpenApi, { path: '/api/openapi.json' });
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/json');
			const document = response.body;
			expect(document.openapi).toBe('3.1.0');
			expect(document.info.version).toBe(server.ctx.version);
			expect(Object.keys(document.paths).length).toBe(new Set(operations.map((o) => o.path)).size);

			const login = document.paths['/api/auth/login'].post;
			expect(login.security).toEqual([]);
			expect(login.requestBody.content['application/json'].schema).toMatchObject({
				type: 'object',
				required: ['email', 'password'],
				properties: {
					email: { type: 'string', maxLength: 254 },
					password: { type: 'string', maxLength: 200 }
				}
			});
			const team = document.paths['/api/team/{id}/reset-link'].post;
			expect(team['x-roles']).toEqual(['leitung']);
			expect(team.security).toEqual([{ session: [] }]);
			expect(team.parameters).toEqual([
				{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }
			]);
			expect(
				team.responses['200'].content['application/json'].schema.properties.link.properties
			).toHaveProperty('mail');
			expect(document.paths['/api/sync/pull'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
				'cursor',
				'limit'
			]);
			expect(document.paths['/api/dossiers/{id}/report.pdf'].get.responses['200'].content).toHaveProperty(
				'application/pdf'
			);
			expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
		});
	});
});
