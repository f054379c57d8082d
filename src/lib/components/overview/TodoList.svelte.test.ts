import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { makeCriterion } from '$lib/domain/requirements/testFactories';
import type { TodoPlan } from '$lib/domain/readiness';
import { feedbackOn } from '$lib/domain/dossier/feedbackFixtures';
import { feedbackPoints } from '$lib/domain/dossier/feedbackPoints';
import TodoList from './TodoList.svelte';

const plan = (overrides: Partial<TodoPlan>): TodoPlan => ({
	reachable: true,
	criteria: [],
	pointsAdded: 0,
	steps: 0,
	missingParts: {},
	unreachableReasons: [],
	...overrides
});

describe('TodoList', () => {
	it('lists what each planned criterion still lacks on its cheapest way', () => {
		const criteria = [makeCriterion({ id: '4B1', points: 2 }), makeCriterion({ id: '1.1', points: 1 })];
		render(TodoList, {
			todo: plan({
				criteria,
				pointsAdded: 3,
				steps: 3,
				missingParts: {
					'4B1': [
						'4B1.2 Kurs am Wochenende',
						'2. Halbjahr 2027 (1. Aug – 31. Dez): 0 von 1 Kurs mit mindestens 8 Terminen'
					],
					'1.1': []
				}
			}),
			areaTitles: new Map([['1', 'Beratung']])
		});
		expect(
			screen.getByText(
				'Mit diesen 2 Kriterien (3 Punkte, 3 fehlende Teile) wären alle Mindestanforderungen erreicht:'
			)
		).toBeInTheDocument();
		const missing = screen.getByRole('list', { name: 'Es fehlt bei 4B1' });
		expect(missing).toHaveTextContent('4B1.2 Kurs am Wochenende');
		expect(missing).toHaveTextContent(
			'2. Halbjahr 2027 (1. Aug – 31. Dez): 0 von 1 Kurs mit mindestens 8 Terminen'
		);
		expect(screen.queryByRole('list', { name: 'Es fehlt bei 1.1' })).toBeNull();
	});

	it('uses the singular for one criterion and one point', () => {
		render(TodoList, {
			todo: plan({
				criteria: [makeCriterion({ id: '1.1' })],
				pointsAdded: 1,
				steps: 1,
				missingParts: { '1.1': [] }
			}),
			areaTitles: new Map()
		});
		expect(
			screen.getByText('Mit diesem Kriterium (1 Punkt) wären alle Mindestanforderungen erreicht:')
		).toBeInTheDocument();
	});
});

describe('TodoList with the Fachberatung’s open points', () => {
	it('lists the points to answer first, before the criteria of the plan', () => {
		const points = feedbackPoints(
			[feedbackOn('1.2'), feedbackOn('2.1', { verdict: 'frage', text: 'Wer?' })],
			[]
		);
		render(TodoList, {
			todo: plan({ criteria: [makeCriterion({ id: '4B1', points: 2 })], pointsAdded: 2, steps: 1 }),
			areaTitles: new Map(),
			openFeedback: points,
			criterionTitles: new Map([
				['1.2', 'Sprechstunden'],
				['2.1', 'Elternbildung']
			])
		});
		const links = screen.getAllByRole('link').map((a) => a.textContent?.replace(/\s+/g, ' ').trim());
		expect(links.slice(0, 2)).toEqual([
			'Rückmeldung der Fachberatung beantworten: 1.2 Sprechstunden',
			'Rückmeldung der Fachberatung beantworten: 2.1 Elternbildung'
		]);
		expect(links[2]).toContain('4B1');
		expect(screen.getAllByRole('link')[0]).toHaveAttribute('href', '/kriterien/1.2');
	});

	it('does not say „nothing to do“ while a point is open', () => {
		render(TodoList, {
			todo: plan({}),
			areaTitles: new Map(),
			openFeedback: feedbackPoints([feedbackOn('1.2')], [])
		});
		expect(
			screen.getByText('Sonst nichts zu tun: Alle Mindestanforderungen sind erreicht.')
		).toBeInTheDocument();
	});
});
