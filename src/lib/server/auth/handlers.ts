import {
	forgotPasswordRequestSchema,
	loginRequestSchema,
	setPasswordRequestSchema,
	type ForgotPasswordInfo,
	type SessionResponse
} from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import { forgotPasswordByMail, requestPasswordReset } from '$lib/server/auth/forgotPassword';
import { logIn } from '$lib/server/auth/login';
import { passwordLinkProblems } from '$lib/domain/passwordLinkState';
import { checkPasswordLink, setPasswordWithToken } from '$lib/server/auth/passwordLinks';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	cookiesMustBeSecure,
	endSession,
	setSessionCookie
} from '$lib/server/auth/sessions';
import { clientAddress } from '$lib/server/http/clientAddress';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { ApiError, unauthenticated } from '$lib/server/http/errors';

/** "in 40 Sekunden", "in 1 Minute", "in 15 Minuten". */
function inGerman(seconds: number): string {
	if (seconds < 60) return `in ${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'}`;
	const minutes = Math.ceil(seconds / 60);
	return `in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`;
}

export const postLogin = endpoint(async (event, ctx) => {
	const input = await readJson(event, loginRequestSchema);
	const result = await logIn(ctx, input, clientAddress(event));
	if (result.outcome === 'rate_limited') {
		throw new ApiError(
			429,
			'rate_limited',
			`Zu viele fehlgeschlagene Anmeldeversuche. Bitte ${inGerman(result.retryAfterSeconds)} erneut versuchen.`,
			undefined,
			{ 'retry-after': String(result.retryAfterSeconds) }
		);
	}
	if (result.outcome === 'invalid') {
		throw new ApiError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
	}
	// A fresh session id on every login; whatever session this browser had before ends now.
	const previous = event.cookies.get(SESSION_COOKIE);
	if (previous) await endSession(ctx, previous);
	setSessionCookie(event.cookies, result.token, result.expiresAt, cookiesMustBeSecure(ctx, event.url));
	const body: SessionResponse = { user: result.user, expiresAt: result.expiresAt.toISOString() };
	return json(body);
});

export const postLogout = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) await endSession(ctx, token);
	clearSessionCookie(event.cookies, cookiesMustBeSecure(ctx, event.url));
	await writeAudit(ctx.db, { at: ctx.now(), userId: user.id, action: 'auth.logout', entity: 'session' });
	return json({ ok: true });
});

export const getSession = endpoint(async (event) => {
	const user = requireUser(event);
	const session = event.locals.session;
	if (!session) throw unauthenticated();
	const body: SessionResponse = { user, expiresAt: session.expiresAt };
	return json(body);
});

export const postSetPassword = endpoint(async (event, ctx) => {
	const input = await readJson(event, setPasswordRequestSchema);
	const result = await setPasswordWithToken(ctx, input.token, input.password);
	if (!result) {
		const { state } = await checkPasswordLink(ctx, input.token);
		throw new ApiError(400, 'invalid_token', passwordLinkProblems[state === 'usable' ? 'used' : state]);
	}
	return json({ ok: true, email: result.email });
});

/** `?token=`: whether the one-time link still works, asked when a device opens it. */
export const getPasswordLink = endpoint(async (event, ctx) => {
	const token = event.url.searchParams.get('token') ?? '';
	if (token.length === 0 || token.length > 200) return json({ state: 'invalid', expiresAt: null });
	return json(await checkPasswordLink(ctx, token));
});

export const getForgotPassword = endpoint(async (_event, ctx) => {
	const body: ForgotPasswordInfo = { byMail: forgotPasswordByMail(ctx) };
	return json(body);
});

/** Always 202 and the same body, whether an account has the address or not (see forgotPassword.ts). */
export const postForgotPassword = endpoint(async (event, ctx) => {
	const input = await readJson(event, forgotPasswordRequestSchema);
	if (!forgotPasswordByMail(ctx)) {
		throw new ApiError(
			503,
			'mail_not_configured',
			'Dieser Server verschickt keine E-Mails. Bitte wenden Sie sich an Ihre Leitung oder die Administration; sie kann Ihnen einen neuen Link geben.'
		);
	}
	const result = await requestPasswordReset(ctx, input.email, clientAddress(event));
	if (result.outcome === 'rate_limited') {
		throw new ApiError(
			429,
			'rate_limited',
			`Zu viele Anfragen von diesem Anschluss. Bitte ${inGerman(result.retryAfterSeconds)} erneut versuchen.`,
			undefined,
			{ 'retry-after': String(result.retryAfterSeconds) }
		);
	}
	return json({ ok: true }, { status: 202 });
});
