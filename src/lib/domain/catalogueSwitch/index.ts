export { buildIdMap, catalogueIds, mappingBetween, type IdMap } from './idMap';
export { diffCatalogues, isEmptyDiff, type CatalogueDiff } from './diff';
export {
	planCarryOver,
	planWrites,
	type CarryOverPlan,
	type CarryOverRecords,
	type StatusMove,
	type CitationMove,
	type LinkUpdate
} from './carryOver';
export { summarizeCarryOver, summarizeDiff } from './summary';
