import type { CrudActions } from './registerActions';

/** The add/update/remove of a register table bound to the facility the page shows. */
export function boundTo<F>(
	entries: {
		add(facilityId: string, fields: F): Promise<unknown>;
		update(id: string, fields: F): Promise<unknown>;
		remove(id: string): Promise<unknown>;
	},
	facilityId: () => string | undefined
): CrudActions<F> {
	return {
		add(fields) {
			const id = facilityId();
			if (!id) return Promise.reject(new Error('Das Familienzentrum ist noch nicht geladen.'));
			return entries.add(id, fields);
		},
		update: (id, fields) => entries.update(id, fields),
		remove: (id) => entries.remove(id)
	};
}
