// `npm start`: build if needed, then run the production server (adapter-node) with sane defaults.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild, root } from './lib/build.js';

try {
	await ensureBuild();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}

const port = process.env.PORT || '3000';
const dataDir = resolve(root, process.env.DATA_DIR || 'data');
mkdirSync(dataDir, { recursive: true });

const env = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '0.0.0.0',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	DATA_DIR: dataDir,
	// adapter-node refuses bodies over 512K by default; attachments may be up to 25 MB (sync uploads).
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '26M'
};

console.log(`Gütesiegel-Mappe: ${env.ORIGIN} (listening on ${env.HOST}:${port}, data in ${dataDir})`);
// serve.js runs the built server in one process, or on PostgreSQL in one per core.
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
