import type { AreaKind, Criterion } from '../catalogue/schema';
import type { AssessedArea, Assessment } from './assess';
import { compareIds } from './compareIds';

/**
 * The to-do list: the smallest set of open criteria that reaches every minimum at once.
 *
 * Area minimums alone would be a greedy job, but the overall minimums (points, Basisleistungen,
 * Basisstrukturen) couple the areas, so this is solved exactly in two layers of dynamic programming:
 *
 * 1. Per area, a knapsack over the area's open criteria gives, for every useful amount of Basis
 *    criteria and points the area could add (capped at what any minimum still needs), the cheapest
 *    choice that also reaches the area's own minimums. Dominated choices are dropped.
 * 2. Per kind of area (Leistung / Struktur), a DP over (Basis added to that kind's overall minimum,
 *    points added) picks one choice per area; the two kinds then meet in the overall points, a
 *    small merge over points. Profilbereiche do not count toward the overall minimums, so each
 *    chosen one only has to reach its own.
 *
 * "Cheapest" is one number that orders plans lexicographically: fewest missing steps (a criterion's
 * steps are the parts missing on its cheapest UND/ODER branch — sub-items to mark, thresholds not
 * reached — or 1 for a criterion without parts, see ./assess), then fewest criteria, then fewest
 * points, then the smallest sum of id ranks (so with equal steps, counts and points the earlier ids
 * win). Any remaining tie is settled by the fixed order of the loops, so the same input always gives
 * the same plan. Capping is exact because every minimum is a threshold: beyond it, more makes no
 * difference.
 */

type Item = { criterion: Criterion; points: number; basis: boolean; rank: number; cost: number };

type AreaOption = { basis: number; points: number; cost: number; state: number };

type AreaPlan = {
	items: Item[];
	/** preds[j][state]: -1 if item j is not taken on the way to `state`, else the state before it. */
	preds: Int32Array[];
	/** Columns of the area's state table (points 0..pointsCap). */
	width: number;
	options: AreaOption[];
};

type GroupStep = { plan: AreaPlan; option: Int32Array; prev: Int32Array };
type Group = { basisCap: number; costs: Float64Array; steps: GroupStep[] };

const clampNeed = (need: number, available: number) => Math.max(0, Math.min(need, available));

function sumPoints(items: readonly Item[]): number {
	let sum = 0;
	for (const item of items) sum += item.points;
	return sum;
}

function countBasis(items: readonly Item[]): number {
	let n = 0;
	for (const item of items) if (item.basis) n++;
	return n;
}

/** Step 1: the non-dominated (basis, points, cost) choices of one area. */
function planArea(
	items: Item[],
	pointsNeed: number,
	basisNeed: number,
	basisCap: number,
	overallPointsNeed: number
): AreaPlan {
	const kMax = Math.min(countBasis(items), Math.max(basisNeed, basisCap));
	const qMax = Math.min(sumPoints(items), Math.max(pointsNeed, overallPointsNeed));
	const width = qMax + 1;
	const size = (kMax + 1) * width;
	let costs = new Float64Array(size).fill(Infinity);
	costs[0] = 0;
	const preds: Int32Array[] = [];
	for (const item of items) {
		const next = costs.slice();
		const pred = new Int32Array(size).fill(-1);
		const dk = item.basis ? 1 : 0;
		for (let k = 0; k <= kMax; k++) {
			const k2 = Math.min(k + dk, kMax);
			for (let q = 0; q <= qMax; q++) {
				const from = k * width + q;
				const c = costs[from];
				if (c === Infinity) continue;
				const to = k2 * width + Math.min(q + item.points, qMax);
				if (c + item.cost < next[to]) {
					next[to] = c + item.cost;
					pred[to] = from;
				}
			}
		}
		preds.push(pred);
		costs = next;
	}

	// Cheapest state per (basis, points) as the rest of the plan sees them, then drop a cell when a
	// cell with at least as much basis and points is at most as cheap.
	const bMax = Math.min(kMax, basisCap);
	const pMax = Math.min(qMax, overallPointsNeed);
	const cellWidth = pMax + 1;
	const cellCost = new Float64Array((bMax + 1) * cellWidth).fill(Infinity);
	const cellState = new Int32Array(cellCost.length).fill(-1);
	for (let k = basisNeed; k <= kMax; k++) {
		for (let q = pointsNeed; q <= qMax; q++) {
			const state = k * width + q;
			const cell = Math.min(k, bMax) * cellWidth + Math.min(q, pMax);
			if (costs[state] < cellCost[cell]) {
				cellCost[cell] = costs[state];
				cellState[cell] = state;
			}
		}
	}
	const better = new Float64Array(cellCost.length).fill(Infinity); // min over the dominating quadrant
	const options: AreaOption[] = [];
	for (let b = bMax; b >= 0; b--) {
		for (let p = pMax; p >= 0; p--) {
			const cell = b * cellWidth + p;
			const above = Math.min(
				b < bMax ? better[cell + cellWidth] : Infinity,
				p < pMax ? better[cell + 1] : Infinity
			);
			better[cell] = Math.min(above, cellCost[cell]);
			if (cellCost[cell] < above)
				options.push({ basis: b, points: p, cost: cellCost[cell], state: cellState[cell] });
		}
	}
	options.reverse(); // cheap, small options first: a fixed, readable loop order for ties
	return { items, preds, width, options };
}

