// Runs before adapter-node reads its settings and before any of the app's code (SvelteKit puts it
// first in build/index.js): `node build` gets the defaults it needs, and a wrong setting stops the
// start here with a message naming it. See docs/operations.md.
import { building, dev } from '$app/environment';
import { loadConfig } from '$lib/server/config';
import { applyListenDefaults, checkListenSettings } from '$lib/server/listenSettings';
import { logger, logStartFailure, routeConsoleToLogger } from '$lib/server/log/logger';

if (!dev && !building) {
	applyListenDefaults(process.env);
	try {
		checkListenSettings(process.env);
		loadConfig(process.env);
	} catch (error) {
		process.exit(logStartFailure(error));
	}
	routeConsoleToLogger();
	process.on('uncaughtException', (error) => {
		logger.fatal({ err: error }, 'uncaught exception');
		process.exit(1);
	});
}
