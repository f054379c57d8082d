import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodySizeBytes } from './listenSettings';

// The deployment examples in deploy/ must name settings the server reads, and agree with each other
// on the port, the data directory, the body size and the header that carries the client's address.

const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesBelow(path);
		return /\.(ts|js)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** Every variable the server and its launchers read, found in their code, plus adapter-node's own. */
const knownSettings = (() => {
	const names = new Set<string>();
	const sources = [...filesBelow(join(root, 'src/lib/server')), join(root, 'src/instrumentation.server.ts')];
	for (const file of [...sources, join(root, 'scripts/serve.js'), join(root, 'scripts/lib/log.js')]) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g)) {
			names.add(match[1] ?? match[2]);
		}
	}
	const adapter = readFileSync(join(root, 'node_modules/@sveltejs/adapter-node/files/env.js'), 'utf8');
	const expected = adapter.slice(
		adapter.indexOf('const expected'),
		adapter.indexOf('const expected_unprefixed')
	);
	for (const match of expected.matchAll(/'([A-Z_]+)'/g)) names.add(match[1]);
	return names;
})();

/** NAME=value lines of a shell-style env file, commented-out examples included. */
function envFileSettings(text: string): Map<string, string> {
	const settings = new Map<string, string>();
	for (const match of text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm))
		settings.set(match[1], match[2].trim());
	return settings;
}

const unit = read('deploy/systemd/guetesiegel.service');
const envFile = envFileSettings(read('deploy/systemd/guetesiegel.env'));
const caddy = read('deploy/caddy/Caddyfile');
const nginx = read('deploy/nginx/guetesiegel.conf');
const dockerfile = read('deploy/docker/Dockerfile');
const compose = read('deploy/docker/compose.yaml');
const operations = read('docs/operations.md');

