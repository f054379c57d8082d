// `npm start`: the newcomer's one command. Builds when `build/` is missing or older than the sources,
// then runs the server (scripts/serve.js: `node build`, or one per core on PostgreSQL) with the
// settings a local start needs. A production server builds once (`npm ci && npm run build`) and runs
// `node build` itself; see docs/operations.md.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild, root } from './lib/build.js';

// Read by the launchers' logger too: on a terminal a person reads the lines, so they are pretty
// unless LOG_FORMAT says otherwise; piped into a file or a journal they stay JSON.
if (!process.env.LOG_FORMAT && process.stdout.isTTY) process.env.LOG_FORMAT = 'pretty';
const { log } = await import('./lib/log.js');

try {
	await ensureBuild({ log: (line) => log.info(line) });
} catch (error) {
	log.fatal(`Start abgebrochen: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}

const port = process.env.PORT || '3000';
const env = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '0.0.0.0',
	// The server refuses to start without ORIGIN (links, cookies, CSRF check); locally it is this.
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	// Relative to the checkout, not to wherever npm was called from; the server creates it.
	DATA_DIR: resolve(root, process.env.DATA_DIR || 'data')
};

log.info(`Gütesiegel-Mappe: ${env.ORIGIN} (listening on ${env.HOST}:${port}, data in ${env.DATA_DIR})`);
const server = spawn(process.execPath, [join(root, 'scripts', 'serve.js')], {
	cwd: root,
	env,
	stdio: 'inherit'
});

// Pass Ctrl+C and service-manager signals on, so the server can close its database cleanly.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
	process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1));
});
