import type { Catalogue, VersionMapping } from '../catalogue/schema';

/**
 * Where the ids of one catalogue version land in another. Criteria and their sub-items share one id
 * space (a sub-item's status is stored like a criterion's), so both are looked up alike: an id the
 * new version's mapping lists goes where the mapping says (null: dropped); any other id stays as it
 * is when the new version has it, and is dropped when it does not.
 */
export interface IdMap {
	/** The mapping the new version declares for the old one; null when it declares none. */
	mapping: VersionMapping | null;
	/**
	 * The new id of an old criterion or sub-item; null when it is dropped. An id the old catalogue
	 * does not know (a record left from an even older version) is undefined: nothing is decided.
	 */
	targetOf(oldId: string): string | null | undefined;
	/** Whether the id names a criterion or sub-item of the new version. */
	inTarget(id: string): boolean;
}

/** Every criterion and sub-item id of a catalogue. */
export function catalogueIds(catalogue: Catalogue): Set<string> {
	const ids = new Set<string>();
	for (const criterion of catalogue.criteria) {
		ids.add(criterion.id);
		for (const item of criterion.items ?? []) ids.add(item.id);
	}
	return ids;
}

/**
 * The mapping `to` declares from `from`'s version. Matched by version only: a transcription of the
 * official catalogue may carry another catalogue id and still map from the working version.
 */
export function mappingBetween(from: Catalogue, to: Catalogue): VersionMapping | null {
	return (to.mappings ?? []).find((m) => m.fromVersion === from.version) ?? null;
}

export function buildIdMap(from: Catalogue, to: Catalogue): IdMap {
	const fromIds = catalogueIds(from);
	const toIds = catalogueIds(to);
	const mapping = mappingBetween(from, to);
	return {
		mapping,
		inTarget: (id) => toIds.has(id),
		targetOf(oldId) {
			if (!fromIds.has(oldId)) return undefined;
			if (mapping && Object.hasOwn(mapping.criteria, oldId)) {
				const mapped = mapping.criteria[oldId];
				// A mapping naming an id the new version lacks cannot be followed: dropped, not invented.
				return mapped !== null && toIds.has(mapped) ? mapped : null;
			}
			return toIds.has(oldId) ? oldId : null;
		}
	};
}
