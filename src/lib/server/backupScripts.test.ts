// The checks of scripts/backup.js and scripts/restore.js (scripts/lib/backup.js); the scripts
// themselves run against real servers in tests/browser/backup.test.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	dataSettings,
	isEmptyDir,
	listBlobs,
	MANIFEST_FORMAT,
	verifyBackup
} from '../../../scripts/lib/backup.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the backup manifest check', () => {
	let dir = '';
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'gsm-manifest-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	function write(files: Record<string, string>, listed = Object.keys(files)) {
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
		const manifest = {
			format: MANIFEST_FORMAT,
			createdAt: '2026-12-06T05:00:00.000Z',
			appVersion: '0.1.0',
			database: { kind: 'sqlite', file: 'guetesiegel.sqlite', schema: null, migrations: [] },
			fileStore: 'disk',
			files: listed.map((path) => ({
				path,
				size: files[path]?.length ?? 0,
				sha256: sha256(files[path] ?? '')
			}))
		};
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
		return manifest;
	}

	it('accepts a backup whose every file matches', async () => {
		write({ 'guetesiegel.sqlite': 'db', [`blobs/ab/cd/${sha256('x')}`]: 'x' });
		expect((await verifyBackup(dir)).files).toHaveLength(2);
	});

	it('names a missing file and one the manifest lists outside the backup', async () => {
		write({ 'guetesiegel.sqlite': 'db' }, ['guetesiegel.sqlite', 'blobs/fehlt']);
		await expect(verifyBackup(dir)).rejects.toThrow('blobs/fehlt fehlt');
		write({ 'guetesiegel.sqlite': 'db' }, ['guetesiegel.sqlite', '../ausserhalb']);
		await expect(verifyBackup(dir)).rejects.toThrow('Ungültiger Pfad');
	});

	it('refuses a directory without a manifest, or with one of another format', async () => {
		await expect(verifyBackup(dir)).rejects.toThrow('keine Sicherung');
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'anderes/1', files: [] }));
		await expect(verifyBackup(dir)).rejects.toThrow(MANIFEST_FORMAT);
	});

	it('lists stored blobs but not uploads in progress', () => {
		const blobs = join(dir, 'blobs');
		mkdirSync(join(blobs, 'ab', 'cd'), { recursive: true });
		mkdirSync(join(blobs, 'tmp'), { recursive: true });
		writeFileSync(join(blobs, 'ab', 'cd', sha256('a')), 'a');
		writeFileSync(join(blobs, 'tmp', sha256('b')), 'b');
		expect(listBlobs(blobs)).toEqual([join('ab', 'cd', sha256('a'))]);
		expect(isEmptyDir(join(dir, 'neu'))).toBe(true);
		expect(isEmptyDir(dir)).toBe(false);
	});

	it('reads the settings the server reads, and refuses what the server refuses', () => {
		expect(dataSettings({ DATA_DIR: '/srv/daten' })).toMatchObject({
			dataDir: '/srv/daten',
			fileStore: 'disk'
		});
		expect(() => dataSettings({ FILE_STORE: 'cloud' })).toThrow('FILE_STORE');
		expect(() => dataSettings({ DATABASE_URL: 'mysql://x' })).toThrow('postgres://');
	});
});
