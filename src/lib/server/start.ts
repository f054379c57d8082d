import { removeExpiredAuthRows } from '$lib/server/auth/housekeeping';
import { configWarnings, loadConfig, type ServerConfig } from '$lib/server/config';
import { openServerContext, type ServerContext } from '$lib/server/context';
import { createFirstAdmin, printDemoLogins, seedDemoDeployment } from '$lib/server/accounts/seed';
import { backgroundWorkSettled } from '$lib/server/mail/background';

export interface StartOptions {
	now?: () => Date;
	log?: (line: string) => void;
}

/**
 * Opens the server context (database, migrations), seeds the demo on an empty database and clears
 * expired sessions.
 */
export async function createServerContext(
	config: ServerConfig,
	options: StartOptions = {}
): Promise<ServerContext> {
	const log = options.log ?? ((line: string) => console.log(line));
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
const holder = globalThis as typeof globalThis & { __guetesiegelServer?: Promise<ServerContext> };

/** The process's server context, started on first use (hooks `init` calls this at start). */
export function startServer(options?: StartOptions): Promise<ServerContext> {
	holder.__guetesiegelServer ??= createServerContext(loadConfig(), options);
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
	// A „Passwort vergessen“ mail under way is sent before the database closes (SMTP timeouts bound it).
	await backgroundWorkSettled();
	if (running) await (await running).close();
}
