import { afterEach, describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from './config';
import { createServerContext } from '$lib/server/start';
import { startTestServer, testDialects, type TestServer } from './testing/testServer';

const warningsFor = (env: NodeJS.ProcessEnv) => configWarnings(loadConfig(env));

describe('warnings at start', () => {
	it('warns when an https origin has no ADDRESS_HEADER: every login would share the proxy address', () => {
		const [warning, ...rest] = warningsFor({ ORIGIN: 'https://siegel.example.org' });
		expect(rest).toEqual([]);
		expect(warning).toMatch(/ORIGIN ist https, aber ADDRESS_HEADER ist nicht gesetzt/);
		expect(warning).toMatch(/docs\/server\.md/);
	});

	it('is quiet behind a proxy that names the client, and on a local start', () => {
		expect(warningsFor({ ORIGIN: 'https://siegel.example.org', ADDRESS_HEADER: 'X-Forwarded-For' })).toEqual(
			[]
		);
		expect(warningsFor({ ORIGIN: 'http://localhost:3000' })).toEqual([]);
		expect(warningsFor({})).toEqual([]);
	});
});

describe.each(testDialects)('starting on %s', (dialect) => {
	let server: TestServer;
	afterEach(async () => {
		await server.cleanup();
	});

	it('prints the warning once, from the first process, and starts anyway', async () => {
		server = await startTestServer(dialect);
		const start = async (processIndex: number) => {
			const lines: string[] = [];
			const config = { ...server.config, origin: 'https://siegel.example.org', processIndex };
			const ctx = await createServerContext(config, { log: (line) => lines.push(line) });
			await ctx.close();
			return lines;
		};
		expect((await start(0)).filter((line) => line.includes('ADDRESS_HEADER'))).toHaveLength(1);
		expect(await start(1)).toEqual([]);
	});
});
