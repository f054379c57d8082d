// What `npm run backup` and `npm run restore` share: where the server keeps its data, the manifest
// and its checks. Plain Node, no SvelteKit: the scripts run without a build. The names below mirror
// the server's (src/lib/server/db/database.ts `SQLITE_FILE_NAME`, context.ts `blobs`, the blob
// layout of db/blobStore.ts); a test backs up and restores the real server, so a drift shows.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { root } from './build.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'guetesiegel-backup/1';
export const SQLITE_FILE_NAME = 'guetesiegel.sqlite';
export const PG_DUMP_FILE = 'database.pgdump';
export const BLOB_DIR = 'blobs';
export const MIGRATION_TABLE = 'kysely_migration';

/**
 * @typedef {object} ManifestFile
 * @property {string} path relative to the backup directory, with forward slashes
 * @property {number} size in bytes
 * @property {string} sha256 hex digest of the bytes
 */

/**
 * @typedef {object} Manifest
 * @property {string} format always MANIFEST_FORMAT
 * @property {string} createdAt ISO timestamp of the backup
 * @property {string} appVersion the version of the app that wrote it (package.json)
 * @property {{ kind: 'sqlite' | 'postgres', file: string, schema: string | null, migrations: string[] }} database
 * @property {'disk' | 'database'} fileStore where the attachment files were kept
 * @property {ManifestFile[]} files every file of the backup but the manifest itself
 */

/** The settings the server reads, as far as a backup needs them (see src/lib/server/config.ts). */
export function dataSettings(env = process.env) {
	const databaseUrl = env.DATABASE_URL?.trim() || null;
	const fileStore = env.FILE_STORE?.trim() || 'disk';
	if (fileStore !== 'disk' && fileStore !== 'database')
		throw new Error('FILE_STORE muss disk oder database sein.');
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
		throw new Error('DATABASE_URL muss mit postgres:// beginnen (für SQLite nicht setzen).');
	const schema = env.DATABASE_SCHEMA?.trim() || null;
	if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
		throw new Error('DATABASE_SCHEMA muss ein SQL-Name in Kleinbuchstaben sein.');
	return {
		// As scripts/start.js: relative to the project, default ./data.
		dataDir: resolve(root, env.DATA_DIR?.trim() || 'data'),
		databaseUrl,
		schema,
		fileStore: /** @type {'disk' | 'database'} */ (fileStore)
	};
}

/** @returns {string} the app's version from package.json */
export function appVersion() {
	return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/**
 * SHA-256 and size of a file, read as a stream (attachments go up to 25 MB, a database further).
 * @param {string} file
 * @returns {Promise<{ sha256: string, size: number }>}
 */
export async function hashFile(file) {
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of createReadStream(file)) {
		hash.update(chunk);
		size += chunk.length;
	}
	return { sha256: hash.digest('hex'), size };
}

/**
 * The stored blobs below a blob directory (`ab/cd/<sha256>`), without uploads in progress (`tmp/`).
 * @param {string} blobDir
 * @returns {string[]} paths relative to blobDir
 */
export function listBlobs(blobDir) {
	if (!existsSync(blobDir)) return [];
	/** @type {string[]} */
	const found = [];
	for (const entry of readdirSync(blobDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/^[0-9a-f]{64}$/.test(entry.name)) continue;
		const path = relative(blobDir, join(entry.parentPath, entry.name));
		if (path.split(sep)[0] === 'tmp') continue;
		found.push(path);
	}
	return found.sort();
}

/**
 * Whether a directory is missing or empty: the only place a restore writes to.
 * @param {string} dir
 */
export function isEmptyDir(dir) {
	return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Runs a PostgreSQL client program (pg_dump, pg_restore); its errors go to the user as they are.
 * @param {string} program
 * @param {string[]} args
 */
export function runPgTool(program, args) {
	const result = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT') {
		throw new Error(
			`${program} wurde nicht gefunden. Bitte die PostgreSQL-Client-Programme installieren ` +
				`(Debian/Ubuntu: apt install postgresql-client, in derselben oder einer neueren Version als der Server).`
		);
	}
	if (result.status !== 0)
		throw new Error(`${program} ist mit Code ${result.status ?? result.signal} beendet.`);
}

/**
 * Reads and checks a backup's manifest and every file it lists. Throws with a German message that
 * names the first file that is missing, has another size or other bytes than the manifest says.
 * @param {string} dir the backup directory
 * @returns {Promise<Manifest>}
 */
export async function verifyBackup(dir) {
	const manifestPath = join(dir, MANIFEST_FILE);
	if (!existsSync(manifestPath))
		throw new Error(`${manifestPath} fehlt: Das ist keine Sicherung dieser App.`);
	/** @type {Manifest} */
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	} catch {
		throw new Error(`${manifestPath} ist kein gültiges JSON: Die Sicherung ist beschädigt.`);
	}
	if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files) || !manifest.database)
		throw new Error(`${manifestPath} hat nicht das Format ${MANIFEST_FORMAT}.`);
	for (const file of manifest.files) {
		const path = resolve(dir, file.path);
		// A manifest must not point the restore outside its backup.
		if (!path.startsWith(resolve(dir) + sep)) throw new Error(`Ungültiger Pfad im Manifest: ${file.path}`);
		if (!existsSync(path)) throw new Error(`Die Sicherung ist unvollständig: ${file.path} fehlt.`);
		const actual = await hashFile(path);
		if (actual.size !== file.size || actual.sha256 !== file.sha256) {
			throw new Error(
				`Die Sicherung ist beschädigt oder verändert: ${file.path} stimmt nicht mit der Prüfsumme im Manifest überein.`
			);
		}
	}
	if (!manifest.files.some((f) => f.path === manifest.database.file))
		throw new Error(`Die Datenbankdatei ${manifest.database.file} fehlt im Manifest.`);
	return manifest;
}

/**
 * „1 Datei“, „2 Dateien“ (as src/lib/domain/plural.ts, which a plain script cannot import).
 * @param {number} count
 * @param {string} one
 * @param {string} many
 */
export function plural(count, one, many) {
	return `${count} ${count === 1 ? one : many}`;
}
