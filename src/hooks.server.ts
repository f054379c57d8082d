import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { logger, logStartFailure } from '$lib/server/log/logger';
import { startServer, stopServer } from '$lib/server/start';

export { handle } from '$lib/server/http/handle';

// Migrations and the demo seed run before the first request is answered; a wrong setting, or a
// database whose migration history does not match this build, stops the start with a logged reason.
export const init: ServerInit = async () => {
	try {
		await startServer({ env });
	} catch (error) {
		const code = logStartFailure(error);
		if (dev) throw error;
		process.exit(code);
	}
	// adapter-node emits this once it has stopped taking requests (SIGTERM, SIGINT). The process ends
	// when nothing keeps it: not PostgreSQL's open connections, nor, in a worker of several server
	// processes (scripts/serve.js), its channel to the first.
	process.once('sveltekit:shutdown', () => void stopServer().finally(() => process.disconnect?.()));
};

/** What SvelteKit catches outside the JSON endpoints' own handling; never shown to the user as is. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		logger.error(
			{ err: error, requestId: event.locals.requestId, route: event.route.id, status },
			'unexpected error'
		);
	}
};
