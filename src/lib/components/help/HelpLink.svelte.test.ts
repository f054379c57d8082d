import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HelpLink from './HelpLink.svelte';
import { helpTopics } from './helpTopics';

describe('HelpLink', () => {
	it('links the page to its help topic and names the topic for screen readers', () => {
		render(HelpLink, { topic: 'kriterien' });
		const link = screen.getByRole('link', { name: 'Hilfe: Kriterien & Nachweise' });
		expect(link).toHaveAttribute('href', '/hilfe/kriterien');
	});

	it('has a page for every topic', () => {
		expect(new Set(helpTopics.map((t) => t.href)).size).toBe(helpTopics.length);
		for (const topic of helpTopics) expect(topic.href).toBe(`/hilfe/${topic.id}`);
	});
});
