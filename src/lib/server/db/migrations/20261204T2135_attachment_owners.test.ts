import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type OpenDatabase } from '$lib/server/db/database';
import { knownMigrations, migrateToLatest, type MigrationSet } from '$lib/server/db/migrate';
import { dropSchema, TEST_DATABASE_URL, testDialects } from '$lib/server/testing/testServer';

const THIS = '20261204T2135_attachment_owners';
const SHA_FLYER = 'f1'.repeat(32);
const SHA_PLAN = 'a2'.repeat(32);

/** The migrations a database had before this one. */
function before(name: string): MigrationSet {
	return Object.fromEntries(Object.entries(knownMigrations).filter(([known]) => known < name));
}

describe.each(testDialects)(`migration ${THIS} on %s`, (dialect) => {
	let database: OpenDatabase | undefined;
	let dataDir = '';
	let schema: string | null = null;

	afterEach(async () => {
		await database?.close();
		database = undefined;
		if (schema) await dropSchema(schema);
		await fs.rm(dataDir, { recursive: true, force: true });
	});

	it('makes every facility whose records cite a file today its owner, and no other', async () => {
		dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gsm-owners-'));
		schema =
			dialect === 'postgres' ? `test_own_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : null;
		database = await createDatabase({
			dataDir,
			databaseUrl: dialect === 'postgres' ? TEST_DATABASE_URL : null,
			databaseSchema: schema
		});
		const db = database.db;
		await migrateToLatest(db, dialect, before(THIS));

		// The flyer: uploaded once, cited by two centres. The plan: cited by one, its file row missing.
		await db
			.insertInto('sync_attachments')
			.values({
				sha256: SHA_FLYER,
				mime_type: 'application/pdf',
				size: 1200,
				uploaded_by: 'leitung-a',
				uploaded_at: '2026-11-25T09:00:00.000Z'
			})
			.execute();
		await db
			.insertInto('sync_attachment_citations')
			.values([
				{ sha256: SHA_FLYER, facility_id: 'kita-a' },
				{ sha256: SHA_FLYER, facility_id: 'kita-b' },
				{ sha256: SHA_PLAN, facility_id: 'kita-a' }
			])
			.execute();

		expect(await migrateToLatest(db, dialect)).toContain(THIS);
		const owners = await db
			.selectFrom('sync_attachment_owners')
			.select(['sha256', 'facility_id', 'uploaded_by', 'uploaded_at'])
			.orderBy('sha256')
			.orderBy('facility_id')
			.execute();
		expect(owners).toEqual([
			{ sha256: SHA_PLAN, facility_id: 'kita-a', uploaded_by: null, uploaded_at: expect.any(String) },
			{
				sha256: SHA_FLYER,
				facility_id: 'kita-a',
				uploaded_by: null,
				uploaded_at: '2026-11-25T09:00:00.000Z'
			},
			{
				sha256: SHA_FLYER,
				facility_id: 'kita-b',
				uploaded_by: null,
				uploaded_at: '2026-11-25T09:00:00.000Z'
			}
		]);
	});
});
