import { sessionResponseSchema, type Role } from '$lib/domain/accounts';

/**
 * The signed-in user's role, or null when it cannot be told (offline, not signed in). The UI uses
 * it only to offer what the server will accept; the server checks every change itself.
 */
export async function fetchSessionRole(
	fetchFn: typeof fetch = (...args) => fetch(...args)
): Promise<Role | null> {
	try {
		const response = await fetchFn('/api/auth/session', { credentials: 'same-origin' });
		if (!response.ok) return null;
		const session = sessionResponseSchema.safeParse(await response.json());
		return session.success ? session.data.user.role : null;
	} catch {
		return null;
	}
}
