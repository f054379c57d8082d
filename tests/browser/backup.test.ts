// `npm run backup` copies a running server's data; `npm run restore` puts it into an empty DATA_DIR
// elsewhere, and a server started there has every record and file of the first (docs/server.md).
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '$lib/server/dossier/testing/fixtures';
import { dropSchema, TEST_DATABASE_URL } from '$lib/server/testing/testServer';
import { root } from '../../scripts/lib/build.js';
import { startServer, type RunningServer } from '../../scripts/lib/server.js';
import { pngWith } from '$lib/client/media/testBytes';
import { callApi as call, cookieOf } from './support/api';
import { DEMO } from './sync/support';

const FACILITY = 'demo-sonnenblume';
const BODY_LIMIT = { BODY_SIZE_LIMIT: '26M' };
const temporary: string[] = [];

function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temporary.push(dir);
	return dir;
}

/** Runs scripts/<script> as `npm run` would; never throws, returns exit code and output. */
function runScript(
	script: 'backup.js' | 'restore.js',
	dir: string,
	env: Record<string, string>
): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[join(root, 'scripts', script), dir],
			{ cwd: root, env: { ...process.env, ...env } },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` })
		);
	});
}

async function logIn(server: RunningServer): Promise<string> {
	const response = await call(server, 'POST', '/api/auth/login', {
		json: { email: DEMO.leitung.email, password: DEMO.leitung.password }
	});
	expect(response.status).toBe(200);
	return cookieOf(response);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function samplePdf(size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
	bytes.set(randomBytes(size - 20), 10);
	return bytes;
}

/** What a centre leaves on the server: a changed record, two files, a dossier. */
async function fillWithData(server: RunningServer): Promise<Uint8Array[]> {
	const cookie = await logIn(server);
	const files = [samplePdf(2 * 1024 * 1024 + 123), pngWith()];
	for (const bytes of files) {
		const put = await call(server, 'PUT', `/api/sync/attachments/${sha256(bytes)}`, { cookie, bytes });
		expect(put.status).toBe(201);
	}
	const pulled = (await (
		await call(server, 'GET', '/api/sync/pull?cursor=0&limit=1000', { cookie })
	).json()) as {
		records: { table: string; recordId: string; revision: number }[];
	};
	const status = pulled.records.find((r) => r.table === 'criterionStatuses')!;
	const pushed = await call(server, 'POST', '/api/sync/push', {
		cookie,
		json: {
			deviceId: crypto.randomUUID(),
			changes: [
				{
					seq: 1,
					table: 'criterionStatuses',
					recordId: status.recordId,
					op: 'put',
					values: { note: 'Vor der Sicherung geändert' },
					baseRevision: status.revision,
					changedAt: new Date().toISOString()
				}
			]
		}
	});
	expect(await pushed.json()).toMatchObject({ results: [{ status: 'accepted' }] });
	const dossier = await call(server, 'POST', '/api/dossiers', { cookie, json: sampleSubmission(FACILITY) });
	expect(dossier.status).toBe(201);
	return files;
}

/** Every row of every table, sorted, so two databases compare as values. */
function sqliteRows(file: string): Record<string, string[]> {
	const db = new SqliteDatabase(file, { readonly: true });
	try {
		const tables = db
			.prepare(
				`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
			)
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map(({ name }) => [
				name,
				db
					.prepare(`select * from "${name}"`)
					.all()
					.map((row) => JSON.stringify(row))
					.sort()
			])
		);
	} finally {
		db.close();
	}
}

async function postgresRows(url: string, schema: string): Promise<Record<string, string[]>> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows: tables } = await client.query(
			`select table_name from information_schema.tables where table_schema = $1 order by table_name`,
			[schema]
		);
		const out: Record<string, string[]> = {};
		for (const { table_name } of tables as { table_name: string }[]) {
			const { rows } = await client.query(`select * from "${schema}"."${table_name}"`);
			out[table_name] = rows.map((row) => JSON.stringify(row)).sort();
		}
		return out;
	} finally {
		await client.end();
	}
}

/** Blob name → hash of its content, for every stored file below a data directory. */
function blobHashes(dataDir: string): Record<string, string> {
	const dir = join(dataDir, 'blobs');
	if (!existsSync(dir)) return {};
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile() && !relative(dir, entry.parentPath).startsWith('tmp'))
			out[entry.name] = sha256(readFileSync(join(entry.parentPath, entry.name)));
	}
	return out;
}

