import type { RequirementExpression } from '../catalogue/format2';

/**
 * UND/ODER over a criterion's parts (items and thresholds, by id). Pure helpers: whether the
 * expression holds, its cheapest way to hold, and its wording in German.
 */

export function holds(expr: RequirementExpression, met: (id: string) => boolean): boolean {
	if (typeof expr === 'string') return met(expr);
	if ('und' in expr) return expr.und.every((e) => holds(e, met));
	return expr.oder.some((e) => holds(e, met));
}

/**
 * The parts still missing on the expression's cheapest branch: UND needs what every operand needs,
 * ODER takes the operand needing fewest parts (the first on a tie). Exact when no part appears in
 * two operands of an ODER, which is how checklists write their expressions; a part repeated across
 * operands is counted once.
 */
export function cheapestMissing(expr: RequirementExpression, met: (id: string) => boolean): string[] {
	if (typeof expr === 'string') return met(expr) ? [] : [expr];
	if ('und' in expr) return [...new Set(expr.und.flatMap((e) => cheapestMissing(e, met)))];
	let best: string[] | null = null;
	for (const e of expr.oder) {
		const missing = cheapestMissing(e, met);
		if (best === null || missing.length < best.length) best = missing;
		if (best.length === 0) break;
	}
	return best ?? [];
}

/** Every part id the expression names, in order of appearance, each once. */
export function partIds(expr: RequirementExpression): string[] {
	if (typeof expr === 'string') return [expr];
	return [...new Set(('und' in expr ? expr.und : expr.oder).flatMap(partIds))];
}

/**
 * The expression in words: „1.3 ODER (1.3.1 UND Kurs mit mind. 8 Terminen)“. `name` gives a part's
 * wording (an item's id, a threshold's label); nested UND/ODER are put in brackets.
 */
export function formatExpression(
	expr: RequirementExpression,
	name: (id: string) => string = (id) => id
): string {
	const inner = (e: RequirementExpression): string =>
		typeof e === 'string' ? name(e) : `(${formatExpression(e, name)})`;
	if (typeof expr === 'string') return name(expr);
	if ('und' in expr) return expr.und.map(inner).join(' UND ');
	return expr.oder.map(inner).join(' ODER ');
}
