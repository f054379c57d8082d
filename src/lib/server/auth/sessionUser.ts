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
