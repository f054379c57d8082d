import path from 'node:path';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '$lib/server/log/logger';
import { ConfigError } from './configError';

/** Everything the server reads from its environment, parsed once at start. See docs/server.md. */
export interface ServerConfig {
	dataDir: string;
	/** postgres://… selects PostgreSQL; unset means SQLite in dataDir. */
	databaseUrl: string | null;
	/** PostgreSQL schema to use (created if missing); lets tests and benchmarks share one database. */
	databaseSchema: string | null;
	/** PostgreSQL: size of this process's connection pool for transactions (its share of the server's). */
	databasePoolSize: number;
	/** Which of the server's processes this is (0 when it runs in one); see scripts/serve.js. */
	processIndex: number;
	/** Public origin, e.g. https://siegel.example.org; used for links and the Secure cookie flag. */
	origin: string | null;
	/** adapter-node's `ADDRESS_HEADER`: the header a reverse proxy puts the client's address in. */
	addressHeader: string | null;
	demoSeed: boolean;
	/** With no admin in the database, an admin account for this email is created at start. */
	adminEmail: string | null;
	session: {
		/** A session unused this long ends. */
		idleMs: number;
		/** A session ends this long after login however much it is used. */
		absoluteMs: number;
	};
	/** Growing waits after failed logins (auth/rateLimit.ts); never a lock-out. */
	loginThrottle: {
		/** Failures older than this are forgotten. */
		windowMs: number;
		/** Failures for one account from one address before the first wait. */
		freeFailuresPerAccount: number;
		/** Failures from one address (all accounts) before accounts new to it wait as well. */
		freeFailuresPerAddress: number;
		/** The first wait; each further failure doubles it. */
		baseDelayMs: number;
		/** Longest wait for one account from one address. */
		maxDelayMs: number;
		/** Longest wait an address's failures put on accounts new to it. */
		maxAddressDelayMs: number;
		/** An address an account logged in from this recently is its own (the address wait skips it). */
		knownAddressMs: number;
	};
	/** Lifetime of a one-time set-password link. */
	passwordLinkMs: number;
	/**
	 * Who runs this deployment, for the Impressum, the Datenschutzerklärung and the Erklärung zur
	 * Barrierefreiheit (`OPERATOR_*`). Unset fields are shown as „nicht angegeben“ in those pages.
	 */
	operator: OperatorDetails;
	/** Outgoing mail; null without `SMTP_URL` (links are then shown to the one who made them). */
	mail: { smtpUrl: string; from: string } | null;
	/**
	 * Where attachment files live: `disk` (blobs in dataDir, the embedded default) or `database`
	 * (PostgreSQL, shared by several app servers). `FILE_STORE`; default `disk`.
	 */
	fileStore: 'disk' | 'database';
	/** `LOG_LEVEL` (default `info`) and `LOG_FORMAT` (`json`, or `pretty` for a person at a terminal). */
	log: { level: LogLevel; format: LogFormat };
}

/** The deployment's operator as the legal pages name it; every field is plain text. */
export interface OperatorDetails {
	/** OPERATOR_NAME, e.g. „Stadt Musterstadt – Jugendamt“. */
	name: string | null;
	/** OPERATOR_ADDRESS, lines separated by „|“ or newlines. */
	address: string | null;
	/** OPERATOR_REPRESENTATIVE: who represents the operator (Vertretungsberechtigte). */
	representative: string | null;
	/** OPERATOR_EMAIL, OPERATOR_PHONE: general contact. */
	email: string | null;
	phone: string | null;
	/** PRIVACY_OFFICER: the Datenschutzbeauftragte (name and contact). */
	privacyOfficer: string | null;
	/** ACCESSIBILITY_CONTACT: where to report accessibility barriers (e-mail or address). */
	accessibilityContact: string | null;
}

/**
 * A push holds its connection for two round trips, which under load wait mostly for this busy
 * process, not for the database: more connections than cores keep pushes from queueing for one.
 */
