import { beforeEach, describe, expect, it } from 'vitest';
import { emptyOperator } from '$lib/domain/deployment/operator';
import { loadDeployment, readStoredDeployment } from './deployment';

const answer = {
	operator: { ...emptyOperator(), name: 'Stadt Musterstadt', email: 'info@musterstadt.example' }
};

function server(body: unknown, status = 200): typeof fetch {
	return async () =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const offline: typeof fetch = async () => {
	throw new TypeError('Failed to fetch');
};

beforeEach(() => localStorage.clear());

describe('loadDeployment', () => {
	it('answers what the server says and keeps it on the device', async () => {
		expect(await loadDeployment(server(answer))).toEqual({ info: answer, source: 'server' });
		expect(readStoredDeployment()).toEqual(answer);
	});

	it('offline, answers the copy kept on the device', async () => {
		await loadDeployment(server(answer));
		expect(await loadDeployment(offline)).toEqual({ info: answer, source: 'device' });
	});

	it('offline without a copy, answers nothing', async () => {
		expect(await loadDeployment(offline)).toEqual({ info: null, source: 'none' });
	});

	it('keeps the older copy when the server answers an error or nonsense', async () => {
		await loadDeployment(server(answer));
		expect(await loadDeployment(server({ error: { code: 'x', message: 'y' } }, 500))).toEqual({
			info: answer,
			source: 'device'
		});
		expect(await loadDeployment(server('kaputt'))).toEqual({ info: answer, source: 'device' });
		expect(readStoredDeployment()).toEqual(answer);
	});

	it('ignores a damaged copy on the device', async () => {
		localStorage.setItem('guetesiegel.deployment', '{kaputt');
		expect(await loadDeployment(offline)).toEqual({ info: null, source: 'none' });
	});
});
