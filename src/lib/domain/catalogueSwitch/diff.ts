import type { Catalogue, Criterion, CriterionLevel } from '../catalogue/schema';
import { buildIdMap } from './idMap';

/**
 * What changes between two catalogue versions, criterion by criterion, as the Leitung sees it
 * before she takes a version over. Old and new criteria are paired by the ids of `idMap`: by the
 * same id, or by the mapping the new version declares.
 */

export interface CatalogueEntryRef {
	id: string;
	title: string;
}
/** An old criterion and the new one it became. */
export interface CriterionPair {
	fromId: string;
	toId: string;
	/** The new title. */
	title: string;
}
export interface RenamedCriterion extends CriterionPair {
	fromTitle: string;
}
export interface MovedCriterion extends CriterionPair {
	/** Area title, and block title when the criterion has one. */
	fromPlace: string;
	toPlace: string;
}
export interface ChangedValue<T> extends CriterionPair {
	from: T;
	to: T;
}
export interface ItemRef extends CatalogueEntryRef {
	/** The criterion the sub-item belongs to (in the version that has it). */
	criterionId: string;
}

export interface CatalogueDiff {
	from: { id: string; version: string; title: string };
	to: { id: string; version: string; title: string };
	/** Whether the new version declares a mapping from the old one. */
	hasMapping: boolean;
	added: CatalogueEntryRef[];
	removed: CatalogueEntryRef[];
	renamed: RenamedCriterion[];
	moved: MovedCriterion[];
	pointsChanged: ChangedValue<number>[];
	levelChanged: ChangedValue<CriterionLevel>[];
	/** Criteria and sub-items whose id changes by the mapping (old id → new id). */
	mapped: { fromId: string; toId: string }[];
	itemsAdded: ItemRef[];
	itemsRemoved: ItemRef[];
}

function place(catalogue: Catalogue, criterion: Criterion): string {
	const area = catalogue.areas.find((a) => a.id === criterion.areaId);
	const block = area?.blocks?.find((b) => b.id === criterion.blockId);
	const areaTitle = area?.title ?? criterion.areaId;
	return block ? `${areaTitle}, ${block.title}` : areaTitle;
}

function header(c: Catalogue) {
	return { id: c.id, version: c.version, title: c.title };
}

export function diffCatalogues(from: Catalogue, to: Catalogue): CatalogueDiff {
	const ids = buildIdMap(from, to);
	const toCriteria = new Map(to.criteria.map((c) => [c.id, c]));
	const reached = new Set<string>();
	const diff: CatalogueDiff = {
		from: header(from),
		to: header(to),
		hasMapping: ids.mapping !== null,
		added: [],
		removed: [],
		renamed: [],
		moved: [],
		pointsChanged: [],
		levelChanged: [],
		mapped: [],
		itemsAdded: [],
		itemsRemoved: []
	};

	const follow = (fromId: string): string | null => {
		const target = ids.targetOf(fromId) ?? null;
		if (target !== null) reached.add(target);
		if (target !== null && target !== fromId) diff.mapped.push({ fromId, toId: target });
		return target;
	};

	for (const old of from.criteria) {
		const toId = follow(old.id);
		for (const item of old.items ?? []) {
			if (follow(item.id) === null)
				diff.itemsRemoved.push({ id: item.id, title: item.title, criterionId: old.id });
		}
		const next = toId === null ? undefined : toCriteria.get(toId);
		if (!next) {
			// Dropped, or (rarely) mapped onto a sub-item: as a criterion it is gone either way.
			diff.removed.push({ id: old.id, title: old.title });
			continue;
		}
		const pair = { fromId: old.id, toId: next.id, title: next.title };
		if (old.title !== next.title) diff.renamed.push({ ...pair, fromTitle: old.title });
		if (old.areaId !== next.areaId || (old.blockId ?? null) !== (next.blockId ?? null))
			diff.moved.push({ ...pair, fromPlace: place(from, old), toPlace: place(to, next) });
		if (old.points !== next.points) diff.pointsChanged.push({ ...pair, from: old.points, to: next.points });
		if (old.level !== next.level) diff.levelChanged.push({ ...pair, from: old.level, to: next.level });
	}

	for (const criterion of to.criteria) {
		if (!reached.has(criterion.id)) diff.added.push({ id: criterion.id, title: criterion.title });
		for (const item of criterion.items ?? []) {
			if (!reached.has(item.id))
				diff.itemsAdded.push({ id: item.id, title: item.title, criterionId: criterion.id });
		}
	}
	return diff;
}

/** Whether anything about the criteria changes at all. */
export function isEmptyDiff(diff: CatalogueDiff): boolean {
	return (
		diff.added.length +
			diff.removed.length +
			diff.renamed.length +
			diff.moved.length +
			diff.pointsChanged.length +
			diff.levelChanged.length +
			diff.mapped.length +
			diff.itemsAdded.length +
			diff.itemsRemoved.length ===
		0
	);
}