export const DEFAULT_DATABASE_POOL_SIZE = 40;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const MINUTE = 60 * 1000;

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw new ConfigError(name, `${name} muss eine positive Zahl sein, nicht "${raw}".`);
	}
	return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || null;
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError(
			'DATABASE_URL',
			'DATABASE_URL muss mit postgres:// beginnen (ohne DATABASE_URL läuft der Server mit SQLite).'
		);
	}
	const databaseSchema = env.DATABASE_SCHEMA?.trim() || null;
	if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
		throw new ConfigError(
			'DATABASE_SCHEMA',
			'DATABASE_SCHEMA muss ein SQL-Name aus Kleinbuchstaben, Ziffern und _ sein.'
		);
	}
	// Set by scripts/serve.js in each of several server processes, which share the pool size.
	const processes = Math.round(positiveNumber(env, 'SERVER_PROCESSES', 1));
	return {
		dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
		databaseUrl,
		databaseSchema,
		databasePoolSize: Math.max(
			2,
			Math.round(positiveNumber(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE) / processes)
		),
		processIndex: Number(env.SERVER_PROCESS_INDEX) || 0,
		origin: env.ORIGIN?.trim().replace(/\/+$/, '') || null,
		addressHeader: env.ADDRESS_HEADER?.trim() || null,
		demoSeed: env.DEMO_SEED !== '0' && env.DEMO_SEED !== 'false',
		adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || null,
		session: {
			idleMs: positiveNumber(env, 'SESSION_IDLE_HOURS', 7 * 24) * HOUR,
			absoluteMs: positiveNumber(env, 'SESSION_ABSOLUTE_DAYS', 30) * DAY
		},
		loginThrottle: {
			windowMs: DAY,
			freeFailuresPerAccount: positiveNumber(env, 'LOGIN_FREE_FAILURES_PER_USER', 3),
			freeFailuresPerAddress: positiveNumber(env, 'LOGIN_FREE_FAILURES_PER_IP', 20),
			baseDelayMs: 5 * 1000,
			maxDelayMs: positiveNumber(env, 'LOGIN_MAX_DELAY_MINUTES', 15) * MINUTE,
			maxAddressDelayMs: MINUTE,
			knownAddressMs: 30 * DAY
		},
		passwordLinkMs: 7 * DAY,
		operator: {
			name: text(env, 'OPERATOR_NAME'),
			address: text(env, 'OPERATOR_ADDRESS'),
			representative: text(env, 'OPERATOR_REPRESENTATIVE'),
			email: text(env, 'OPERATOR_EMAIL'),
			phone: text(env, 'OPERATOR_PHONE'),
			privacyOfficer: text(env, 'PRIVACY_OFFICER'),
			accessibilityContact: text(env, 'ACCESSIBILITY_CONTACT')
		},
		mail: mailConfig(env),
		fileStore: fileStore(env, databaseUrl),
		log: logSettings(env)
	};
}

function logSettings(env: NodeJS.ProcessEnv): ServerConfig['log'] {
	const level = text(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
	if (!(LOG_LEVELS as readonly string[]).includes(level)) {
		throw new ConfigError(
			'LOG_LEVEL',
			`LOG_LEVEL muss einer von ${LOG_LEVELS.join(', ')} sein, nicht "${level}".`
		);
	}
	const format = text(env, 'LOG_FORMAT')?.toLowerCase() ?? 'json';
	if (format !== 'json' && format !== 'pretty') {
		throw new ConfigError('LOG_FORMAT', `LOG_FORMAT muss json oder pretty sein, nicht "${format}".`);
	}
	return { level: level as LogLevel, format };
}

function text(env: NodeJS.ProcessEnv, name: string): string | null {
	return env[name]?.trim() || null;
}

function mailConfig(env: NodeJS.ProcessEnv): ServerConfig['mail'] {
	const smtpUrl = text(env, 'SMTP_URL');
	if (!smtpUrl) return null;
	if (!/^smtps?:\/\//.test(smtpUrl)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
	const from = text(env, 'MAIL_FROM');
	if (!from) throw new Error('MAIL_FROM must be set when SMTP_URL is set');
	return { smtpUrl, from };
}

function fileStore(env: NodeJS.ProcessEnv, databaseUrl: string | null): ServerConfig['fileStore'] {
	const raw = text(env, 'FILE_STORE') ?? 'disk';
	if (raw !== 'disk' && raw !== 'database') throw new Error('FILE_STORE must be disk or database');
	if (raw === 'database' && !databaseUrl) throw new Error('FILE_STORE=database needs DATABASE_URL');
	return raw;
}

/**
 * Settings that start but are probably wrong, printed at start. An https origin almost always means
 * a reverse proxy in front; without `ADDRESS_HEADER` every request then comes from the proxy's
 * address, and the login throttle, keyed by address, lets one guesser slow every user.
 */
export function configWarnings(config: ServerConfig): string[] {
	const warnings: string[] = [];
	if (config.origin?.startsWith('https://') && !config.addressHeader) {
		warnings.push(
			'Warnung: ORIGIN ist https, aber ADDRESS_HEADER ist nicht gesetzt. Hinter einem Reverse-Proxy ' +
				'kommen dann alle Anfragen von der Adresse des Proxys: Die Anmeldebremse zählt die Fehlversuche ' +
				'aller zusammen, und falsche Passwörter eines Fremden verzögern die Anmeldung aller. ' +
				'ADDRESS_HEADER (z. B. X-Forwarded-For, mit XFF_DEPTH) setzen, siehe docs/server.md.'
		);
	}
	return warnings;
}
