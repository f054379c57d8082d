import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely';

/**
 * A statement built and compiled once per database, after which each call only puts its arguments
 * into the compiled parameters: for statements that every request or push runs, where building the
 * query costs more than the database takes to run it. The text stays the same, so PostgreSQL reuses
 * its plan as well. Each argument must become one parameter as it is (`build` must not compute with
 * it), which is checked when the statement is compiled.
 */
export function compiledOnce<DB, A extends unknown[], R>(
	build: (db: Kysely<DB>, ...args: A) => Compilable<R>
): (db: Kysely<DB>, ...args: A) => CompiledQuery<R> {
	// Keyed by the dialect adapter, which a database shares with its transactions and `withTables`.
	const compiled = new WeakMap<DialectAdapter, { query: CompiledQuery<R>; slots: number[] }>();
	return (db, ...args) => {
		const adapter = db.getExecutor().adapter;
		let entry = compiled.get(adapter);
		if (!entry) {
			const markers = args.map((_, i) => `\u0000argument ${i}\u0000`);
			const query = build(db, ...(markers as A)).compile();
			const slots = query.parameters.map((value) => markers.indexOf(value as string));
			if (markers.some((_, i) => slots.filter((slot) => slot === i).length !== 1)) {
				throw new Error('compiledOnce: each argument must become exactly one parameter.');
			}
			entry = { query, slots };
			compiled.set(adapter, entry);
		}
		const { query, slots } = entry;
		return {
			...query,
			parameters: query.parameters.map((value, i) => (slots[i] < 0 ? value : args[slots[i]]))
		};
	};
}
