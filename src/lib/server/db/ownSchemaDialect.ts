import {
	DEFAULT_MIGRATION_LOCK_TABLE,
	DEFAULT_MIGRATION_TABLE,
	PostgresDialect,
	PostgresIntrospector,
	sql,
	type ColumnMetadata,
	type DatabaseIntrospector,
	type DatabaseMetadataOptions,
	type Kysely,
	type SchemaMetadata,
	type TableMetadata
} from 'kysely';

/**
 * PostgreSQL as Kysely's dialect, but its introspection (which the migrator uses to find its own
 * tables) sees only the schema the server works in. Kysely's lists every schema of the database and
 * looks each one up by name (`has_schema_privilege`): when another server or test run on the same
 * database drops its schema meanwhile, the query fails with „schema … does not exist“.
 */
export class OwnSchemaPostgresDialect extends PostgresDialect {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
		return new OwnSchemaIntrospector(db);
	}
}

interface ColumnRow {
	table: string;
	table_type: string;
	schema: string;
	column: string;
	type: string;
	type_schema: string;
	not_null: boolean;
	has_default: boolean;
	auto_incrementing: string | null;
	column_description: string | null;
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	constructor(private readonly db: Kysely<any>) {}

	getSchemas(): Promise<SchemaMetadata[]> {
		// A plain read of pg_namespace, without lookups by name: no race.
		return new PostgresIntrospector(this.db).getSchemas();
	}

	async getTables(
		options: DatabaseMetadataOptions = { withInternalKyselyTables: false }
	): Promise<TableMetadata[]> {
		const internal = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];
		const { rows } = await sql<ColumnRow>`
			select c.relname as table, c.relkind as table_type, ns.nspname as schema, a.attname as column,
				typ.typname as type, dtns.nspname as type_schema, a.attnotnull as not_null,
				a.atthasdef as has_default, col_description(a.attrelid, a.attnum) as column_description,
				pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname)
					as auto_incrementing
			from pg_catalog.pg_attribute a
			join pg_catalog.pg_class c on c.oid = a.attrelid
			join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
			join pg_catalog.pg_type typ on typ.oid = a.atttypid
			join pg_catalog.pg_namespace dtns on dtns.oid = typ.typnamespace
			where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
				and a.attnum >= 0 and not a.attisdropped
				and (${options.withInternalKyselyTables} or c.relname not in (${sql.join(internal)}))
			order by c.relname, a.attnum`.execute(this.db);
		const tables = new Map<string, TableMetadata & { columns: ColumnMetadata[] }>();
		for (const row of rows) {
			let table = tables.get(row.table);
			if (!table) {
				table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] };
				tables.set(row.table, table);
			}
			table.columns.push({
				name: row.column,
				dataType: row.type,
				dataTypeSchema: row.type_schema,
				isNullable: !row.not_null,
				isAutoIncrementing: row.auto_incrementing !== null,
				hasDefaultValue: row.has_default,
				comment: row.column_description ?? undefined
			});
		}
		return [...tables.values()];
	}

	async getMetadata(options?: DatabaseMetadataOptions): Promise<{ tables: TableMetadata[] }> {
		return { tables: await this.getTables(options) };
	}
}
