import type { Criterion, RoundForm, RoundKind } from '../catalogue/schema';

/** The questionnaire of a round: single centre or Verbund, first or re-certification. */
export type Variant = { form: RoundForm; kind: RoundKind };

/**
 * Whether the questionnaire of the current round asks this criterion (`appliesTo`). A criterion for
 * another variant does not count at all: not in its area, not toward a minimum, not in the to-do
 * plan. Without a variant (no round yet) every criterion counts.
 */
export function appliesToVariant(criterion: Criterion, variant: Variant | undefined): boolean {
	const applies = criterion.appliesTo;
	if (!variant || !applies) return true;
	if (applies.forms && !applies.forms.includes(variant.form)) return false;
	if (applies.kinds && !applies.kinds.includes(variant.kind)) return false;
	return true;
}
