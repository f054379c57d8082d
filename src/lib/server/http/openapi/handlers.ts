import { endpoint } from '$lib/server/http/endpoint';
import { openApiDocument } from './document';

let cached: string | null = null;

/** `GET /api/openapi.json`: public, like the routes it describes are to anyone who loads the app. */
export const getOpenApi = endpoint(async (_event, ctx) => {
	cached ??= JSON.stringify(openApiDocument(ctx.version));
	return new Response(cached, { headers: { 'content-type': 'application/json' } });
});
