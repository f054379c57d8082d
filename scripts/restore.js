// `npm run restore -- <dir>`: puts a backup of `npm run backup` back, into an empty DATA_DIR (and,
// on PostgreSQL, an empty schema). Every file is checked against the manifest first; a backup that
// is incomplete or changed is refused before anything is written. Stop the server first; start it
// afterwards as usual (a newer version applies its migrations then).
//
// Settings as the server's: DATA_DIR, DATABASE_URL, DATABASE_SCHEMA, FILE_STORE. See docs/server.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import {
	appVersion,
	BLOB_DIR,
	dataSettings,
	hashFile,
	isEmptyDir,
	plural,
	runPgTool,
	SQLITE_FILE_NAME,
	verifyBackup
} from './lib/backup.js';

/**
 * @param {string} databaseUrl
 * @param {string} schema
 * @returns {Promise<{ exists: boolean, empty: boolean }>} whether the schema exists and holds no table
 */
async function schemaState(databaseUrl, schema) {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query(
			`select exists (select 1 from information_schema.schemata where schema_name = $1) as exists,
				(select count(*)::int from information_schema.tables where table_schema = $1) as tables`,
			[schema]
		);
		return { exists: rows[0].exists, empty: rows[0].tables === 0 };
	} finally {
		await client.end();
	}
}

/**
 * Restores the dump. An existing empty schema (`public` always exists; the server creates its
 * schema at start) would make the dump's CREATE SCHEMA fail, so that one entry is left out.
 * @param {string} databaseUrl
 * @param {string} schema
 * @param {boolean} schemaExists
 * @param {string} dump
 */
function pgRestore(databaseUrl, schema, schemaExists, dump) {
	const args = ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${databaseUrl}`];
	if (!schemaExists) return runPgTool('pg_restore', [...args, dump]);
	const listed = spawnSync('pg_restore', ['--list', dump], { encoding: 'utf8' });
	if (listed.status !== 0) throw new Error(`pg_restore --list ist fehlgeschlagen: ${listed.stderr}`);
	const createSchema = new RegExp(`^\\d+; \\d+ \\d+ SCHEMA - ${schema} `);
	const list = listed.stdout
		.split('\n')
		.filter((line) => !createSchema.test(line))
		.join('\n');
	const listFile = join(mkdtempSync(join(tmpdir(), 'guetesiegel-restore-')), 'toc.list');
	writeFileSync(listFile, list);
	try {
		runPgTool('pg_restore', [...args, `--use-list=${listFile}`, dump]);
	} finally {
		rmSync(dirname(listFile), { recursive: true, force: true });
	}
}

/**
 * Copies one file of the backup into place and checks the copy, so a bad disk shows now.
 * @param {string} from
 * @param {string} to
 * @param {string} sha256
 */
async function restoreFile(from, to, sha256) {
	await mkdir(dirname(to), { recursive: true });
	await copyFile(from, to);
	if ((await hashFile(to)).sha256 !== sha256) throw new Error(`${to} wurde nicht vollständig geschrieben.`);
}

async function main() {
	const dirArg = process.argv[2];
	if (!dirArg) throw new Error('Aufruf: npm run restore -- <Sicherungsverzeichnis>');
	const dir = resolve(dirArg);
	const settings = dataSettings();
	if (!isEmptyDir(settings.dataDir)) {
		throw new Error(
			`DATA_DIR ${settings.dataDir} ist nicht leer. Die Wiederherstellung schreibt nur in ein leeres ` +
				'Verzeichnis, damit keine vorhandenen Daten überschrieben werden. Bitte ein leeres DATA_DIR angeben ' +
				'oder das vorhandene zuvor beiseite legen.'
		);
	}

	const manifest = await verifyBackup(dir);
	const { database } = manifest;
	console.log(
		`Sicherung vom ${manifest.createdAt} (App-Version ${manifest.appVersion}, ${database.kind}, ` +
			`${plural(database.migrations.length, 'Migration', 'Migrationen')}): ` +
			(manifest.files.length === 1
				? 'die Prüfsumme stimmt.'
				: `alle ${manifest.files.length} Prüfsummen stimmen.`)
	);
	if (manifest.appVersion !== appVersion())
		console.log(
			`Hinweis: Diese App hat Version ${appVersion()}; der Server passt die Datenbank beim Start an.`
		);

	let schemaExists = false;
	if (database.kind === 'postgres') {
		if (!settings.databaseUrl)
			throw new Error(
				'Die Sicherung stammt aus PostgreSQL: Bitte DATABASE_URL (und DATABASE_SCHEMA) setzen.'
			);
		const schema = settings.schema ?? 'public';
		if (schema !== database.schema)
			throw new Error(
				`Die Sicherung enthält das Schema „${database.schema}“; DATABASE_SCHEMA ist „${schema}“. ` +
					'Bitte DATABASE_SCHEMA passend setzen (oder eine eigene Datenbank verwenden).'
			);
		const state = await schemaState(settings.databaseUrl, schema);
		schemaExists = state.exists;
		if (!state.empty)
			throw new Error(
				`Das Schema „${schema}“ der Datenbank enthält schon Tabellen. Die Wiederherstellung schreibt nur in ` +
					'eine leere Datenbank (oder ein leeres Schema).'
			);
	} else if (settings.databaseUrl) {
		throw new Error('Die Sicherung stammt aus SQLite: Bitte DATABASE_URL nicht setzen.');
	}
	if (manifest.fileStore !== settings.fileStore)
		throw new Error(
			`Die Sicherung hat die Dateien ${manifest.fileStore === 'disk' ? 'im Datenverzeichnis' : 'in der Datenbank'}; ` +
				`bitte FILE_STORE=${manifest.fileStore} setzen.`
		);

	await mkdir(settings.dataDir, { recursive: true });
	const dumpFile = manifest.files.find((f) => f.path === database.file);
	if (!dumpFile) throw new Error('Die Datenbankdatei fehlt im Manifest.');
	if (database.kind === 'sqlite') {
		await restoreFile(join(dir, database.file), join(settings.dataDir, SQLITE_FILE_NAME), dumpFile.sha256);
	} else {
		pgRestore(
			/** @type {string} */ (settings.databaseUrl),
			database.schema ?? 'public',
			schemaExists,
			join(dir, database.file)
		);
	}
	let blobs = 0;
	for (const file of manifest.files) {
		if (!file.path.startsWith(`${BLOB_DIR}/`)) continue;
		await restoreFile(join(dir, file.path), join(settings.dataDir, file.path), file.sha256);
		blobs++;
	}
	console.log(
		`Wiederhergestellt nach ${settings.dataDir}` +
			(database.kind === 'postgres' ? ` und in das Schema „${database.schema}“` : '') +
			`: Datenbank und ${plural(blobs, 'Datei', 'Dateien')}. Der Server kann jetzt starten.`
	);
}

main().catch((error) => {
	console.error(`Wiederherstellung abgebrochen: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
