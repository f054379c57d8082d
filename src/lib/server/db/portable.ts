import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from './database';

/**
 * The few column definitions that differ between SQLite and PostgreSQL, in one place. Spread into
 * `addColumn`: `.addColumn('id', ...identityColumn(dialect))`.
 */
export function identityColumn(
	dialect: DialectName
): [ColumnDataType, (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
	// SQLite's AUTOINCREMENT never reuses an id, even after deletes; bigserial never does either.
	return dialect === 'postgres'
		? ['bigserial', (col) => col.primaryKey()]
		: ['integer', (col) => col.primaryKey().autoIncrement()];
}
