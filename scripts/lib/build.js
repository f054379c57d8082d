// Builds the app when `build/` is missing or older than its sources, so `npm start`, the browser
// tests and the benchmark always run what the sources say. One build at a time per checkout.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const buildDir = join(root, 'build');

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
// The adapter writes this last, so its time says when a complete build finished.
const builtMarker = join(buildDir, 'handler.js');
const lockDir = join(root, 'node_modules', '.cache', 'guetesiegel-build.lock');
const staleLockMs = 15 * 60 * 1000;

/**
 * Newest modification time (ms) of a file or of any file below a directory.
 * @param {string} path
 * @returns {number}
 */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** True when `build/` exists and no source file changed after it was built. */
export function isBuildFresh() {
	if (!existsSync(builtMarker) || !existsSync(join(buildDir, 'index.js'))) return false;
	const built = statSync(builtMarker).mtimeMs;
	return sources.every((source) => newestMtime(join(root, source)) <= built);
}

/** @type {import('node:child_process').ChildProcess | null} */
let viteChild = null;

function runViteBuild() {
	return new Promise((resolvePromise, reject) => {
		// Always what users get: run from Vitest (NODE_ENV=test), the build would carry Svelte's dev
		// code, and `npm start` or the benchmark after `npm test` would reuse it.
		const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
			cwd: root,
			env: { ...process.env, NODE_ENV: 'production' },
			stdio: ['ignore', 'inherit', 'inherit']
		});
		viteChild = child;
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolvePromise(undefined) : reject(new Error(`vite build failed (exit code ${code})`))
		);
	});
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the build lock (a directory, created atomically); waits while another build holds it.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withBuildLock(work) {
	mkdirSync(dirname(lockDir), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lockDir);
			break;
		} catch {
			const age = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
			if (age > staleLockMs) rmdirSync(lockDir);
			else await sleep(1000);
		}
	}
	// Stopped while building (Ctrl+C, a service manager, a timeout): stop vite and free the lock, or
	// every later start would wait for a build that no longer runs.
	/** @param {NodeJS.Signals} signal */
	const abandon = (signal) => {
		viteChild?.kill(signal);
		rmSync(lockDir, { recursive: true, force: true });
		process.exit(128 + constants.signals[signal]);
	};
	const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
	for (const signal of signals) process.once(signal, abandon);
	try {
		return await work();
	} finally {
		for (const signal of signals) process.off(signal, abandon);
		rmdirSync(lockDir);
	}
}

/**
 * Runs `vite build` unless `build/` is fresh.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<boolean>} whether a build ran
 */
export async function ensureBuild({ log = console.log } = {}) {
	if (isBuildFresh()) return false;
	return withBuildLock(async () => {
		// Someone else may have built while we waited for the lock.
		if (isBuildFresh()) return false;
		log('Building the app (build/ is missing or older than the sources) …');
		await runViteBuild();
		return true;
	});
}
