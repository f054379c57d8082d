// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/domain/accounts';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in user (set by hooks.server.ts), null without a valid session. */
			user: SessionUser | null;
			session: { id: string; userId: string; expiresAt: string } | null;
			/** Ties the request's log lines to its answer's `X-Request-Id` (set by hooks.server.ts). */
			requestId?: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