describe('the deployment files', () => {
	it('set only settings the server reads, each documented in docs/operations.md', () => {
		expect(knownSettings).toContain('ORIGIN');
		expect(knownSettings).toContain('LOG_LEVEL');
		const composeApp = compose.slice(compose.indexOf('  app:'));
		const used = new Set([
			...envFile.keys(),
			...[...composeApp.matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]),
			...[...dockerfile.matchAll(/^\s+([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).filter((n) => n !== 'NODE_ENV')
		]);
		expect(used.size).toBeGreaterThan(15);
		for (const name of used) {
			expect(knownSettings, `${name} is set in deploy/ but never read`).toContain(name);
			expect(operations, `${name} is not documented`).toContain(`\`${name}\``);
		}
	});

	it('agree with the env file on port, data directory, body size and the client-address header', () => {
		const port = envFile.get('PORT');
		const dataDir = envFile.get('DATA_DIR')!;
		expect(envFile.get('ORIGIN')).toMatch(/^https:\/\//);
		expect(envFile.get('HOST')).toBe('127.0.0.1');
		expect(unit).toContain(`ReadWritePaths=${dataDir}`);
		expect(unit).toContain(`StateDirectory=${dataDir.replace('/var/lib/', '')}`);
		expect(caddy).toContain(`reverse_proxy 127.0.0.1:${port}`);
		expect(nginx).toContain(`server 127.0.0.1:${port};`);
		expect(envFile.get('ADDRESS_HEADER')).toBe('X-Forwarded-For');
		expect(envFile.get('XFF_DEPTH')).toBe('1');
		// nginx overwrites the header with the client's address; Caddy does so by itself.
		expect(nginx).toContain(`proxy_set_header ${envFile.get('ADDRESS_HEADER')} $remote_addr;`);
		expect(caddy).not.toMatch(/^\s*trusted_proxies/m);
		const serverBytes = bodySizeBytes(envFile.get('BODY_SIZE_LIMIT')!);
		expect(bodySizeBytes(caddy.match(/max_size (\d+)MB/)![1] + 'M')).toBeGreaterThanOrEqual(serverBytes);
		expect(bodySizeBytes(nginx.match(/client_max_body_size (\d+m);/)![1])).toBeGreaterThanOrEqual(
			serverBytes
		);
	});

	it('stream the ZIP export and give uploads time', () => {
		expect(caddy).toMatch(/flush_interval -1/);
		expect(nginx).toMatch(/export\\\.zip\$ \{\s+proxy_buffering off;/);
		expect(nginx).toMatch(/proxy_request_buffering off;/);
		expect(nginx).toMatch(/client_body_timeout 10m;/);
		expect(caddy).toMatch(/read_timeout 10m/);
	});

	it('run the service as its own user, restarted on failure, with the hardening options', () => {
		for (const line of [
			'User=guetesiegel',
			'Restart=on-failure',
			'RestartPreventExitStatus=78',
			'EnvironmentFile=/etc/guetesiegel/guetesiegel.env',
			'ExecStart=/usr/bin/node build',
			'NoNewPrivileges=true',
			'ProtectSystem=strict',
			'PrivateTmp=true',
			'ProtectHome=true',
			'CapabilityBoundingSet='
		]) {
			expect(unit).toContain(line);
		}
	});

	it('build a container on Node 22 that runs as non-root with a health check and a data volume', () => {
		expect(dockerfile).toMatch(/^FROM node:22-bookworm-slim AS build$/m);
		expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
		expect(dockerfile).toMatch(/^USER node$/m);
		expect(dockerfile).toMatch(/\/api\/health/);
		expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
		expect(dockerfile).toMatch(/DATA_DIR=\/data/);
		expect(dockerfile).toMatch(/^CMD \["node", "build"\]$/m);
		expect(compose).toMatch(/image: postgres:16/);
		expect(compose).toMatch(/db:\/var\/lib\/postgresql\/data/);
		expect(compose).toMatch(/files:\/data/);
		expect(compose).toMatch(/DATABASE_URL: postgres:\/\//);
	});

	it('keep node_modules and secrets out of the image build, for every builder', () => {
		// The root's .dockerignore is the one the classic builder and docker-compose v1 read too;
		// the host's node_modules (built for its Node) would otherwise land on top of `npm ci`'s.
		const ignore = read('.dockerignore');
		expect(ignore).toMatch(/^\*\*\/node_modules$/m);
		expect(ignore).toMatch(/^\*\*\/\.env$/m);
		expect(ignore).toMatch(/^\.git$/m);
		// A `# syntax=` line would fetch a frontend image from Docker Hub at every build.
		expect(dockerfile).not.toMatch(/^# syntax=/m);
		// Healthy only once the database takes network connections, not during its first set-up.
		expect(compose).toMatch(/pg_isready -h 127\.0\.0\.1 /);
	});
});

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('the deployment files, checked by their own tools where installed', () => {
	it.runIf(has('systemd-analyze'))('systemd-analyze verify accepts the units and the timer', () => {
		const units = ['guetesiegel.service', 'guetesiegel-backup.service', 'guetesiegel-backup.timer'];
		execFileSync('systemd-analyze', ['verify', ...units.map((u) => join(root, 'deploy/systemd', u))], {
			stdio: 'pipe'
		});
	});

	it('the nightly backup runs the backup script with the server settings into a new folder', () => {
		const backup = read('deploy/systemd/guetesiegel-backup.service');
		expect(backup).toContain('EnvironmentFile=/etc/guetesiegel/guetesiegel.env');
		expect(backup).toMatch(/ExecStart=.*scripts\/backup\.js "\/var\/backups\/guetesiegel\/\$\(date/);
		expect(backup).toMatch(/ReadWritePaths=\/var\/lib\/guetesiegel \/var\/backups\/guetesiegel/);
		expect(read('deploy/systemd/guetesiegel-backup.timer')).toMatch(/Persistent=true/);
	});

	it.runIf(has('caddy'))('caddy validate accepts the Caddyfile', () => {
		execFileSync(
			'caddy',
			['validate', '--adapter', 'caddyfile', '--config', join(root, 'deploy/caddy/Caddyfile')],
			{
				stdio: 'pipe'
			}
		);
	});

	it.runIf(has('nginx') && has('openssl'))('nginx -t accepts the site, with a throw-away certificate', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gsm-nginx-'));
		try {
			execFileSync(
				'openssl',
				['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test'].concat([
					'-keyout',
					join(dir, 'key.pem'),
					'-out',
					join(dir, 'cert.pem')
				]),
				{ stdio: 'pipe' }
			);
			const site = nginx
				.replace(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/, join(dir, 'cert.pem'))
				.replace(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/, join(dir, 'key.pem'));
			writeFileSync(join(dir, 'site.conf'), site);
			writeFileSync(
				join(dir, 'nginx.conf'),
				`pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp { include ${dir}/site.conf; }\n`
			);
			execFileSync('nginx', ['-t', '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
