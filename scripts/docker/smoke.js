// End-to-end check of the container deployment (deploy/docker), as a Träger's IT would run it: builds
// the image, runs it alone on SQLite, then the compose file with PostgreSQL, and drives the API with
// fetch. Prints PASS or FAIL per check and `N passed, N failed` last. Not part of `npm test` or CI:
// it needs a Docker daemon and takes minutes (docs/operations.md, „Containers“).
//
//   node scripts/docker/smoke.js            # from the repository's root
//
// SMOKE_PORT (default 3310) and SMOKE_PORT + 1 must be free on 127.0.0.1. Everything it creates is
// named guetesiegel-smoke* and removed at the end; the images `guetesiegel` and `guetesiegel-mappe`
// stay. Uses `docker compose`, or `docker-compose` (v1) where the plugin is missing. SMOKE_DEBUG=1
// prints each retry while a server starts.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.SMOKE_PORT || 3310);
const composePort = port + 1;
const name = 'guetesiegel-smoke';
const adminEmail = 'it@traeger.example';
const leitungEmail = 'leitung@fz-smoke.example';
// Long and unguessable enough for the password rules; only ever used on this machine.
const password = `Smoke-${randomBytes(9).toString('base64url')}`;

let passed = 0;
let failed = 0;

/** Records one check; a failed one names what was seen. */
function check(label, ok, seen = '') {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}${ok || !seen ? '' : `  (${String(seen).slice(0, 300)})`}`);
	return ok;
}

function run(command, args, { input, allowFailure = false, quiet = false, binary = false } = {}) {
	const result = spawnSync(command, args, {
		cwd: root,
		input,
		encoding: binary ? 'buffer' : 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		stdio: quiet ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'inherit']
	});
	const stderr = String(result.stderr ?? '');
	if (result.status !== 0 && !allowFailure) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${stderr}`.trim());
	}
	return { status: result.status, stdout: result.stdout ?? '', stderr };
}

const docker = (...args) => run('docker', args, { quiet: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `docker compose` where the plugin is there, else the stand-alone v1 `docker-compose`. */
const composeCommand =
	spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0
		? ['docker', 'compose']
		: ['docker-compose'];

async function waitFor(what, test, timeoutMs = 120_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const value = await test();
			if (value) return value;
		} catch (error) {
			// Not there yet: the server is starting.
			if (process.env.SMOKE_DEBUG) console.log(`      (${what}: ${error?.cause?.code ?? error})`);
		}
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await sleep(1000);
	}
}

/** A small API client for one server address: JSON in and out, the session cookie kept. */
function client(base, proxyHeaders = {}) {
	let cookie = '';
	async function call(method, route, { json, bytes } = {}) {
		const response = await fetch(`${base}${route}`, {
			method,
			headers: {
				origin: base,
				...proxyHeaders,
				...(cookie ? { cookie } : {}),
				...(json !== undefined ? { 'content-type': 'application/json' } : {}),
				...(bytes ? { 'content-type': 'application/octet-stream' } : {})
			},
			body: json !== undefined ? JSON.stringify(json) : bytes,
			signal: AbortSignal.timeout(30_000)
		});
		const setCookies = response.headers.getSetCookie();
		if (setCookies.length > 0) cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
		return response;
	}
	return {
		call,
		health: () => call('GET', '/api/health'),
		async setPassword(link, newPassword) {
			const token = new URL(link).searchParams.get('token');
			return call('POST', '/api/auth/set-password', { json: { token, password: newPassword } });
		},
		logIn: (email, pass) => call('POST', '/api/auth/login', { json: { email, password: pass } })
	};
}

/** The first admin's one-time set-password links in a log of JSON lines (docs/operations.md). */
function adminLinks(log) {
	return log.split('\n').flatMap((line) => {
		try {
			// `compose logs` puts the service's name before each line.
			const { msg } = JSON.parse(line.slice(line.indexOf('{')));
			const link =
				typeof msg === 'string' && msg.startsWith('Admin-Konto') && msg.match(/https?:\S+token=\S+/);
			return link ? [link[0]] : [];
		} catch {
			return [];
		}
	});
}

/** A PDF the upload check accepts, with random content so each run stores a new file. */
function pdf(kilobytes) {
	const head = Buffer.from('%PDF-1.7\n%Kooperationsvereinbarung\n');
	const tail = Buffer.from('%%EOF\n');
	return Buffer.concat([head, randomBytes(kilobytes * 1024 - head.length - tail.length), tail]);
}

async function healthy(container, timeoutMs) {
	return waitFor(
		`${container} to be healthy`,
		() => docker('inspect', '-f', '{{.State.Health.Status}}', container).stdout.trim() === 'healthy',
		timeoutMs
	).then(
		() => true,
		() => false
	);
}

