import type { CatalogueIssue, CheckView } from './crossChecks';
import type { RequirementExpression } from './format2';
import type { Criterion } from './schema';

/**
 * Checks across the fields format 2 adds: ids of sub-items and thresholds, the UND/ODER expressions,
 * blocks, mappings and the per-month thresholds. Like ./crossChecks they read a view with gaps and
 * skip what they cannot see.
 */

const quoteList = (values: Iterable<string>) => [...values].map((v) => `„${v}“`).join(', ');

/** Sub-item ids share one space with criterion ids: an item's status is stored like a criterion's. */
function checkItemIds(view: CheckView): CatalogueIssue[] {
	const issues: CatalogueIssue[] = [];
	const owner = new Map<string, string>();
	view.criterionIds.forEach((id) => {
		if (id !== null && !owner.has(id)) owner.set(id, `Kriterium ${id}`);
	});
	view.criteria.forEach((criterion, index) => {
		(criterion?.items ?? []).forEach((item, itemIndex) => {
			const first = owner.get(item.id);
			if (first)
				issues.push({
					path: ['criteria', index, 'items', itemIndex, 'id'],
					message: `Die ID „${item.id}“ ist schon vergeben (${first}). Unterpunkte brauchen IDs, die im ganzen Katalog nur einmal vorkommen.`
				});
			else owner.set(item.id, `Unterpunkt von Kriterium ${criterion?.id ?? index + 1}`);
		});
	});
	return issues;
}

function idsOf(expression: RequirementExpression, into: string[] = []): string[] {
	if (typeof expression === 'string') into.push(expression);
	else for (const part of 'und' in expression ? expression.und : expression.oder) idsOf(part, into);
	return into;
}

function checkParts(criterion: Criterion, index: number): CatalogueIssue[] {
	const issues: CatalogueIssue[] = [];
	const at = (...rest: (string | number)[]) => ['criteria', index, ...rest];
	const itemIds = new Set((criterion.items ?? []).map((i) => i.id));
	const partIds = new Set(itemIds);
	(criterion.thresholds ?? []).forEach((threshold, t) => {
		if (partIds.has(threshold.id))
			issues.push({
				path: at('thresholds', t, 'id'),
				message: `Die ID „${threshold.id}“ ist in diesem Kriterium schon vergeben. Schwellenwerte und Unterpunkte eines Kriteriums brauchen verschiedene IDs.`
			});
		partIds.add(threshold.id);
		if (threshold.months !== undefined && threshold.per !== 'month')
			issues.push({
				path: at('thresholds', t, 'months'),
				message: `„months“ gilt nur für Schwellenwerte je Monat („per“: „month“); hier steht „${threshold.per}“.`
			});
	});
	const requirementIds = new Set<string>();
	(criterion.evidenceRequirements ?? []).forEach((requirement, r) => {
		if (requirementIds.has(requirement.id))
			issues.push({
				path: at('evidenceRequirements', r, 'id'),
				message: `Die ID „${requirement.id}“ kommt in den Nachweisanforderungen dieses Kriteriums mehrfach vor.`
			});
		requirementIds.add(requirement.id);
	});
	if (criterion.requires === undefined) return issues;
	if (partIds.size === 0)
		return [
			...issues,
			{
				path: at('requires'),
				message:
					'Eine Bedingung („requires“) braucht Unterpunkte („items“) oder Schwellenwerte („thresholds“), auf die sie sich bezieht.'
			}
		];
	const named = idsOf(criterion.requires);
	for (const id of new Set(named))
		if (!partIds.has(id))
			issues.push({
				path: at('requires'),
				message: `Die Bedingung nennt „${id}“, das ist aber kein Unterpunkt oder Schwellenwert dieses Kriteriums. Möglich sind: ${quoteList(partIds)}.`
			});
	const unused = [...partIds].filter((id) => !named.includes(id));
	if (unused.length > 0)
		issues.push({
			path: at('requires'),
			message: `${unused.length === 1 ? 'Der Teil' : 'Die Teile'} ${quoteList(unused)} ${unused.length === 1 ? 'kommt' : 'kommen'} in der Bedingung nicht vor und ${unused.length === 1 ? 'würde' : 'würden'} nie gebraucht.`
		});
	return issues;
}

