import { accessSync, constants, mkdirSync } from 'node:fs';
import { removeExpiredAuthRows } from '$lib/server/auth/housekeeping';
import { scheduleHousekeeping, type Housekeeping } from '$lib/server/auth/housekeepingTimer';
import { configWarnings, loadConfig, type ServerConfig } from '$lib/server/config';
import { ConfigError } from '$lib/server/configError';
import { openServerContext, type ServerContext } from '$lib/server/context';
import { createFirstAdmin, printDemoLogins, seedDemoDeployment } from '$lib/server/accounts/seed';
import { configureLogging, logger } from '$lib/server/log/logger';
import { backgroundWorkSettled } from '$lib/server/mail/background';

export interface StartOptions {
	now?: () => Date;
	log?: (line: string) => void;
	/** The settings (SvelteKit's `$env/dynamic/private` at start); default `process.env`. */
	env?: NodeJS.ProcessEnv;
}

/**
 * DATA_DIR holds the SQLite file and the attachments: created if missing, and refused by name when
 * the server's user cannot write there (a systemd unit without `ReadWritePaths`, a volume owned by
 * root), rather than failing later on the first upload.
 */
export function prepareDataDir(dir: string): void {
	try {
		mkdirSync(dir, { recursive: true });
		accessSync(dir, constants.W_OK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new ConfigError(
			'DATA_DIR',
			`DATA_DIR ${dir} kann nicht angelegt oder beschrieben werden (${code}). Das Verzeichnis muss dem Benutzer des Servers gehören.`
		);
	}
}

/**
 * Opens the server context (database, migrations), seeds the demo on an empty database and clears
 * expired sessions.
 */
export async function createServerContext(
	config: ServerConfig,
	options: StartOptions = {}
): Promise<ServerContext> {
	const log = options.log ?? ((line: string) => logger.info(line));
	prepareDataDir(config.dataDir);
	const ctx = await openServerContext(config, { now: options.now, log });
	try {
		await removeExpiredAuthRows(ctx);
		// Of several server processes (scripts/serve.js) the first starts alone and prints the links
		// and logins; the others would only print them again, or a second admin link.
		const first = config.processIndex === 0;
		if (first) for (const warning of configWarnings(config)) log(warning);
		if (config.adminEmail && first) await createFirstAdmin(ctx, config.adminEmail, log);
		if (config.demoSeed) {
			await seedDemoDeployment(ctx);
			if (first) await printDemoLogins(ctx, log);
		}
		return ctx;
	} catch (error) {
		await ctx.close();
		throw error;
	}
}

// Kept on globalThis so a module reloaded by Vite in dev finds the running server, not a second one.
const holder = globalThis as typeof globalThis & {
	__guetesiegelServer?: Promise<ServerContext>;
	__guetesiegelHousekeeping?: Housekeeping;
};

/** Reads the settings, starts the logger and the context, and the hourly housekeeping. */
async function launch(options: StartOptions): Promise<ServerContext> {
	const config = loadConfig(options.env ?? process.env);
	await configureLogging(config.log);
	const ctx = await createServerContext(config, options);
	// Of several processes one is enough; the deletes are the same in all of them.
	if (config.processIndex === 0) holder.__guetesiegelHousekeeping = scheduleHousekeeping(ctx);
	logger.info(
		{
			version: ctx.version,
			origin: config.origin,
			database: ctx.dialectName,
			fileStore: config.fileStore,
			bodySizeLimit: (options.env ?? process.env).BODY_SIZE_LIMIT,
			processIndex: config.processIndex
		},
		'server started'
	);
	return ctx;
}

/** The process's server context, started on first use (hooks `init` calls this at start). */
export function startServer(options: StartOptions = {}): Promise<ServerContext> {
	holder.__guetesiegelServer ??= launch(options);
	return holder.__guetesiegelServer;
}

/** Replaces the process's context; tests use it to run the same handlers on SQLite and PostgreSQL. */
export function useServerContext(ctx: ServerContext | null): void {
	if (ctx) holder.__guetesiegelServer = Promise.resolve(ctx);
	else delete holder.__guetesiegelServer;
}

export async function stopServer(): Promise<void> {
	const running = holder.__guetesiegelServer;
	delete holder.__guetesiegelServer;
	const housekeeping = holder.__guetesiegelHousekeeping;
	delete holder.__guetesiegelHousekeeping;
	housekeeping?.stop();
	await housekeeping?.idle();
	// A „Passwort vergessen“ mail under way is sent before the database closes (SMTP timeouts bound it).
	await backgroundWorkSettled();
	if (running) await (await running).close();
	logger.info('server stopped');
}
