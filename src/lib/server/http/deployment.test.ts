import { afterEach, describe, expect, it } from 'vitest';
import { getDeployment } from '$lib/server/http/deployment';
import { send } from '$lib/server/testing/requests';
import { startTestServer, type TestServer } from '$lib/server/testing/testServer';

describe('GET /api/deployment', () => {
	let server: TestServer | undefined;
	afterEach(() => server?.cleanup());

	it('answers the operator details from the environment without a session', async () => {
		server = await startTestServer('sqlite', {
			env: {
				OPERATOR_NAME: 'Stadt Musterstadt – Jugendamt',
				OPERATOR_ADDRESS: 'Markt 1 | 12345 Musterstadt',
				ACCESSIBILITY_CONTACT: 'barrierefrei@musterstadt.example'
			}
		});
		const response = await send(getDeployment, { path: '/api/deployment' });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.body).toEqual({
			operator: {
				name: 'Stadt Musterstadt – Jugendamt',
				address: 'Markt 1 | 12345 Musterstadt',
				representative: null,
				email: null,
				phone: null,
				privacyOfficer: null,
				accessibilityContact: 'barrierefrei@musterstadt.example'
			}
		});
	});

	it('answers every field as null when the deployment sets none', async () => {
		server = await startTestServer('sqlite');
		const response = await send(getDeployment, { path: '/api/deployment' });
		expect(response.status).toBe(200);
		expect(Object.values(response.body.operator)).toEqual(Array(7).fill(null));
	});
});
