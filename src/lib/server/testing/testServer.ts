import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '$lib/domain/accounts';
import { hashPassword } from '$lib/server/auth/password';
import { loadConfig, type ServerConfig } from '$lib/server/config';
import type { ServerContext } from '$lib/server/context';
import { createServerContext, useServerContext } from '$lib/server/start';
import type { DialectName } from '$lib/server/db/database';

/** Server tests run once per database; CI has both (PostgreSQL with trust auth on 127.0.0.1). */
export const testDialects: DialectName[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A clock tests move by hand, starting at a fixed instant. */
export class TestClock {
	current = new Date('2026-11-23T08:00:00.000Z');
	now = () => new Date(this.current);
	advance(ms: number): void {
		this.current = new Date(this.current.getTime() + ms);
	}
}

export interface TestServer {
	ctx: ServerContext;
	clock: TestClock;
	config: ServerConfig;
	/** Closes the database and removes the temporary directory and PostgreSQL schema. */
	cleanup(): Promise<void>;
}

/**
 * A fresh server on its own temporary data directory and, for PostgreSQL, its own schema, so test
 * files running in parallel never meet. It also becomes the context the endpoint handlers use.
 */
export async function startTestServer(
	dialect: DialectName,
	overrides: Partial<ServerConfig> & { env?: NodeJS.ProcessEnv } = {}
): Promise<TestServer> {
	const { env, ...rest } = overrides;
	const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gsm-test-'));
	const schema =
		dialect === 'postgres' ? `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : null;
	const config: ServerConfig = {
		...loadConfig({ DATA_DIR: dataDir, DEMO_SEED: '0', ...env }),
		databaseUrl: dialect === 'postgres' ? TEST_DATABASE_URL : null,
		databaseSchema: schema,
		...rest
	};
	const clock = new TestClock();
	const cleanup = async (ctx?: ServerContext) => {
		await ctx?.close();
		if (schema) await dropSchema(schema);
		await fs.rm(dataDir, { recursive: true, force: true });
	};
	let ctx: ServerContext;
	try {
		ctx = await createServerContext(config, { now: clock.now, log: () => {} });
	} catch (error) {
		await cleanup();
		throw error;
	}
	useServerContext(ctx);
	return {
		ctx,
		clock,
		config,
		cleanup: async () => {
			useServerContext(null);
			await cleanup(ctx);
		}
	};
}

export async function dropSchema(schema: string): Promise<void> {
	const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
	await client.connect();
	try {
		await client.query(`drop schema if exists "${schema}" cascade`);
	} finally {
		await client.end();
	}
}

const hashes = new Map<string, Promise<string>>();

export const TEST_PASSWORD = 'richtig-geheim-1';

/** Inserts a facility directly (bypassing the admin endpoints, which have their own tests). */
export async function addFacility(ctx: ServerContext, id: string, familienzentrum = id): Promise<void> {
	await ctx.db
		.insertInto('facilities')
		.values({ id, name: `Kita ${id}`, familienzentrum, created_at: ctx.now().toISOString() })
		.execute();
}

/**
 * The two centres the sync tests work with: kita-a with its Leitung (`leitung-a`), a team member
 * (`team-a`) and an advisor (`beratung`), kita-b with its Leitung (`leitung-b`).
 */
export async function addTwoCentres(ctx: ServerContext): Promise<void> {
	await addFacility(ctx, 'kita-a');
	await addFacility(ctx, 'kita-b');
	await addUser(ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
	await addUser(ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
	await addUser(ctx, { id: 'beratung', role: 'fachberatung', facilityIds: ['kita-a'] });
	await addUser(ctx, { id: 'leitung-b', role: 'leitung', facilityIds: ['kita-b'] });
}

/** Inserts a user with a password (TEST_PASSWORD unless given) and its facilities. */
export async function addUser(
	ctx: ServerContext,
	user: { id: string; role: Role; facilityIds?: string[]; password?: string | null; disabled?: boolean }
): Promise<{ id: string; email: string; password: string }> {
	const password = user.password === undefined ? TEST_PASSWORD : user.password;
	let hash: string | null = null;
	if (password !== null) {
		if (!hashes.has(password)) hashes.set(password, hashPassword(password));
		hash = await hashes.get(password)!;
	}
	const email = `${user.id}@test.example`;
	await ctx.db
		.insertInto('users')
		.values({
			id: user.id,
			email,
			display_name: `Person ${user.id}`,
			role: user.role,
			password_hash: hash,
			disabled: user.disabled ? 1 : 0,
			created_at: ctx.now().toISOString()
		})
		.execute();
	for (const facilityId of user.facilityIds ?? []) {
		await ctx.db
			.insertInto(user.role === 'fachberatung' ? 'advisor_assignments' : 'user_facilities')
			.values({ user_id: user.id, facility_id: facilityId })
			.execute();
	}
	return { id: user.id, email, password: password ?? '' };
}
