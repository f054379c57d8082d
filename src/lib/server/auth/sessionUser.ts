import type { Kysely } from 'kysely';
import type { SessionUser } from '$lib/domain/accounts';
import type { DatabaseSchema } from '../db/schema';

/**
 * The user as requests see it: role and the facilities the role gives access to (memberships for
 * team and Leitung, assignments for Fachberatung, none for Admin). Null for unknown or disabled users.
 */
export async function loadSessionUser(
	db: Kysely<DatabaseSchema>,
	userId: string
): Promise<SessionUser | null> {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email', 'display_name', 'role', 'disabled'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user || user.disabled) return null;
	const link = user.role === 'fachberatung' ? 'advisor_assignments' : 'user_facilities';
	const facilities =
		user.role === 'admin'
			? []
			: await db
					.selectFrom(link)
					.innerJoin('facilities', 'facilities.id', `${link}.facility_id`)
					.select(['facilities.id', 'facilities.name', 'facilities.familienzentrum'])
					.where(`${link}.user_id`, '=', userId)
					.orderBy('facilities.name')
					.execute();
	return {
		id: user.id,
		email: user.email,
		displayName: user.display_name,
		role: user.role,
		facilities
	};
}

export interface SessionRow {
	userId: string;
	lastSeenAt: string;
	expiresAt: string;
}

/**
 * A session row and its user with the user's facilities, in one query (it runs on every request):
 * memberships for team and Leitung, assignments for Fachberatung, none for Admin. The user is null
 * when disabled; the whole answer null for an unknown session.
 */
export async function loadSessionAndUser(
	db: Kysely<DatabaseSchema>,
	sessionId: string
): Promise<{ session: SessionRow; user: SessionUser | null } | null> {
	const rows = await db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.leftJoin('user_facilities as uf', (join) =>
			join.onRef('uf.user_id', '=', 'u.id').on('u.role', 'in', ['team', 'leitung'])
		)
		.leftJoin('advisor_assignments as aa', (join) =>
			join.onRef('aa.user_id', '=', 'u.id').on('u.role', '=', 'fachberatung')
		)
		.leftJoin('facilities as f', (join) =>
			join.on((eb) =>
				eb.or([eb('f.id', '=', eb.ref('uf.facility_id')), eb('f.id', '=', eb.ref('aa.facility_id'))])
			)
		)
		.select([
			's.user_id',
			's.last_seen_at',
			's.expires_at',
			'u.email',
			'u.display_name',
			'u.role',
			'u.disabled',
			'f.id as facility_id',
			'f.name as facility_name',
			'f.familienzentrum'
		])
		.where('s.id', '=', sessionId)
		.orderBy('f.name')
		.execute();
	const first = rows[0];
	if (!first) return null;
	const session = { userId: first.user_id, lastSeenAt: first.last_seen_at, expiresAt: first.expires_at };
	if (first.disabled) return { session, user: null };
	return {
		session,
		user: {
			id: first.user_id,
			email: first.email,
			displayName: first.display_name,
			role: first.role,
			facilities: rows.flatMap((r) =>
				r.facility_id === null
					? []
					: [{ id: r.facility_id, name: r.facility_name!, familienzentrum: r.familienzentrum! }]
			)
		}
	};
}
