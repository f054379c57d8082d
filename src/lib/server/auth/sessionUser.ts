import type { Kysely } from 'kysely';
import type { SessionUser } from '$lib/domain/accounts';
import { compiledOnce } from '$lib/server/db/throughput/compiledOnce';
import type { Database } from '$lib/server/db/schema';

/**
 * Users with the facilities their role gives access to, one row per facility (one row with null
 * facility columns when there is none): memberships for team and Leitung, assignments for
 * Fachberatung, none for Admin. The one place that rule lives; login and every request use it.
 */
function usersWithFacilities(db: Kysely<Database>) {
	return db
		.selectFrom('users as u')
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
			'u.id',
			'u.email',
			'u.display_name',
			'u.role',
			'u.disabled',
			'f.id as facility_id',
			'f.name as facility_name',
			'f.familienzentrum'
		])
		.orderBy('f.name');
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersWithFacilities>['execute']>>[number];

function toSessionUser(rows: UserRow[]): SessionUser {
	const [first] = rows;
	return {
		id: first.id,
		email: first.email,
		displayName: first.display_name,
		role: first.role,
		facilities: rows.flatMap((r) =>
			r.facility_id === null
				? []
				: [{ id: r.facility_id, name: r.facility_name!, familienzentrum: r.familienzentrum! }]
		)
	};
}

/** The user as requests see it, by id. Null for unknown or disabled users. */
export async function loadSessionUser(db: Kysely<Database>, userId: string): Promise<SessionUser | null> {
	const rows = await usersWithFacilities(db).where('u.id', '=', userId).execute();
	if (rows.length === 0 || rows[0].disabled) return null;
	return toSessionUser(rows);
}

function sessionLookupQuery(db: Kysely<Database>, sessionId: string) {
	return usersWithFacilities(db)
		.innerJoin('sessions as s', 's.user_id', 'u.id')
		.select(['s.last_seen_at', 's.expires_at'])
		.where('s.id', '=', sessionId);
}

// It runs on every request: built and compiled once, then only its session id changes.
const sessionLookup = compiledOnce(sessionLookupQuery);

export interface SessionRow {
	userId: string;
	lastSeenAt: string;
	expiresAt: string;
}

/**
 * A session row and its user, in one query (it runs on every request). The user is null when
 * disabled; the whole answer null for an unknown session.
 */
export async function loadSessionAndUser(
	db: Kysely<Database>,
	sessionId: string
): Promise<{ session: SessionRow; user: SessionUser | null } | null> {
	const { rows } = await db.executeQuery(sessionLookup(db, sessionId));
	const first = rows[0];
	if (!first) return null;
	const session = { userId: first.id, lastSeenAt: first.last_seen_at, expiresAt: first.expires_at };
	return { session, user: first.disabled ? null : toSessionUser(rows) };
}
