import { requestJson } from '$lib/client/api/request';
import type { Facility, PasswordLink, UserSummary } from '$lib/domain/accounts';

/** Where accounts are managed: all of them by the admin, her team's by a Leitung. */
export type AccountsEndpoint = '/api/admin/users' | '/api/team';

/** A Leitung's team: its accounts and the centres she leads. */
export function fetchTeam() {
	return requestJson<{ users: UserSummary[]; facilities: Facility[] }>('/api/team');
}

/** Creates an account; answers it with the one-time link to set its password. */
export function createAccount(endpoint: AccountsEndpoint, request: object) {
	return requestJson<{ user: UserSummary; link: PasswordLink }>(endpoint, { method: 'POST', body: request });
}

export function updateAccount(endpoint: AccountsEndpoint, userId: string, patch: object) {
	return requestJson(`${endpoint}/${encodeURIComponent(userId)}`, { method: 'PATCH', body: patch });
}

/** A new one-time link to set the password (the old one stops working). */
export function newPasswordLink(endpoint: AccountsEndpoint, userId: string) {
	return requestJson<{ link: PasswordLink }>(`${endpoint}/${encodeURIComponent(userId)}/reset-link`, {
		method: 'POST'
	});
}
