import { format } from 'node:util';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { CONFIG_EXIT_CODE, ConfigError } from '$lib/server/configError';

/** The levels `LOG_LEVEL` accepts, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = Level | 'silent';
export type LogFormat = 'json' | 'pretty';

function initialLevel(raw: string | undefined): LogLevel {
	const level = raw?.trim().toLowerCase();
	return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info';
}

/**
 * Where the lines go. Swappable so the one `logger` every module imports can switch to the pretty
 * form at start, and tests can read the lines.
 */
let destination: DestinationStream = { write: (line) => process.stdout.write(line) };

/**
 * The server's one logger: a JSON line per event on stdout, for journald, Docker or any log shipper.
 * Error details a database adds (PostgreSQL's `detail` quotes the offending values, which can be an
 * e-mail address) are removed; messages and stack traces stay.
 */
export const logger: Logger = pino(
	{
		// Until the settings are read (configureLogging); tests set LOG_LEVEL=silent for quiet runs.
		level: initialLevel(process.env.LOG_LEVEL),
		base: { pid: process.pid },
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		redact: { paths: ['err.detail', 'err.where', 'err.parameters', 'error.detail'], remove: true }
	},
	{ write: (line: string) => destination.write(line) }
);

/**
 * Applies `LOG_LEVEL` and `LOG_FORMAT` once the settings are read. Pretty lines (pino-pretty) only
 * when asked for: a person reading a terminal, never a log collector.
 */
export async function configureLogging(options: { level: LogLevel; format: LogFormat }): Promise<void> {
	logger.level = options.level;
	if (options.format === 'pretty') {
		const { default: pretty } = await import('pino-pretty');
		destination = pretty({
			sync: true,
			singleLine: true,
			translateTime: 'SYS:HH:MM:ss',
			ignore: 'pid,hostname'
		});
	}
}

/** Sends the log lines somewhere else (tests); returns a function that restores stdout. */
export function redirectLogs(to: DestinationStream): () => void {
	const previous = destination;
	destination = to;
	return () => {
		destination = previous;
	};
}

/**
 * Routes `console.*` of code that is not ours (adapter-node's „Listening on …“, a library's warning)
 * into the logger, so stdout holds JSON lines only and a log shipper never meets a plain one.
 */
export function routeConsoleToLogger(): void {
	const forward =
		(level: 'info' | 'warn' | 'error' | 'debug') =>
		(...args: unknown[]) =>
			logger[level](format(...args));
	console.log = forward('info');
	console.info = forward('info');
	console.warn = forward('warn');
	console.error = forward('error');
	console.debug = forward('debug');
}

/**
 * The last line of a start that failed: which setting is wrong (`variable`), in words a person can
 * act on. Returns the exit code: 78 for a setting (restarting will not help), 1 for anything else
 * (a database not reachable yet: a restart may).
 */
export function logStartFailure(error: unknown): number {
	if (error instanceof ConfigError) {
		logger.fatal({ variable: error.variable }, `Start abgebrochen: ${error.message}`);
		return CONFIG_EXIT_CODE;
	}
	logger.fatal(
		{ err: error },
		`Start abgebrochen: ${error instanceof Error ? error.message : String(error)}`
	);
	return 1;
}
