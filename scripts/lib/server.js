// Starts the built production server (scripts/serve.js, as `npm start` does) on a free loopback
// port, for browser tests and benchmarks. The caller gets the base URL and a stop function.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './build.js';
import { serverProcesses } from '../serve.js';

/** @returns {Promise<number>} a TCP port that was free a moment ago */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * @typedef {object} RunningServer
 * @property {string} url base URL without trailing slash, e.g. http://127.0.0.1:41234
 * @property {string} dataDir the server's DATA_DIR
 * @property {number} pid of the server's (first) process
 * @property {number} processes how many processes answer requests (see scripts/serve.js)
 * @property {() => string} output what the server printed so far
 * @property {() => Promise<void>} stop stops the server (and removes a temporary DATA_DIR)
 */

/**
 * @param {{ dataDir?: string, env?: Record<string, string>, timeoutMs?: number, port?: number }} [options]
 *   without `dataDir` a fresh temporary directory is used and removed on stop; `port` starts it on
 *   a given port (e.g. again on the port of a stopped instance, to restart it), else a free one
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ dataDir, env = {}, timeoutMs = 60_000, port: fixedPort } = {}) {
	const ownDataDir = dataDir === undefined;
	const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'guetesiegel-data-'));
	const port = fixedPort ?? (await freePort());
	// 127.0.0.1 is a secure context for browsers, so the service worker registers over plain HTTP.
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, [join(root, 'scripts', 'serve.js')], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATA_DIR: dir, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	/** @type {Promise<void>} */
	const exited = new Promise((resolve) => child.once('exit', () => resolve()));

	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(killer);
		}
		if (ownDataDir) rmSync(dir, { recursive: true, force: true });
	};

	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) {
			await stop();
			throw new Error(`The server exited with code ${child.exitCode} before it answered:\n${output}`);
		}
		try {
			const response = await fetch(`${url}/`, { redirect: 'manual' });
			if (response.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`The server did not answer within ${timeoutMs} ms:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	// Several processes start one after another; the server is ready when all of them are.
	const processes = serverProcesses({ ...process.env, ...env });
	while (processes > 1 && !output.includes(`Server läuft in ${processes} Prozessen`)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`Not all ${processes} server processes started:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, dataDir: dir, pid: /** @type {number} */ (child.pid), processes, output: () => output, stop };
}
