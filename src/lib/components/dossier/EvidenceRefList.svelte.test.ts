import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { DossierEvidence } from '$lib/domain/dossier/snapshot';
import EvidenceRefList from './EvidenceRefList.svelte';

function item(id: string, values: Partial<DossierEvidence>): DossierEvidence {
	return {
		id,
		kind: 'link',
		title: `Nachweis ${id}`,
		note: '',
		url: '',
		date: '2025-03-01',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null,
		...values
	};
}

describe('the evidence of a dossier', () => {
	it('links only web addresses; a stored javascript: or data: address is shown as text', () => {
		// Values as a hand-in stored before addresses were checked may still hold them.
		const { container } = render(EvidenceRefList, {
			evidence: [
				item('web', { url: 'https://example.org/aushang' }),
				item('script', { url: 'javascript:alert(1)' }),
				item('data', { url: 'data:text/html,<script>alert(1)</script>' })
			]
		});
		expect(screen.getByRole('link', { name: 'https://example.org/aushang' })).toHaveAttribute(
			'href',
			'https://example.org/aushang'
		);
		expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
		expect(screen.getByText('data:text/html,<script>alert(1)</script>').closest('a')).toBeNull();
		const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual(['https://example.org/aushang']);
	});

	it('offers the download of a file whose name holds half an emoji', () => {
		render(EvidenceRefList, {
			evidence: [
				item('file', {
					kind: 'file',
					attachment: {
						sha256: 'a'.repeat(64),
						mimeType: 'application/pdf',
						size: 2048,
						fileName: 'Plan\ud83d.pdf'
					}
				})
			]
		});
		const link = screen.getByRole('link', { name: /herunterladen/ });
		expect(link.getAttribute('href')).toBe(`/api/sync/attachments/${'a'.repeat(64)}?name=Plan%EF%BF%BD.pdf`);
	});
});
