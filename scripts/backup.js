// `npm run backup -- <dir>`: a consistent copy of the server's data while it may be running, with a
// manifest of every file's SHA-256 and size. `npm run restore -- <dir>` puts it back (restore.js).
//
// - SQLite: better-sqlite3's online backup, a consistent snapshot even while the server writes
//   (copying the file itself is not: WAL mode keeps recent commits in a second file).
// - PostgreSQL: pg_dump (custom format) of the server's schema, one snapshot. pg_dump must be
//   installed, in the server's version or newer; with FILE_STORE=database the files are in it.
// - Files on disk (FILE_STORE=disk, also with PostgreSQL): copied after the database and checked
//   against their names. A file is stored before any row names it and never changes, so every file
//   the database copy names is already there; files added meanwhile are harmless extras.
//
// Settings as the server's: DATA_DIR, DATABASE_URL, DATABASE_SCHEMA, FILE_STORE. See docs/server.md.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
	appVersion,
	BLOB_DIR,
	dataSettings,
	hashFile,
	isEmptyDir,
	listBlobs,
	MANIFEST_FILE,
	MANIFEST_FORMAT,
	MIGRATION_TABLE,
	PG_DUMP_FILE,
	runPgTool,
	plural,
	SQLITE_FILE_NAME
} from './lib/backup.js';

/**
 * @param {string} file
 * @param {string} target
 * @returns {Promise<string[]>} the migrations applied in the copy
 */
async function backUpSqlite(file, target) {
	const source = new SqliteDatabase(file, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(target);
	} finally {
		source.close();
	}
	const copy = new SqliteDatabase(target, { readonly: true });
	try {
		const rows = /** @type {{ name: string }[]} */ (
			copy.prepare(`select name from ${MIGRATION_TABLE} order by name`).all()
		);
		return rows.map((r) => r.name);
	} finally {
		copy.close();
	}
}

/**
 * @param {string} databaseUrl
 * @param {string} schema
 * @param {string} target
 * @returns {Promise<string[]>} the migrations applied (read before the dump; the server does not
 *   migrate while running, so the dump has the same)
 */
async function backUpPostgres(databaseUrl, schema, target) {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	let migrations;
	try {
		const { rows } = await client.query(`select name from "${schema}".${MIGRATION_TABLE} order by name`);
		migrations = rows.map((r) => /** @type {string} */ (r.name));
	} finally {
		await client.end();
	}
	runPgTool('pg_dump', [
		'--format=custom',
		'--no-owner',
		'--no-privileges',
		`--schema=${schema}`,
		`--file=${target}`,
		`--dbname=${databaseUrl}`
	]);
	return migrations;
}

/**
 * @param {string} blobDir
 * @param {string} targetDir
 * @returns {Promise<import('./lib/backup.js').ManifestFile[]>}
 */
async function copyBlobs(blobDir, targetDir) {
	const files = [];
	for (const path of listBlobs(blobDir)) {
		const target = join(targetDir, BLOB_DIR, path);
		await mkdir(dirname(target), { recursive: true });
		await copyFile(join(blobDir, path), target);
		const { sha256, size } = await hashFile(target);
		// A blob is named by its hash: another hash means the stored file is damaged.
		if (sha256 !== basename(path))
			throw new Error(`Die gespeicherte Datei ${path} ist beschädigt (Prüfsumme).`);
		files.push({ path: `${BLOB_DIR}/${path.split(/[\\/]/).join('/')}`, size, sha256 });
	}
	return files;
}

async function main() {
	const dirArg = process.argv[2];
	if (!dirArg) throw new Error('Aufruf: npm run backup -- <Zielverzeichnis>');
	const dir = resolve(dirArg);
	if (!isEmptyDir(dir))
		throw new Error(`${dir} ist nicht leer. Bitte ein neues oder leeres Verzeichnis angeben.`);
	const settings = dataSettings();
	await mkdir(dir, { recursive: true });

	const createdAt = new Date().toISOString();
	/** @type {import('./lib/backup.js').Manifest['database']} */
	let database;
	if (settings.databaseUrl) {
		const schema = settings.schema ?? 'public';
		const migrations = await backUpPostgres(settings.databaseUrl, schema, join(dir, PG_DUMP_FILE));
		database = { kind: 'postgres', file: PG_DUMP_FILE, schema, migrations };
	} else {
		const source = join(settings.dataDir, SQLITE_FILE_NAME);
		const migrations = await backUpSqlite(source, join(dir, SQLITE_FILE_NAME));
		database = { kind: 'sqlite', file: SQLITE_FILE_NAME, schema: null, migrations };
	}
	const files = [{ path: database.file, ...(await hashFile(join(dir, database.file))) }];
	if (settings.fileStore === 'disk') files.push(...(await copyBlobs(join(settings.dataDir, BLOB_DIR), dir)));

	/** @type {import('./lib/backup.js').Manifest} */
	const manifest = {
		format: MANIFEST_FORMAT,
		createdAt,
		appVersion: appVersion(),
		database,
		fileStore: settings.fileStore,
		files
	};
	await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, '\t') + '\n');
	const blobs = files.length - 1;
	console.log(
		`Sicherung in ${dir}: Datenbank (${database.kind}, ${plural(database.migrations.length, 'Migration', 'Migrationen')}), ` +
			(settings.fileStore === 'disk'
				? `${blobs} ${blobs === 1 ? 'Datei' : 'Dateien'}`
				: 'Dateien in der Datenbank') +
			`, Manifest ${MANIFEST_FILE}.`
	);
}

main().catch((error) => {
	console.error(`Sicherung fehlgeschlagen: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
