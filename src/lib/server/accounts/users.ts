import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type {
	createUserRequestSchema,
	PasswordLink,
	Role,
	SessionUser,
	updateUserRequestSchema,
	UserSummary
} from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import { createPasswordLink } from '$lib/server/auth/passwordLinks';
import { endUserSessions } from '$lib/server/auth/sessions';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';
import { ApiError, badRequest, notFound } from '$lib/server/http/errors';
import { checkFacilitiesForMember } from './facilities';

export type CreateUserInput = z.output<typeof createUserRequestSchema>;
export type UpdateUserInput = z.output<typeof updateUserRequestSchema>;

/** Users with their facilities (memberships, or assignments for Fachberatung), by name. */
export async function listUsers(db: Kysely<Database>, ids?: string[]): Promise<UserSummary[]> {
	if (ids && ids.length === 0) return [];
	let select = db
		.selectFrom('users')
		.select(['id', 'email', 'display_name', 'role', 'disabled', 'password_hash', 'created_at'])
		.orderBy('display_name')
		.orderBy('email');
	if (ids) select = select.where('id', 'in', ids);
	const users = await select.execute();
	let members = db.selectFrom('user_facilities').select(['user_id', 'facility_id']);
	let advisors = db.selectFrom('advisor_assignments').select(['user_id', 'facility_id']);
	if (ids) {
		members = members.where('user_id', 'in', ids);
		advisors = advisors.where('user_id', 'in', ids);
	}
	const links = [...(await members.execute()), ...(await advisors.execute())];
	return users.map((u) => ({
		id: u.id,
		email: u.email,
		displayName: u.display_name,
		role: u.role,
		disabled: u.disabled === 1,
		hasPassword: u.password_hash !== null,
		facilityIds: links.filter((l) => l.user_id === u.id).map((l) => l.facility_id),
		createdAt: u.created_at
	}));
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserSummary> {
	const [user] = await listUsers(db, [id]);
	if (!user) throw notFound('Dieses Konto gibt es nicht.');
	return user;
}

/** Which facilities an account of this role may be given; throws a 400 naming the field. */
export async function checkFacilitiesForRole(
	db: Kysely<Database>,
	role: Role,
	facilityIds: string[]
): Promise<string[]> {
	const unique = [...new Set(facilityIds)];
	if (role === 'admin') {
		if (unique.length > 0) {
			throw badRequest('Ein Admin-Konto gehört zu keiner Einrichtung.', [
				{ path: ['facilityIds'], message: 'Für Administration keine Einrichtung wählen' }
			]);
		}
		return [];
	}
	if (role !== 'fachberatung' && unique.length === 0) {
		throw badRequest('Bitte mindestens eine Einrichtung wählen.', [
			{ path: ['facilityIds'], message: 'Bitte mindestens eine Einrichtung wählen' }
		]);
	}
	await checkFacilitiesForMember(db, unique, { sameFamilienzentrum: role !== 'fachberatung' });
	return unique;
}

/** Membership for team and Leitung, assignment for Fachberatung; replaces what was there. */
async function setUserFacilities(
	trx: Transaction<Database>,
	userId: string,
	role: Role,
	facilityIds: string[]
): Promise<void> {
	await trx.deleteFrom('user_facilities').where('user_id', '=', userId).execute();
	await trx.deleteFrom('advisor_assignments').where('user_id', '=', userId).execute();
	if (facilityIds.length === 0) return;
	const table = role === 'fachberatung' ? 'advisor_assignments' : 'user_facilities';
	await trx
		.insertInto(table)
		.values(facilityIds.map((facilityId) => ({ user_id: userId, facility_id: facilityId })))
		.execute();
}

/** Creates the account without a password and returns the one-time link to set one. */
export async function createUser(
	ctx: ServerContext,
	input: CreateUserInput,
	actor: SessionUser,
	origin: string
): Promise<{ user: UserSummary; link: PasswordLink }> {
	const facilityIds = await checkFacilitiesForRole(ctx.db, input.role, input.facilityIds);
	const existing = await ctx.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', input.email)
		.executeTakeFirst();
	if (existing) {
		throw new ApiError(409, 'email_taken', 'Für diese E-Mail-Adresse gibt es schon ein Konto.', [
			{ path: ['email'], message: 'Diese E-Mail-Adresse ist schon vergeben' }
		]);
	}
	const id = randomUUID();
	await ctx.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('users')
			.values({
				id,
				email: input.email,
				display_name: input.displayName,
				role: input.role,
				password_hash: null,
				disabled: 0,
				created_at: ctx.now().toISOString()
			})
			.execute();
		await setUserFacilities(trx, id, input.role, facilityIds);
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			facilityId: facilityIds.length === 1 ? facilityIds[0] : null,
			action: 'user.create',
			entity: 'user',
			entityId: id,
			detail: { email: input.email, role: input.role, facilityIds }
		});
	});
	const link = await createPasswordLink(ctx, id, origin);
	return { user: await getUser(ctx.db, id), link };
}

export async function updateUser(
	ctx: ServerContext,
	id: string,
	patch: UpdateUserInput,
	actor: SessionUser
): Promise<UserSummary> {
	const current = await getUser(ctx.db, id);
	if (id === actor.id && (patch.disabled === true || (patch.role && patch.role !== current.role))) {
		// Keeps the last admin from locking everyone out by accident.
		throw new ApiError(409, 'own_account', 'Das eigene Konto kann nicht gesperrt oder herabgestuft werden.');
	}
	const role = patch.role ?? current.role;
	const roleChanged = role !== current.role;
	const facilitiesTouched = patch.facilityIds !== undefined || roleChanged;
	const facilityIds = facilitiesTouched
		? await checkFacilitiesForRole(
				ctx.db,
				role,
				patch.facilityIds ?? (role === 'admin' ? [] : current.facilityIds)
			)
		: current.facilityIds;
	await ctx.db.transaction().execute(async (trx) => {
		const changes: Partial<{ display_name: string; role: Role; disabled: 0 | 1 }> = {};
		if (patch.displayName !== undefined) changes.display_name = patch.displayName;
		if (roleChanged) changes.role = role;
		if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0;
		if (Object.keys(changes).length > 0)
			await trx.updateTable('users').set(changes).where('id', '=', id).execute();
		if (facilitiesTouched) await setUserFacilities(trx, id, role, facilityIds);
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			action: 'user.update',
			entity: 'user',
			entityId: id,
			detail: { ...patch, ...(facilitiesTouched ? { facilityIds } : {}) }
		});
	});
	if (patch.disabled === true) await endUserSessions(ctx, id);
	return getUser(ctx.db, id);
}

/** A fresh one-time link (the earlier one stops working), e.g. when a password is forgotten. */
export async function issuePasswordLink(
	ctx: ServerContext,
	id: string,
	actor: SessionUser,
	origin: string
): Promise<PasswordLink> {
	const user = await getUser(ctx.db, id);
	if (user.disabled) throw new ApiError(409, 'disabled', 'Das Konto ist gesperrt. Bitte zuerst entsperren.');
	const link = await createPasswordLink(ctx, id, origin);
	await writeAudit(ctx.db, {
		at: ctx.now(),
		userId: actor.id,
		action: 'user.password_link',
		entity: 'user',
		entityId: id,
		detail: { expiresAt: link.expiresAt }
	});
	return link;
}
