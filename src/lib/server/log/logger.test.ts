import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '$lib/server/configError';
import { logger, logStartFailure, redirectLogs } from './logger';

describe('the logger', () => {
	let raw: string[];
	let restore: () => void;
	beforeEach(() => {
		raw = [];
		restore = redirectLogs({ write: (line) => raw.push(line) });
		logger.level = 'info';
	});
	afterEach(() => {
		logger.level = 'silent';
		restore();
	});

	it('writes errors with message and stack, without the values PostgreSQL quotes in detail', () => {
		const error = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
			detail: 'Key (email)=(leitung@kita.example) already exists.',
			code: '23505'
		});
		logger.error({ err: error }, 'request failed');
		const line = JSON.parse(raw[0]);
		expect(line).toMatchObject({ level: 'error', msg: 'request failed', err: { code: '23505' } });
		expect(line.err.message).toMatch(/duplicate key/);
		expect(line.err.stack).toMatch(/logger\.test\.ts/);
		expect(raw[0]).not.toContain('leitung@kita.example');
	});

	it('ends a refused start with the setting named and exit code 78; other failures with 1', () => {
		expect(logStartFailure(new ConfigError('ORIGIN', 'ORIGIN fehlt.'))).toBe(78);
		expect(JSON.parse(raw[0])).toMatchObject({
			level: 'fatal',
			variable: 'ORIGIN',
			msg: 'Start abgebrochen: ORIGIN fehlt.'
		});
		expect(logStartFailure(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(1);
		expect(JSON.parse(raw[1]).msg).toBe('Start abgebrochen: connect ECONNREFUSED 127.0.0.1:5432');
	});
});