async function imageAlone() {
	console.log('\n== The image alone (SQLite, data volume)');
	const started = Date.now();
	const build = run('docker', ['build', '-f', 'deploy/docker/Dockerfile', '-t', 'guetesiegel', '.'], {
		allowFailure: true,
		quiet: true
	});
	const seconds = Math.round((Date.now() - started) / 1000);
	if (!check(`docker build (${seconds} s)`, build.status === 0, build.stderr.split('\n').slice(-5).join(' ')))
		return;
	const size = docker('image', 'inspect', '-f', '{{.Size}}', 'guetesiegel').stdout.trim();
	console.log(`      image guetesiegel: ${Math.round(Number(size) / 1e6)} MB`);

	const container = `${name}-app`;
	const volume = `${name}-data`;
	const base = `http://localhost:${port}`;
	const start = () =>
		docker(
			'run',
			'-d',
			'--name',
			container,
			'-e',
			`ORIGIN=${base}`,
			'-e',
			`ADMIN_EMAIL=${adminEmail}`,
			'-e',
			'DEMO_SEED=0',
			'-v',
			`${volume}:/data`,
			'-p',
			`127.0.0.1:${port}:3000`,
			'guetesiegel'
		);
	try {
		start();
		const api = client(base);
		const health = await waitFor('/api/health', async () => {
			const response = await api.health();
			return response.ok && (await response.json());
		}).catch((error) => error);
		check(
			'/api/health answers 200 on SQLite',
			health?.status === 'ok' && health.database === 'sqlite',
			health
		);

		const links = adminLinks(docker('logs', container).stdout);
		check('the admin’s one-time link is in `docker logs`', links.length === 1, links.length);
		const user = docker('exec', container, 'id', '-u').stdout.trim();
		const process1 = docker('exec', container, 'sh', '-c', 'stat -c %u /proc/1 /data').stdout.split('\n');
		check(
			'runs as non-root (uid 1000, `node`), owns /data',
			user === '1000' && process1[0] === '1000' && process1[1] === '1000',
			`${user} ${process1}`
		);
		const set = links[0] ? await api.setPassword(links[0], password) : null;
		check('the link sets the admin’s password', set?.status === 200, set?.status);
		check('the admin logs in', (await api.logIn(adminEmail, password)).status === 200);

		docker('restart', container);
		await waitFor('the restarted server', async () => (await api.health()).ok);
		check(
			'after `docker restart`: the admin still logs in',
			(await api.logIn(adminEmail, password)).status === 200
		);

		docker('rm', '-f', container);
		start();
		await waitFor('the new container', async () => (await api.health()).ok);
		check(
			'a new container on the same volume: the admin logs in, no new link',
			(await api.logIn(adminEmail, password)).status === 200 &&
				adminLinks(docker('logs', container).stdout).length === 0
		);
		check('the HEALTHCHECK turns healthy', await healthy(container, 120_000));
	} finally {
		run('docker', ['rm', '-f', container], { allowFailure: true, quiet: true });
		run('docker', ['volume', 'rm', volume], { allowFailure: true, quiet: true });
	}
}

