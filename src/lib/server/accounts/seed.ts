import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Role } from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import { hashPassword } from '$lib/server/auth/password';
import { createPasswordLink } from '$lib/server/auth/passwordLinks';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';

/** Ids of what the demo seed creates, handed to the hooks that add demo data on top. */
export interface DemoDeployment {
	facilities: { sonnenblume: string; regenbogen: string };
	users: { admin: string; leitung: string; team: string; beratung: string; leitungRegenbogen: string };
}

export interface DemoSeedModule {
	/** Runs in the seeding transaction; adds demo records (criterion statuses, evidence…). */
	seedDemoData(trx: Transaction<Database>, demo: DemoDeployment, now: Date): Promise<void>;
}

// Sync adds its demo data by providing this module; bundled at build time, absent is fine.
const demoDataModules = import.meta.glob<DemoSeedModule>('../sync/demoSeed.ts', { eager: true });

export const DEMO_FACILITIES = {
	sonnenblume: { id: 'demo-sonnenblume', name: 'Familienzentrum Sonnenblume' },
	regenbogen: { id: 'demo-regenbogen', name: 'Familienzentrum Regenbogen' }
} as const;

interface DemoAccount {
	key: keyof DemoDeployment['users'];
	email: string;
	password: string;
	displayName: string;
	role: Role;
	facilityId: string | null;
}

/** Fixed so the README can name them; DEMO_SEED=0 keeps them off a real deployment. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		key: 'admin',
		email: 'admin@demo.example',
		password: 'Demo-Admin-2026',
		displayName: 'Demo Admin',
		role: 'admin',
		facilityId: null
	},
	{
		key: 'leitung',
		email: 'leitung@demo.example',
		password: 'Demo-Leitung-2026',
		displayName: 'Lea Leitung',
		role: 'leitung',
		facilityId: DEMO_FACILITIES.sonnenblume.id
	},
	{
		key: 'team',
		email: 'team@demo.example',
		password: 'Demo-Team-2026',
		displayName: 'Tom Team',
		role: 'team',
		facilityId: DEMO_FACILITIES.sonnenblume.id
	},
	{
		key: 'beratung',
		email: 'beratung@demo.example',
		password: 'Demo-Beratung-2026',
		displayName: 'Berit Beratung',
		role: 'fachberatung',
		facilityId: DEMO_FACILITIES.sonnenblume.id
	},
	{
		key: 'leitungRegenbogen',
		email: 'leitung.regenbogen@demo.example',
		password: 'Demo-Regenbogen-2026',
		displayName: 'Rita Regenbogen',
		role: 'leitung',
		facilityId: DEMO_FACILITIES.regenbogen.id
	}
];

/**
 * On an empty database (no users yet), creates the demo deployment: two Familienzentren, a Leitung
 * and a team member of Sonnenblume, an advisor assigned to Sonnenblume only, a Leitung of Regenbogen
 * (to show that centres do not see each other) and an admin. All in one transaction, so a crash
 * leaves an empty database that is seeded again on the next start.
 */
export async function seedDemoDeployment(ctx: ServerContext): Promise<DemoDeployment | null> {
	if (await hasUsers(ctx)) return null;
	const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
	const now = ctx.now();
	const demo: DemoDeployment = {
		facilities: { sonnenblume: DEMO_FACILITIES.sonnenblume.id, regenbogen: DEMO_FACILITIES.regenbogen.id },
		users: { admin: '', leitung: '', team: '', beratung: '', leitungRegenbogen: '' }
	};
	await ctx.db.transaction().execute(async (trx) => {
		for (const facility of Object.values(DEMO_FACILITIES)) {
			await trx
				.insertInto('facilities')
				.values({ ...facility, familienzentrum: facility.name, created_at: now.toISOString() })
				.execute();
		}
		for (const [index, account] of DEMO_ACCOUNTS.entries()) {
			const id = `demo-${account.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
			demo.users[account.key] = id;
			await trx
				.insertInto('users')
				.values({
					id,
					email: account.email,
					display_name: account.displayName,
					role: account.role,
					password_hash: hashes[index],
					disabled: 0,
					created_at: now.toISOString()
				})
				.execute();
			if (account.facilityId) {
				await trx
					.insertInto(account.role === 'fachberatung' ? 'advisor_assignments' : 'user_facilities')
					.values({ user_id: id, facility_id: account.facilityId })
					.execute();
			}
		}
		for (const module of Object.values(demoDataModules)) await module.seedDemoData(trx, demo, now);
		await writeAudit(trx, { at: now, userId: null, action: 'demo.seed', entity: 'deployment' });
	});
	return demo;
}

async function hasUsers(ctx: ServerContext): Promise<boolean> {
	return (await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Prints the demo logins while the demo admin exists, so whoever starts the server can log in. */
export async function printDemoLogins(ctx: ServerContext, log: (line: string) => void): Promise<void> {
	const admin = await ctx.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', DEMO_ACCOUNTS[0].email)
		.executeTakeFirst();
	if (!admin) return;
	const lines = [
		'Demo-Betrieb – nicht für echte Daten (DEMO_SEED=0 auf einer leeren Datenbank schaltet ihn ab).',
		`Einrichtungen: ${Object.values(DEMO_FACILITIES)
			.map((f) => `${f.name} (${f.id})`)
			.join(', ')}`,
		'Demo-Zugänge (falls die Passwörter nicht geändert wurden):',
		...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(34)} ${a.password.padEnd(22)} ${a.role}`)
	];
	const width = Math.max(...lines.map((l) => l.length));
	log(['='.repeat(width), ...lines, '='.repeat(width)].join('\n'));
}

/**
 * Bootstraps a real deployment (started with DEMO_SEED=0): while there is no admin, creates one for
 * ADMIN_EMAIL and prints a one-time link to set its password; while that admin has no password yet,
 * every start prints a fresh link. Runs before the demo seed, which then finds users and stays away.
 */
export async function createFirstAdmin(
	ctx: ServerContext,
	email: string,
	log: (line: string) => void
): Promise<void> {
	const origin = ctx.config.origin ?? `http://localhost:${process.env.PORT ?? 3000}`;
	const user = await ctx.db
		.selectFrom('users')
		.select(['id', 'role', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
	let id = user?.id;
	if (!user) {
		const admin = await ctx.db
			.selectFrom('users')
			.select('id')
			.where('role', '=', 'admin')
			.limit(1)
			.executeTakeFirst();
		if (admin) return;
		id = randomUUID();
		const created = id;
		await ctx.db.transaction().execute(async (trx) => {
			await trx
				.insertInto('users')
				.values({
					id: created,
					email,
					display_name: 'Administration',
					role: 'admin',
					password_hash: null,
					disabled: 0,
					created_at: ctx.now().toISOString()
				})
				.execute();
			await writeAudit(trx, {
				at: ctx.now(),
				userId: null,
				action: 'user.create',
				entity: 'user',
				entityId: created,
				detail: { email, role: 'admin', via: 'ADMIN_EMAIL' }
			});
		});
	} else if (user.role !== 'admin' || user.password_hash !== null) {
		return;
	}
	const link = await createPasswordLink(ctx, id!, origin);
	log(`Admin-Konto ${email}: Passwort festlegen (Link gilt einmal, bis ${link.expiresAt}):\n  ${link.url}`);
}
