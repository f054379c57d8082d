import { describe, expect, it } from 'vitest';
import { dossierRegisterTableSchema } from '../dossier/snapshot';
import { periodFromKey } from '../periods';
import { emptyRegisterData } from '../registers/registerData';
import { makeOfficeHourPlan, makeOfficeHourSession, makePartner } from '$fixtures/registers';
import { countRows, registerTablesFor } from './registerTables';

const period = periodFromKey('cy-2026')!;

describe('the register tables a hand-in carries', () => {
	it('makes one CSV per register table with entries, named like the register page names it', () => {
		const data = {
			...emptyRegisterData(),
			officeHourPlans: [makeOfficeHourPlan()],
			officeHourSessions: [
				makeOfficeHourSession({ id: 's1', date: '2026-03-03' }),
				makeOfficeHourSession({ id: 's2', date: '2026-04-07' })
			],
			partners: [makePartner()]
		};
		const tables = registerTablesFor(data, period, '2026-06-01');
		const byName = new Map(tables.map((t) => [t.fileName, t]));
		expect([...byName.keys()]).toEqual(
			expect.arrayContaining(['sprechstunden-plan.csv', 'sprechstunden-cy-2026.csv'])
		);
		expect(byName.get('sprechstunden-cy-2026.csv')?.rows).toBe(2);
		expect(byName.get('sprechstunden-plan.csv')?.rows).toBe(1);
		// Tables without entries are left out; every table passes the wire's schema.
		expect(tables.every((t) => t.rows > 0)).toBe(true);
		for (const table of tables) expect(dossierRegisterTableSchema.safeParse(table).success).toBe(true);
		expect(tables.some((t) => t.fileName.startsWith('familienbildung'))).toBe(false);
	});

	it('makes none for empty registers', () => {
		expect(registerTablesFor(emptyRegisterData(), period, '2026-06-01')).toEqual([]);
	});

	it('counts data rows, not line breaks inside quoted cells', () => {
		expect(countRows('\uFEFFA;B\r\n1;2\r\n')).toBe(1);
		expect(countRows('\uFEFFA;B\r\n"eins\r\nzwei";2\r\n3;4\r\n')).toBe(2);
		expect(countRows('\uFEFFA;B\r\n')).toBe(0);
	});
});