async function withCompose() {
	console.log(`\n== compose: app and PostgreSQL (${composeCommand.join(' ')})`);
	const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
	const base = `http://localhost:${composePort}`;
	// env.example as an operator fills it in: a local ORIGIN and port, a new database password.
	const envFile = path.join(dir, '.env');
	const example = readFileSync(path.join(root, 'deploy/docker/env.example'), 'utf8');
	writeFileSync(
		envFile,
		example
			.replace(/^ORIGIN=.*$/m, `ORIGIN=${base}`)
			.replace(/^POSTGRES_PASSWORD=.*$/m, `POSTGRES_PASSWORD=${randomBytes(12).toString('hex')}`)
			.replace(/^ADMIN_EMAIL=.*$/m, `ADMIN_EMAIL=${adminEmail}`)
			.replace(/^# APP_PORT=.*$/m, `APP_PORT=${composePort}`)
	);
	const composeRun = (args, options = {}) =>
		run(
			composeCommand[0],
			[
				...composeCommand.slice(1),
				'-p',
				name,
				'-f',
				'deploy/docker/compose.yaml',
				'--env-file',
				envFile,
				...args
			],
			{ allowFailure: true, quiet: true, ...options }
		);
	const compose = (...args) => composeRun(args);
	const up = async (label, extra = []) => {
		const started = Date.now();
		const result = compose('up', '-d', ...extra);
		const seconds = Math.round((Date.now() - started) / 1000);
		check(`${label} (${seconds} s)`, result.status === 0, result.stderr.split('\n').slice(-5).join(' '));
		return result.status === 0;
	};
	// compose.yaml expects a proxy in front (ADDRESS_HEADER): send what Caddy or nginx would add.
	const proxy = { 'x-forwarded-for': '127.0.0.1' };
	const api = client(base, proxy);
	const appHealth = () =>
		waitFor('/api/health', async () => {
			const response = await api.health();
			return response.ok && (await response.json());
		}).catch((error) => error);
	try {
		if (!(await up('`compose up -d --build`', ['--build']))) return;
		const health = await appHealth();
		check(
			'/api/health: the app talks to PostgreSQL',
			health?.database === 'postgres' && health.status === 'ok',
			health
		);
		const version = compose('exec', '-T', 'db', 'psql', '-U', 'guetesiegel', '-Atc', 'show server_version');
		console.log(`      PostgreSQL in the db container: ${version.stdout.trim()}`);

		const links = adminLinks(compose('logs', '--no-color', 'app').stdout);
		check('the admin’s one-time link is in `compose logs app`', links.length === 1, links.length);
		await api.setPassword(links[0] ?? 'http://x/?token=', password);
		check('the admin sets the password and logs in', (await api.logIn(adminEmail, password)).status === 200);

		const facility = await api.call('POST', '/api/admin/facilities', {
			json: { name: 'Familienzentrum Smoke' }
		});
		const facilityId = (await facility.json()).facility?.id;
		const created = await api.call('POST', '/api/admin/users', {
			json: { email: leitungEmail, displayName: 'Leitung Smoke', role: 'leitung', facilityIds: [facilityId] }
		});
		const leitungLink = created.status === 201 ? (await created.json()).link.url : null;
		check('the admin creates a facility and its Leitung', facility.status === 201 && leitungLink !== null);

		const leitung = client(base, proxy);
		await leitung.setPassword(leitungLink ?? 'http://x/?token=', password);
		check(
			'the Leitung sets her password and logs in',
			(await leitung.logIn(leitungEmail, password)).status === 200
		);
		const bytes = pdf(1536);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const upload = await leitung.call('PUT', `/api/sync/attachments/${sha256}`, { bytes });
		check('she uploads a PDF of 1.5 MB', upload.status === 201, `${upload.status} ${await upload.text()}`);
		const download = async () => {
			const response = await leitung.call('GET', `/api/sync/attachments/${sha256}`);
			const served = Buffer.from(await response.arrayBuffer());
			return response.status === 200 && createHash('sha256').update(served).digest('hex') === sha256;
		};
		check('and downloads it byte for byte', await download());
		const files = compose('exec', '-T', 'app', 'sh', '-c', 'find /data -type f | wc -l').stdout.trim();
		check('the file is in PostgreSQL, not on the app’s volume (FILE_STORE=database)', files === '0', files);

		const down = compose('down');
		check('`compose down` (volumes kept)', down.status === 0, down.stderr);
		if (!(await up('`compose up -d` again'))) return;
		await appHealth();
		check(
			'after down and up: the Leitung logs in',
			(await leitung.logIn(leitungEmail, password)).status === 200
		);
		check('her file is still served byte for byte', await download());
		check('no second admin link', adminLinks(compose('logs', '--no-color', 'app').stdout).length === 0);
		const appContainer = compose('ps', '-q', 'app').stdout.trim();
		check('the app container turns healthy', await healthy(appContainer, 120_000));

		// Backup and restore as docs/operations.md describes them for containers: a dump from the db
		// container (the files are in it), restored into the empty database of a new deployment.
		const backup = composeRun(
			[
				'exec',
				'-T',
				'db',
				'pg_dump',
				'-U',
				'guetesiegel',
				'-Fc',
				'--no-owner',
				'--no-privileges',
				'guetesiegel'
			],
			{ binary: true }
		);
		check(
			'`pg_dump` in the db container writes a backup with the file in it',
			backup.status === 0 && backup.stdout.length > bytes.length,
			`${backup.status} ${backup.stdout.length} bytes ${backup.stderr}`
		);
		compose('down', '-v');
		compose('up', '-d', 'db');
		const ready = [
			'exec',
			'-T',
			'db',
			'pg_isready',
			'-h',
			'127.0.0.1',
			'-U',
			'guetesiegel',
			'-d',
			'guetesiegel'
		];
		await waitFor('the new database', () => compose(...ready).status === 0);
		const restore = composeRun(
			['exec', '-T', 'db', 'pg_restore', '-U', 'guetesiegel', '-d', 'guetesiegel'].concat([
				'--no-owner',
				'--no-privileges',
				'--exit-on-error'
			]),
			{ input: backup.stdout }
		);
		check('`pg_restore` into the new deployment’s empty database', restore.status === 0, restore.stderr);
		if (!(await up('`compose up -d` on the restored database'))) return;
		await appHealth();
		check(
			'after the restore: the Leitung logs in, her file is served byte for byte',
			(await leitung.logIn(leitungEmail, password)).status === 200 && (await download())
		);
		check(
			'no admin link on the restored database',
			adminLinks(compose('logs', '--no-color', 'app').stdout).length === 0
		);
	} finally {
		compose('down', '-v');
		rmSync(dir, { recursive: true, force: true });
	}
}

// A request to a server that is still starting can stay pending with nothing that keeps Node
// running (seen: exit code 13, an unsettled top-level await, mid-run). This keeps it running until
// the request settles or its 30 s timeout (an unreferenced timer by itself) ends it.
const keepAlive = setInterval(() => {}, 1000);
try {
	await imageAlone();
	await withCompose();
} catch (error) {
	check('the smoke test ran to its end', false, error instanceof Error ? error.message : error);
}
clearInterval(keepAlive);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
