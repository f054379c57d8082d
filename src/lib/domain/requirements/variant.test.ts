import { describe, expect, it } from 'vitest';
import { makeCriterion } from './testFactories';
import { appliesToVariant } from './variant';

describe('questionnaire variants', () => {
	it('asks a criterion only in the forms and kinds it names; without a variant every one counts', () => {
		const verbundRe = makeCriterion({ id: 'v', appliesTo: { forms: ['verbund'], kinds: ['re'] } });
		expect(appliesToVariant(verbundRe, { form: 'verbund', kind: 're' })).toBe(true);
		expect(appliesToVariant(verbundRe, { form: 'einzel', kind: 're' })).toBe(false);
		expect(appliesToVariant(verbundRe, { form: 'verbund', kind: 'neu' })).toBe(false);
		expect(appliesToVariant(verbundRe, undefined)).toBe(true);
		expect(appliesToVariant(makeCriterion({ id: 'a' }), { form: 'einzel', kind: 'neu' })).toBe(true);
		expect(
			appliesToVariant(makeCriterion({ id: 'n', appliesTo: { kinds: ['neu'] } }), {
				form: 'einzel',
				kind: 'neu'
			})
		).toBe(true);
	});
});