/** Step 2: one choice per area of one kind, over (basis toward the overall minimum, points). */
function combineAreas(plans: AreaPlan[], basisCap: number, pointsCap: number): Group {
	const width = pointsCap + 1;
	const size = (basisCap + 1) * width;
	let costs = new Float64Array(size).fill(Infinity);
	costs[0] = 0;
	const steps: GroupStep[] = [];
	for (const plan of plans) {
		const next = new Float64Array(size).fill(Infinity);
		const option = new Int32Array(size).fill(-1);
		const prev = new Int32Array(size).fill(-1);
		for (let from = 0; from < size; from++) {
			const c = costs[from];
			if (c === Infinity) continue;
			const b = (from / width) | 0;
			const p = from - b * width;
			for (let o = 0; o < plan.options.length; o++) {
				const opt = plan.options[o];
				const to = Math.min(b + opt.basis, basisCap) * width + Math.min(p + opt.points, pointsCap);
				if (c + opt.cost < next[to]) {
					next[to] = c + opt.cost;
					option[to] = o;
					prev[to] = from;
				}
			}
		}
		steps.push({ plan, option, prev });
		costs = next;
	}
	return { basisCap, costs, steps };
}

/** Cheapest cost per points added (capped) among the group's states that reach its Basis need. */
function pointsRow(group: Group, pointsCap: number): Float64Array {
	const start = group.basisCap * (pointsCap + 1);
	return group.costs.slice(start, start + pointsCap + 1);
}

/** Min-plus merge of two rows over capped points, remembering which entries met. */
function mergeRows(left: Float64Array, right: Float64Array, pointsCap: number) {
	const costs = new Float64Array(pointsCap + 1).fill(Infinity);
	const fromLeft = new Int32Array(pointsCap + 1).fill(-1);
	const fromRight = new Int32Array(pointsCap + 1).fill(-1);
	for (let a = 0; a <= pointsCap; a++) {
		if (left[a] === Infinity) continue;
		for (let b = 0; b <= pointsCap; b++) {
			const to = Math.min(a + b, pointsCap);
			if (left[a] + right[b] < costs[to]) {
				costs[to] = left[a] + right[b];
				fromLeft[to] = a;
				fromRight[to] = b;
			}
		}
	}
	return { costs, fromLeft, fromRight };
}

function collectGroup(group: Group, pointsAdded: number, pointsCap: number, out: Item[]): void {
	let state = group.basisCap * (pointsCap + 1) + pointsAdded;
	for (let s = group.steps.length - 1; s >= 0; s--) {
		const { plan, option, prev } = group.steps[s];
		let areaState = plan.options[option[state]].state;
		for (let j = plan.items.length - 1; j >= 0; j--) {
			const pred = plan.preds[j][areaState];
			if (pred >= 0) {
				out.push(plan.items[j]);
				areaState = pred;
			}
		}
		state = prev[state];
	}
}

/**
 * The smallest set of open criteria reaching every minimum; where a minimum is out of reach it
 * aims as high as the open criteria allow. Returned in catalogue order.
 */
