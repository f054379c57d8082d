import type { RequestEvent } from '@sveltejs/kit';
import { pullRequestSchema, pushRequestSchema, type PushGap } from '$lib/domain/sync/protocol';
import { endpoint, json, readJson, requireUser } from '../http/endpoint';
import { badRequest, notFound, zodIssues } from '../http/errors';
import { param } from '../http/params';
import { checkSha256, fileInfo, mayDownload, mayUpload, storeUpload } from './attachments';
import { pullChanges } from './pull';
import { pushChanges } from './pushQueue';

/** `POST /api/sync/push` — see docs/sync.md. */
export const postPush = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	// Values are stored as JSON text, where a NUL in a note is harmless; ids refuse it (protocol.ts).
	const request = await readJson(event, pushRequestSchema, { allowNul: true });
	const outcome = await pushChanges(ctx, user, request);
	if (outcome.kind === 'gap') {
		const body: PushGap = {
			error: {
				code: 'sequence_gap',
				message: `Es fehlen frühere Änderungen dieses Geräts; bitte ab Nummer ${outcome.expectedSeq} senden.`
			},
			expectedSeq: outcome.expectedSeq
		};
		return json(body, { status: 409 });
	}
	return json(outcome.response);
});

/** `GET /api/sync/pull?cursor=N&limit=M` */
export const getPull = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const query = pullRequestSchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) throw badRequest('Ungültiger Abrufzeiger.', zodIssues(query.error));
	return json(await pullChanges(ctx, user, query.data));
});

function sha256Of(event: RequestEvent): string {
	return checkSha256(param(event, 'sha256'));
}

/** `HEAD /api/sync/attachments/:sha256` — 200 when the server has the file, 404 otherwise. */
export const headAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const sha256 = sha256Of(event);
	if (!mayUpload(user) && !(await mayDownload(ctx, user, sha256))) return new Response(null, { status: 404 });
	const info = await fileInfo(ctx, sha256);
	if (!info) return new Response(null, { status: 404 });
	return new Response(null, { status: 200, headers: { 'content-length': String(info.size) } });
});

/** `PUT /api/sync/attachments/:sha256` with the file's bytes as the body. */
export const putAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const result = await storeUpload(ctx, user, sha256Of(event), event.request);
	return json(result, { status: result.created ? 201 : 200 });
});

/** `GET /api/sync/attachments/:sha256` for whoever may read a record citing the file. */
export const getAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const sha256 = sha256Of(event);
	// 404 also when the file exists but no record the user may read cites it: reveal nothing.
	if (!(await mayDownload(ctx, user, sha256))) throw notFound('Unbekannte Datei.');
	const info = await fileInfo(ctx, sha256);
	const stream = info ? await ctx.blobs.get(sha256) : null;
	if (!info || !stream) throw notFound('Unbekannte Datei.');
	return new Response(stream, {
		headers: {
			'content-type': info.mimeType,
			'content-length': String(info.size),
			// Content-addressed: the bytes behind this URL never change.
			'cache-control': 'private, max-age=31536000, immutable'
		}
	});
});
