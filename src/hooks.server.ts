import type { ServerInit } from '@sveltejs/kit';
import { startServer } from '$lib/server/context';

export { handle } from '$lib/server/http/handle';

// Migrations and the demo seed run before the first request is answered; if the database's migration
// history does not match this build, startServer throws and the server does not start.
export const init: ServerInit = async () => {
	await startServer();
};
