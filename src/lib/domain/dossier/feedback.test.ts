import { describe, expect, it } from 'vitest';
import { feedbackRequestSchema } from './feedback';

describe('the advisor’s feedback', () => {
	it('needs words when the criterion is to be improved, not when it fits', () => {
		expect(feedbackRequestSchema.safeParse({ verdict: 'passt', text: '' }).success).toBe(true);
		const missing = feedbackRequestSchema.safeParse({ verdict: 'nachbessern', text: '   ' });
		expect(missing.error?.issues[0]).toMatchObject({
			path: ['text'],
			message: 'Bitte kurz schreiben, was nachgebessert werden soll.'
		});
	});
});