function checkBlocks(view: CheckView): CatalogueIssue[] {
	const issues: CatalogueIssue[] = [];
	const blocksOf = new Map<string, Set<string>>();
	view.areas.forEach((area, index) => {
		if (area === null) return;
		const ids = new Set<string>();
		(area.blocks ?? []).forEach((block, b) => {
			if (ids.has(block.id))
				issues.push({
					path: ['areas', index, 'blocks', b, 'id'],
					message: `Den Block „${block.id}“ gibt es in diesem Bereich schon.`
				});
			ids.add(block.id);
		});
		blocksOf.set(area.id, ids);
	});
	view.criteria.forEach((criterion, index) => {
		if (criterion?.blockId === undefined) return;
		const blocks = blocksOf.get(criterion.areaId);
		if (!blocks) return;
		if (!blocks.has(criterion.blockId))
			issues.push({
				path: ['criteria', index, 'blockId'],
				message:
					blocks.size === 0
						? `Der Bereich „${criterion.areaId}“ hat keine Blöcke („blocks“), das Kriterium nennt aber den Block „${criterion.blockId}“.`
						: `Der Bereich „${criterion.areaId}“ hat keinen Block „${criterion.blockId}“. Vorhanden sind: ${quoteList(blocks)}.`
			});
	});
	return issues;
}

function checkMappings(view: CheckView): CatalogueIssue[] {
	if (!view.mappings || view.criteria.some((c) => c === null)) return [];
	const known = new Set<string>();
	for (const criterion of view.criteria) {
		if (!criterion) continue;
		known.add(criterion.id);
		for (const item of criterion.items ?? []) known.add(item.id);
	}
	const issues: CatalogueIssue[] = [];
	const versions = new Set<string>();
	view.mappings.forEach((mapping, m) => {
		if (mapping === null) return;
		if (mapping.fromVersion === view.version)
			issues.push({
				path: ['mappings', m, 'fromVersion'],
				message: `Eine Zuordnung gilt für eine frühere Version, nicht für diese („${mapping.fromVersion}“).`
			});
		else if (versions.has(mapping.fromVersion))
			issues.push({
				path: ['mappings', m, 'fromVersion'],
				message: `Für die Version „${mapping.fromVersion}“ gibt es schon eine Zuordnung.`
			});
		versions.add(mapping.fromVersion);
		for (const [from, to] of Object.entries(mapping.criteria))
			if (to !== null && !known.has(to))
				issues.push({
					path: ['mappings', m, 'criteria', from],
					message: `„${from}“ soll zu „${to}“ werden, aber in diesem Katalog gibt es kein Kriterium und keinen Unterpunkt mit der ID „${to}“.`
				});
	});
	return issues;
}

function checkSecondHalf(view: CheckView): CatalogueIssue[] {
	const value = view.secondHalfStarts;
	if (value === undefined || value === null) return [];
	const [month, day] = value.split('-').map(Number);
	// A leap year, so that 02-29 counts as a day that exists.
	const date = new Date(Date.UTC(2024, month - 1, day));
	if (date.getUTCMonth() !== month - 1)
		return [{ path: ['secondHalfStarts'], message: `Den Tag „${value}“ gibt es nicht.` }];
	const periodStart = view.reviewPeriod === 'kindergartenjahr' ? '08-01' : '01-01';
	if (value === periodStart || value === '02-29')
		return [
			{
				path: ['secondHalfStarts'],
				message: `Mit „${value}“ wäre eine Hälfte des Zeitraums leer oder nicht in jedem Jahr gleich. Üblich ist 08-01 (Kalenderjahr) oder 02-01 (Kindergartenjahr).`
			}
		];
	return [];
}

export function crossCheckFormat2(view: CheckView): CatalogueIssue[] {
	return [
		...checkItemIds(view),
		...view.criteria.flatMap((criterion, index) => (criterion ? checkParts(criterion, index) : [])),
		...checkBlocks(view),
		...checkMappings(view),
		...checkSecondHalf(view)
	];
}