export function planTodo(
	assessment: Assessment,
	catalogueCriteria: readonly Criterion[]
): { criteria: Criterion[]; pointsAdded: number; steps: number; missingParts: Record<string, string[]> } {
	const { areas, overall, openCosts } = assessment;
	const stepsOf = (c: Criterion) => openCosts.get(c)?.steps ?? 1;
	const all = areas.flatMap((a) => a.open).sort((x, y) => compareIds(x.id, y.id));
	const n = all.length;
	const rankWeight = (n * (n + 1)) / 2 + 1;
	const totalOpenPoints = all.reduce((sum, c) => sum + c.points, 0);
	const overallOpenPoints = areas
		.filter((a) => a.area.kind !== 'profil')
		.reduce((sum, a) => sum + a.open.reduce((s, c) => s + c.points, 0), 0);
	// Weights keep the four parts of a cost apart: each weight exceeds the largest sum the parts
	// below it can reach. A catalogue of a few hundred criteria stays far below 2^53, where doubles
	// stop counting exactly; beyond that the id tie-break is dropped rather than the order broken.
	const totalSteps = all.reduce((sum, c) => sum + stepsOf(c), 0);
	let ranked = true;
	let countWeight = (totalOpenPoints + 1) * rankWeight;
	let stepWeight = (n + 1) * countWeight;
	if ((totalSteps + 1) * stepWeight > Number.MAX_SAFE_INTEGER) {
		ranked = false;
		countWeight = totalOpenPoints + 1;
		stepWeight = (n + 1) * countWeight;
	}
	const itemOf = new Map<Criterion, Item>();
	all.forEach((criterion, i) =>
		itemOf.set(criterion, {
			criterion,
			points: criterion.points,
			basis: criterion.level === 'basis',
			rank: i + 1,
			cost:
				stepsOf(criterion) * stepWeight +
				countWeight +
				criterion.points * (ranked ? rankWeight : 1) +
				(ranked ? i + 1 : 0)
		})
	);
	const areaItems = new Map<AssessedArea, Item[]>(
		areas.map((a) => [a, a.open.map((c) => itemOf.get(c)!).sort((x, y) => x.rank - y.rank)])
	);
	const openBasis = (kind: AreaKind) =>
		areas.filter((a) => a.area.kind === kind).reduce((sum, a) => sum + countBasis(areaItems.get(a)!), 0);
	const pointsNeed = clampNeed(overall.pointsRequired - overall.points, overallOpenPoints);
	const basisNeed: Record<AreaKind, number> = {
		leistung: clampNeed(overall.basisLeistungRequired - overall.basisLeistung, openBasis('leistung')),
		struktur: clampNeed(overall.basisStrukturRequired - overall.basisStruktur, openBasis('struktur')),
		profil: 0
	};

	const groups = (['leistung', 'struktur', 'profil'] as const).map((kind) => {
		const overallPoints = kind === 'profil' ? 0 : pointsNeed;
		const plans = areas
			.filter((a) => a.area.kind === kind)
			.map((a) => {
				const items = areaItems.get(a)!;
				return planArea(
					items,
					clampNeed(a.pointsRequired - a.points, sumPoints(items)),
					clampNeed(a.basisRequired - a.basisMet, countBasis(items)),
					basisNeed[kind],
					overallPoints
				);
			});
		return combineAreas(plans, basisNeed[kind], overallPoints);
	});

	const [leistung, struktur, profil] = groups;
	const merged = mergeRows(pointsRow(leistung, pointsNeed), pointsRow(struktur, pointsNeed), pointsNeed);
	if (merged.costs[pointsNeed] === Infinity || profil.costs[0] === Infinity)
		throw new Error('planTodo: no plan found, though needs capped to what is open are always reachable');

	const chosen: Item[] = [];
	collectGroup(leistung, merged.fromLeft[pointsNeed], pointsNeed, chosen);
	collectGroup(struktur, merged.fromRight[pointsNeed], pointsNeed, chosen);
	collectGroup(profil, 0, 0, chosen);

	const chosenSet = new Set(chosen.map((item) => item.criterion));
	const criteria = catalogueCriteria.filter((c) => chosenSet.has(c));
	const missingParts: Record<string, string[]> = {};
	for (const c of criteria) missingParts[c.id] = openCosts.get(c)?.missingParts ?? [];
	return {
		criteria,
		pointsAdded: sumPoints(chosen),
		steps: criteria.reduce((sum, c) => sum + stepsOf(c), 0),
		missingParts
	};
}
