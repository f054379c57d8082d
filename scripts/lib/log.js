// The launchers' logger (npm start, scripts/serve.js): the same JSON lines as the server's
// (src/lib/server/log/logger.ts), so a service manager's journal holds one format.
import { pino } from 'pino';

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = process.env.LOG_LEVEL?.trim().toLowerCase() ?? '';
const pretty = process.env.LOG_FORMAT?.trim().toLowerCase() === 'pretty';

const options = {
	level: levels.includes(level) ? level : 'info',
	base: { pid: process.pid },
	timestamp: pino.stdTimeFunctions.isoTime,
	formatters: { level: (/** @type {string} */ label) => ({ level: label }) }
};

export const log = pretty
	? pino(
			options,
			(await import('pino-pretty')).default({
				sync: true,
				singleLine: true,
				translateTime: 'SYS:HH:MM:ss',
				ignore: 'pid,hostname'
			})
		)
	: pino(options);
