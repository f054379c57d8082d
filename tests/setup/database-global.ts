// The server suites create and drop a PostgreSQL schema per test (src/lib/server/testing/testServer.ts).
// Each drop leaves dead rows in the system catalogs, tens of thousands per run; where autovacuum is off,
// as on the CI machines, nothing reclaims them, and the test database grows with every run. A VACUUM
// of the catalogs after the run makes that space reusable.
import pg from 'pg';
import { TEST_DATABASE_URL } from '../../src/lib/server/testing/testServer';

const CATALOGS = [
	'pg_attribute',
	'pg_attrdef',
	'pg_class',
	'pg_constraint',
	'pg_depend',
	'pg_index',
	'pg_type'
];

export default function setup(): () => Promise<void> {
	return async () => {
		const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
		try {
			await client.connect();
			await client.query(`vacuum ${CATALOGS.map((name) => `pg_catalog.${name}`).join(', ')}`);
		} catch (error) {
			// Housekeeping only: a run without PostgreSQL has failed its PostgreSQL suites already.
			console.warn(`Skipped vacuuming the test database's catalogs: ${(error as Error).message}`);
		} finally {
			await client.end().catch(() => undefined);
		}
	};
}
