import type { ServerInit } from '@sveltejs/kit';
import { startServer, stopServer } from '$lib/server/start';

export { handle } from '$lib/server/http/handle';

// Migrations and the demo seed run before the first request is answered; if the database's migration
// history does not match this build, startServer throws and the server does not start.
export const init: ServerInit = async () => {
	await startServer();
	// adapter-node emits this once it has stopped taking requests (SIGTERM, SIGINT). The process ends
	// when nothing keeps it: not PostgreSQL's open connections, nor, in a worker of several server
	// processes (scripts/serve.js), its channel to the first.
	process.once('sveltekit:shutdown', () => void stopServer().finally(() => process.disconnect?.()));
};
