import { requestJson } from '$lib/client/api/request';
import {
	forgotPasswordInfoSchema,
	type ForgotPasswordInfo,
	type ForgotPasswordRequest
} from '$lib/domain/accounts';

/** Whether this server mails „Passwort vergessen“ links; a failure means: not known (offline). */
export function fetchForgotPasswordInfo() {
	return requestJson<ForgotPasswordInfo>('/api/auth/forgot-password', {
		parse: (body) => forgotPasswordInfoSchema.safeParse(body).data ?? null
	});
}

/** Asks for a link by e-mail; the server answers alike whether an account has the address or not. */
export function requestPasswordLink(request: ForgotPasswordRequest) {
	return requestJson<{ ok: true }>('/api/auth/forgot-password', { method: 'POST', body: request });
}
