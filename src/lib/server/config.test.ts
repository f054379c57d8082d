import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from './config';
import { ConfigError } from './configError';
import { applyListenDefaults, bodySizeBytes, checkListenSettings } from './listenSettings';
import { createServerContext, prepareDataDir } from '$lib/server/start';
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

describe('settings that stop the start, each named in its message', () => {
	const base = { ORIGIN: 'https://siegel.example.org' };
	const refusal = (env: NodeJS.ProcessEnv) => {
		try {
			checkListenSettings(env);
			loadConfig(env);
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			return { variable: (error as ConfigError).variable, message: (error as ConfigError).message };
		}
		return null;
	};

	it('starts with ORIGIN alone, or behind a proxy that passes scheme and host', () => {
		expect(refusal(base)).toBeNull();
		expect(refusal({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' })).toBeNull();
	});

	it.each([
		[{}, 'ORIGIN', /ORIGIN fehlt/],
		[{ PROTOCOL_HEADER: 'x-forwarded-proto' }, 'ORIGIN', /ORIGIN fehlt/],
		[{ ORIGIN: 'siegel.example.org' }, 'ORIGIN', /ORIGIN ist keine Adresse/],
		[{ ORIGIN: 'ftp://siegel.example.org' }, 'ORIGIN', /https:\/\//],
		[{ ORIGIN: 'https://siegel.example.org/app' }, 'ORIGIN', /ohne Pfad/],
		[{ ...base, PORT: '80a' }, 'PORT', /Portnummer/],
		[{ ...base, PORT: '70000' }, 'PORT', /Portnummer/],
		[{ ...base, ADDRESS_HEADER: 'X-Forwarded-For: 1' }, 'ADDRESS_HEADER', /Name eines HTTP-Headers/],
		[{ ...base, PROTOCOL_HEADER: 'x proto' }, 'PROTOCOL_HEADER', /Name eines HTTP-Headers/],
		[{ ...base, HOST_HEADER: 'host?' }, 'HOST_HEADER', /Name eines HTTP-Headers/],
		[{ ...base, XFF_DEPTH: '0' }, 'XFF_DEPTH', /ganze Zahl ab 1/],
		[{ ...base, SHUTDOWN_TIMEOUT: '30s' }, 'SHUTDOWN_TIMEOUT', /Sekunden/],
		[{ ...base, BODY_SIZE_LIMIT: 'viel' }, 'BODY_SIZE_LIMIT', /Größe wie 26M/],
		[{ ...base, BODY_SIZE_LIMIT: '512K' }, 'BODY_SIZE_LIMIT', /zu klein: Anlagen dürfen 25 MB/],
		[{ ...base, SERVER_PROCESSES: 'zwei' }, 'SERVER_PROCESSES', /ganze Zahl ab 1/],
		[{ ...base, SERVER_PROCESSES: '2' }, 'SERVER_PROCESSES', /braucht PostgreSQL/],
		[{ ...base, DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', /postgres:\/\//],
		[{ ...base, DATABASE_SCHEMA: 'Mein Schema' }, 'DATABASE_SCHEMA', /SQL-Name/],
		[{ ...base, DATABASE_POOL_SIZE: '-1' }, 'DATABASE_POOL_SIZE', /positive Zahl/],
		[{ ...base, SESSION_IDLE_HOURS: 'eine Woche' }, 'SESSION_IDLE_HOURS', /positive Zahl/],
		[{ ...base, LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', /fatal, error, warn, info, debug, trace, silent/],
		[{ ...base, LOG_FORMAT: 'text' }, 'LOG_FORMAT', /json oder pretty/]
	] as const)('refuses %o: %s', (env, variable, message) => {
		const refused = refusal(env);
		expect(refused?.variable).toBe(variable);
		expect(refused?.message).toMatch(message);
		expect(refused?.message).toContain(variable);
	});

	it('takes sizes and levels in the forms adapter-node and pino know', () => {
		for (const size of ['26M', '26m', '1G', '27262976', 'Infinity']) {
			expect(refusal({ ...base, BODY_SIZE_LIMIT: size }), size).toBeNull();
		}
		expect(loadConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty' }).log).toEqual({
			level: 'debug',
			format: 'pretty'
		});
		expect(loadConfig({}).log).toEqual({ level: 'info', format: 'json' });
	});

	it('gives node build the body size attachments need when none is set, and keeps a set one', () => {
		const env: NodeJS.ProcessEnv = {};
		applyListenDefaults(env);
		expect(env.BODY_SIZE_LIMIT).toBe('26M');
		expect(bodySizeBytes('26M')).toBeGreaterThan(25 * 1024 * 1024);
		const own: NodeJS.ProcessEnv = { BODY_SIZE_LIMIT: '100M' };
		applyListenDefaults(own);
		expect(own.BODY_SIZE_LIMIT).toBe('100M');
	});

	it('creates DATA_DIR, and names it when it cannot be created', () => {
		const parent = mkdtempSync(join(tmpdir(), 'gsm-config-'));
		try {
			prepareDataDir(join(parent, 'neu', 'data'));
			expect(existsSync(join(parent, 'neu', 'data'))).toBe(true);
			writeFileSync(join(parent, 'datei'), '');
			expect(() => prepareDataDir(join(parent, 'datei', 'data'))).toThrow(
				expect.objectContaining({
					variable: 'DATA_DIR',
					message: expect.stringMatching(/kann nicht angelegt/)
				})
			);
		} finally {
			rmSync(parent, { recursive: true, force: true });
		}
	});
});
