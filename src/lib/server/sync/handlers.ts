import type { RequestEvent } from '@sveltejs/kit';
import { pullRequestSchema, pushRequestSchema, type PushGap } from '$lib/domain/sync/protocol';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { badRequest, notFound, zodIssues } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';
import { attachmentDisposition, safeFileName } from '$lib/server/http/contentDisposition';
import { checkSha256, fileInfo, fileThereFor, mayDownload, storeUpload } from '$lib/server/sync/attachments';
import { pullChanges } from '$lib/server/sync/pull';
import { pushChanges } from '$lib/server/sync/pushQueue';

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

/**
 * `HEAD /api/sync/attachments/:sha256[?facility=id]` — 200 when the file is there for the user's
 * facilities (see `fileThereFor`), 404 otherwise, also for a file only other facilities own.
 */
export const headAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const sha256 = sha256Of(event);
	const facility = event.url.searchParams.get('facility');
	const info = await fileThereFor(ctx, user, sha256, facility);
	if (!info) return new Response(null, { status: 404 });
	return new Response(null, { status: 200, headers: { 'content-length': String(info.size) } });
});

/** `PUT /api/sync/attachments/:sha256[?facility=id]` with the file's bytes as the body. */
export const putAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const facility = event.url.searchParams.get('facility');
	const result = await storeUpload(ctx, user, sha256Of(event), event.request, facility);
	return json(result, { status: result.created ? 201 : 200 });
});

/**
 * Types the browser may show in the page (`?inline=1`): the server found them in the bytes at the
 * upload (`fileInfo`), so a file that claims to be a PDF but holds HTML was refused then.
 */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/**
 * Headers for a file the advisor's review page shows in a frame (issue 15). Why this is safe: only
 * PDFs and images, whose type the server checked in the bytes, ever go inline, with `nosniff`, so
 * nothing the browser renders here can run the page's scripts; the policy below allows no script
 * at all and only this origin may frame the file (`frame-ancestors 'self'`, `SAMEORIGIN` for old
 * browsers), so another site cannot show a centre's file under its own buttons. `object-src
 * 'self'` lets Chromium's PDF viewer, an embedded plugin, open the file. Access is checked exactly
 * as for a download. See docs/security.md.
 */
function inlineHeaders(fileName: string): Record<string, string> {
	return {
		'content-disposition': attachmentDisposition(fileName, 'inline'),
		'content-security-policy':
			"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'",
		'x-frame-options': 'SAMEORIGIN'
	};
}

/**
 * `GET /api/sync/attachments/:sha256[?name=file name][&inline=1]` for whoever may read a facility
 * owning the file. A download (`Content-Disposition: attachment`), named after `?name=` made safe;
 * with `?inline=1` a PDF or an image is sent to be shown in the page instead (`inlineHeaders`).
 */
export const getAttachment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const sha256 = sha256Of(event);
	// 404 also when the file exists but belongs to no facility the user may read: reveal nothing.
	if (!(await mayDownload(ctx, user, sha256))) throw notFound('Unbekannte Datei.');
	const info = await fileInfo(ctx, sha256);
	if (!info) throw notFound('Unbekannte Datei.');
	// The browser may keep a copy but must ask every time: on a shared tablet the next user must
	// not be handed a file from the HTTP cache that the server would refuse her. The bytes behind
	// a hash never change, so the hash is the entity tag and an unchanged file costs no transfer.
	const etag = `"${sha256}"`;
	const caching = { etag, 'cache-control': 'private, no-cache' };
	const known = event.request.headers.get('if-none-match')?.split(',') ?? [];
	if (known.some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers: caching });
	}
	const stream = await ctx.blobs.get(sha256);
	if (!stream) throw notFound('Unbekannte Datei.');
	const fileName = safeFileName(
		event.url.searchParams.get('name'),
		info.mimeType,
		`datei-${sha256.slice(0, 12)}`
	);
	const inline = event.url.searchParams.get('inline') === '1' && INLINE_TYPES.has(info.mimeType);
	return new Response(stream, {
		headers: {
			'content-type': info.mimeType,
			'content-length': String(info.size),
			'content-disposition': attachmentDisposition(fileName),
			...(inline ? inlineHeaders(fileName) : {}),
			...caching
		}
	});
});