async function expectServesFiles(server: RunningServer, files: Uint8Array[]): Promise<void> {
	const cookie = await logIn(server);
	for (const bytes of files) {
		const response = await call(server, 'GET', `/api/sync/attachments/${sha256(bytes)}`, { cookie });
		expect(response.status).toBe(200);
		expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bytes));
	}
	const dossiers = await call(server, 'GET', `/api/dossiers?facility=${FACILITY}`, { cookie });
	expect(((await dossiers.json()) as { dossiers: unknown[] }).dossiers).toHaveLength(1);
}

afterAll(() => {
	for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore on SQLite with files on disk', () => {
	let source: RunningServer;
	let files: Uint8Array[];
	const backupDir = () => join(temporary[0], 'sicherung');

	beforeAll(async () => {
		tempDir('gsm-backups-');
		// Its own directory, which stop() keeps, to compare with after the server has stopped.
		source = await startServer({
			dataDir: join(tempDir('gsm-source-'), 'data'),
			env: { DEMO_SEED: '1', ...BODY_LIMIT },
			timeoutMs: 120_000
		});
		files = await fillWithData(source);
	}, 300_000);

	afterAll(() => source?.stop());

	it('copies the running server, and a server on the restored copy has every row and file', async () => {
		// The server runs and has just written: recent commits sit in SQLite's WAL, not the main file.
		const backup = await runScript('backup.js', backupDir(), { DATA_DIR: source.dataDir });
		expect(backup, backup.output).toMatchObject({ code: 0 });
		const manifest = JSON.parse(readFileSync(join(backupDir(), 'manifest.json'), 'utf8'));
		expect(manifest).toMatchObject({
			format: 'guetesiegel-backup/1',
			appVersion: expect.any(String),
			database: { kind: 'sqlite', migrations: expect.arrayContaining(['20261121T0500_accounts']) },
			fileStore: 'disk'
		});
		expect(manifest.files).toHaveLength(3);

		const restoredDir = join(tempDir('gsm-restored-'), 'data');
		const restore = await runScript('restore.js', backupDir(), { DATA_DIR: restoredDir });
		expect(restore, restore.output).toMatchObject({ code: 0 });

		// Compared with the server stopped, so nothing changes underneath.
		await source.stop();
		const original = sqliteRows(join(source.dataDir, 'guetesiegel.sqlite'));
		expect(original.dossiers).toHaveLength(1);
		expect(original.sync_attachments).toHaveLength(2);
		expect(sqliteRows(join(restoredDir, 'guetesiegel.sqlite'))).toEqual(original);
		expect(blobHashes(restoredDir)).toEqual(blobHashes(source.dataDir));
		expect(Object.keys(blobHashes(restoredDir))).toHaveLength(2);

		const restored = await startServer({ dataDir: restoredDir, env: { DEMO_SEED: '0' }, timeoutMs: 120_000 });
		try {
			await expectServesFiles(restored, files);
		} finally {
			await restored.stop();
		}
	}, 300_000);

	it('takes a consistent copy while uploads keep arriving', async () => {
		const running = await startServer({
			dataDir: source.dataDir,
			env: { DEMO_SEED: '0', ...BODY_LIMIT },
			timeoutMs: 120_000
		});
		const busyDir = join(temporary[0], 'unter-last');
		try {
			const cookie = await logIn(running);
			let writing = true;
			const uploads = (async () => {
				let count = 0;
				while (writing) {
					const bytes = samplePdf(64 * 1024);
					const put = await call(running, 'PUT', `/api/sync/attachments/${sha256(bytes)}`, { cookie, bytes });
					expect(put.status).toBe(201);
					count++;
				}
				return count;
			})();
			const backup = await runScript('backup.js', busyDir, { DATA_DIR: running.dataDir });
			writing = false;
			expect(backup, backup.output).toMatchObject({ code: 0 });
			expect(await uploads).toBeGreaterThan(0);
		} finally {
			await running.stop();
		}

		const restoredDir = join(tempDir('gsm-restored-busy-'), 'data');
		expect(await runScript('restore.js', busyDir, { DATA_DIR: restoredDir })).toMatchObject({ code: 0 });
		const db = new SqliteDatabase(join(restoredDir, 'guetesiegel.sqlite'), { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			// Every file the copied database names is in the copy.
			const named = db.prepare('select sha256 from sync_attachments').all() as { sha256: string }[];
			const stored = blobHashes(restoredDir);
			for (const { sha256: hash } of named) expect(stored[hash]).toBe(hash);
		} finally {
			db.close();
		}
	}, 300_000);

	it('refuses a changed backup and a DATA_DIR that is not empty, writing nothing', async () => {
		const target = join(tempDir('gsm-refused-'), 'data');
		const tampered = join(temporary[0], 'verändert');
		cpSync(backupDir(), tampered, { recursive: true });
		const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8'));
		const blob = manifest.files.find((f: { path: string }) => f.path.startsWith('blobs/'));
		const bytes = readFileSync(join(tampered, blob.path));
		bytes[bytes.length - 1] ^= 1;
		writeFileSync(join(tampered, blob.path), bytes);

		const refused = await runScript('restore.js', tampered, { DATA_DIR: target });
		expect(refused.code).not.toBe(0);
		expect(refused.output).toContain(`${blob.path} stimmt nicht mit der Prüfsumme im Manifest überein`);
		expect(existsSync(target)).toBe(false);

		writeFileSync(join(tampered, 'manifest.json'), '{ kaputt');
		expect((await runScript('restore.js', tampered, { DATA_DIR: target })).output).toContain(
			'kein gültiges JSON'
		);

		const occupied = await runScript('restore.js', backupDir(), { DATA_DIR: source.dataDir });
		expect(occupied.code).not.toBe(0);
		expect(occupied.output).toContain('ist nicht leer');
		expect((await runScript('backup.js', backupDir(), { DATA_DIR: source.dataDir })).output).toContain(
			'ist nicht leer'
		);
	});
});

describe('backup and restore on PostgreSQL with files in the database', () => {
	const schema = `test_backup_${process.pid}`;
	const database = `test_restore_${process.pid}`;
	const restoredUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${database}`);
	const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, FILE_STORE: 'database' };
	let source: RunningServer;
	let files: Uint8Array[];

	async function admin(query: string): Promise<void> {
		const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	}

	beforeAll(async () => {
		await admin(`drop database if exists ${database}`);
		await admin(`create database ${database}`);
		source = await startServer({
			env: { ...env, SERVER_PROCESSES: '1', DEMO_SEED: '1', ...BODY_LIMIT },
			timeoutMs: 120_000
		});
		files = await fillWithData(source);
	}, 300_000);

	afterAll(async () => {
		await source?.stop();
		await dropSchema(schema);
		await admin(`drop database if exists ${database} with (force)`);
	});

	it('dumps the running server with pg_dump and restores it into an empty database', async () => {
		const backupDir = join(tempDir('gsm-pg-backup-'), 'sicherung');
		const backup = await runScript('backup.js', backupDir, { ...env, DATA_DIR: source.dataDir });
		expect(backup, backup.output).toMatchObject({ code: 0 });
		const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
		expect(manifest).toMatchObject({ database: { kind: 'postgres', schema }, fileStore: 'database' });

		const restoredDir = join(tempDir('gsm-pg-restored-'), 'data');
		const restoredEnv = { ...env, DATABASE_URL: restoredUrl, DATA_DIR: restoredDir };
		// As a server started once on the new database leaves it: the schema exists, empty.
		const client = new pg.Client({ connectionString: restoredUrl });
		await client.connect();
		await client.query(`create schema ${schema}`);
		await client.end();
		const restore = await runScript('restore.js', backupDir, restoredEnv);
		expect(restore, restore.output).toMatchObject({ code: 0 });

		await source.stop();
		const original = await postgresRows(TEST_DATABASE_URL, schema);
		expect(original.file_blobs).toHaveLength(2);
		expect(await postgresRows(restoredUrl, schema)).toEqual(original);

		const again = await runScript('restore.js', backupDir, {
			...restoredEnv,
			DATA_DIR: tempDir('gsm-empty-')
		});
		expect(again.code).not.toBe(0);
		expect(again.output).toContain('enthält schon Tabellen');

		const restored = await startServer({
			dataDir: restoredDir,
			env: { ...restoredEnv, SERVER_PROCESSES: '1', DEMO_SEED: '0' },
			timeoutMs: 120_000
		});
		try {
			await expectServesFiles(restored, files);
		} finally {
			await restored.stop();
		}
	}, 300_000);
});
