import type { z } from 'zod';
import type { ApiErrorBody } from '$lib/domain/accounts';

export type ApiIssue = { path: (string | number)[]; message: string };

/** An error a JSON endpoint answers with; the message is German and shown to the user. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly issues?: ApiIssue[],
		readonly headers?: Record<string, string>
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export function errorResponse(error: ApiError): Response {
	const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
	if (error.issues) body.error.issues = error.issues;
	return new Response(JSON.stringify(body), {
		status: error.status,
		headers: { 'content-type': 'application/json', ...error.headers }
	});
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
		message: issue.message
	}));
}

export const unauthenticated = () =>
	new ApiError(401, 'unauthenticated', 'Bitte melden Sie sich an. Ihre Sitzung ist abgelaufen oder fehlt.');
export const forbidden = (message = 'Dafür fehlt Ihnen die Berechtigung.') =>
	new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Nicht gefunden.') => new ApiError(404, 'not_found', message);
export const badRequest = (message: string, issues?: ApiIssue[]) =>
	new ApiError(400, 'invalid_request', message, issues);
