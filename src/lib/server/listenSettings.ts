import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import { ConfigError } from './configError';

/**
 * The settings adapter-node reads itself (`PORT`, `ORIGIN`, the proxy headers, `BODY_SIZE_LIMIT` …),
 * checked before it reads them, so `node build` with a wrong one stops with a message that names it
 * instead of starting half-right. The app's own settings are checked by `loadConfig` (config.ts).
 */

/**
 * Attachments go up as one raw body of up to 25 MB; adapter-node's own default (512K) would refuse
 * every photo of a tablet's camera. 26M leaves room for the request's headers.
 */
export const DEFAULT_BODY_SIZE_LIMIT = '26M';
const MIN_BODY_BYTES = MAX_ATTACHMENT_BYTES + 512 * 1024;

/** Fills in what `node build` needs and adapter-node would otherwise default wrongly. */
export function applyListenDefaults(env: NodeJS.ProcessEnv): void {
	if (!env.BODY_SIZE_LIMIT?.trim()) env.BODY_SIZE_LIMIT = DEFAULT_BODY_SIZE_LIMIT;
}

const HEADER_NAME = /^[A-Za-z0-9-]+$/;
const INTEGER = /^\d+$/;

/** adapter-node's reading of a size: a number of bytes with an optional K, M or G; or Infinity. */
export function bodySizeBytes(raw: string): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[raw.slice(-1).toUpperCase()];
	return unit ? Number(raw.slice(0, -1)) * unit : Number(raw);
}

function set(env: NodeJS.ProcessEnv, name: string): string | null {
	return env[name]?.trim() || null;
}

/** `ORIGIN` as adapter-node and the app need it: scheme and host (and port), nothing else. */
function checkOrigin(raw: string): void {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new ConfigError(
			'ORIGIN',
			`ORIGIN ist keine Adresse: "${raw}". Beispiel: ORIGIN=https://siegel.traeger.example`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigError(
			'ORIGIN',
			`ORIGIN muss mit https:// (oder lokal http://) beginnen, nicht "${raw}".`
		);
	}
	if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
		throw new ConfigError(
			'ORIGIN',
			`ORIGIN ist nur Schema, Name und gegebenenfalls Port, ohne Pfad: "${url.origin}" statt "${raw}".`
		);
	}
}

/**
 * Throws a `ConfigError` for the first setting adapter-node would misread or that leaves the app
 * broken behind it. `ORIGIN` is required: without it adapter-node takes `https://` plus whatever
 * `Host` header arrives, so set-password links could point anywhere and sign-ins over plain HTTP
 * fail the CSRF check. Only a proxy that passes both scheme and host (`PROTOCOL_HEADER` and
 * `HOST_HEADER`) replaces it.
 */
export function checkListenSettings(env: NodeJS.ProcessEnv): void {
	const origin = set(env, 'ORIGIN');
	if (origin) checkOrigin(origin);
	else if (!set(env, 'PROTOCOL_HEADER') || !set(env, 'HOST_HEADER')) {
		throw new ConfigError(
			'ORIGIN',
			'ORIGIN fehlt: die öffentliche Adresse des Servers, z. B. ORIGIN=https://siegel.traeger.example ' +
				'(lokal ORIGIN=http://localhost:3000). Sie bestimmt Links, Cookies und die CSRF-Prüfung. ' +
				'`npm start` setzt sie lokal selbst; siehe docs/operations.md.'
		);
	}
	const port = set(env, 'PORT');
	if (port && !set(env, 'SOCKET_PATH') && (!INTEGER.test(port) || Number(port) < 1 || Number(port) > 65535)) {
		throw new ConfigError('PORT', `PORT muss eine Portnummer von 1 bis 65535 sein, nicht "${port}".`);
	}
	for (const name of ['ADDRESS_HEADER', 'PROTOCOL_HEADER', 'HOST_HEADER', 'PORT_HEADER']) {
		const header = set(env, name);
		if (header && !HEADER_NAME.test(header)) {
			throw new ConfigError(
				name,
				`${name} muss der Name eines HTTP-Headers sein (z. B. X-Forwarded-For), nicht "${header}".`
			);
		}
	}
	const depth = set(env, 'XFF_DEPTH');
	if (depth && (!INTEGER.test(depth) || Number(depth) < 1)) {
		throw new ConfigError(
			'XFF_DEPTH',
			`XFF_DEPTH muss eine ganze Zahl ab 1 sein (Anzahl der Proxys), nicht "${depth}".`
		);
	}
	for (const name of ['SHUTDOWN_TIMEOUT', 'IDLE_TIMEOUT', 'KEEP_ALIVE_TIMEOUT', 'HEADERS_TIMEOUT']) {
		const seconds = set(env, name);
		if (seconds && !INTEGER.test(seconds)) {
			throw new ConfigError(name, `${name} muss eine ganze Zahl von Sekunden sein, nicht "${seconds}".`);
		}
	}
	const body = set(env, 'BODY_SIZE_LIMIT');
	if (body) {
		const bytes = bodySizeBytes(body);
		if (Number.isNaN(bytes) || bytes <= 0) {
			throw new ConfigError(
				'BODY_SIZE_LIMIT',
				`BODY_SIZE_LIMIT muss eine Größe wie 26M sein, nicht "${body}".`
			);
		}
		if (bytes < MIN_BODY_BYTES) {
			throw new ConfigError(
				'BODY_SIZE_LIMIT',
				`BODY_SIZE_LIMIT=${body} ist zu klein: Anlagen dürfen ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB groß sein. ` +
					`Mindestens ${DEFAULT_BODY_SIZE_LIMIT} setzen (oder die Variable weglassen).`
			);
		}
	}
	checkServerProcesses(env);
}

/** The same rule as scripts/serve.js, for a `node build` started by hand with the variable set. */
function checkServerProcesses(env: NodeJS.ProcessEnv): void {
	const raw = set(env, 'SERVER_PROCESSES');
	if (!raw) return;
	if (!INTEGER.test(raw) || Number(raw) < 1) {
		throw new ConfigError(
			'SERVER_PROCESSES',
			`SERVER_PROCESSES muss eine ganze Zahl ab 1 sein, nicht "${raw}".`
		);
	}
	if (Number(raw) > 1 && !set(env, 'DATABASE_URL')) {
		throw new ConfigError(
			'SERVER_PROCESSES',
			'SERVER_PROCESSES über 1 braucht PostgreSQL (DATABASE_URL): die eingebettete SQLite-Datenbank öffnet nur ein Prozess.'
		);
	}
}
