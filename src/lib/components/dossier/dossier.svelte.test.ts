import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import type { LocalSubmission } from '$lib/client/services/dossier/queue';
import type { Dossier } from '$lib/domain/dossier/versions';
import DossierView from './DossierView.svelte';
import SubmissionList from './SubmissionList.svelte';
import { snapshot, summary, T0 } from './testing/dossierFixture';

describe('a handed-in dossier', () => {
	it('shows version, period, readiness, register figures and each criterion with its evidence', () => {
		const dossier: Dossier = { ...summary, snapshot };
		render(DossierView, { dossier, catalogue: builtInCatalogue });
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'Mappe Kalenderjahr 2026 – Version 2'
		);
		expect(screen.getByText('Sprechstunden: 12 gehalten, 24 Std., 30 Kontakte')).toBeInTheDocument();
		const criterion = document.getElementById('kriterium-1.1')!;
		expect(within(criterion).getByText('Erfüllt')).toBeInTheDocument();
		expect(within(criterion).getByText('Jeden Dienstag')).toBeInTheDocument();
		expect(within(criterion).getByRole('link', { name: /vertrag\.pdf herunterladen/ })).toHaveAttribute(
			'href',
			`/api/sync/attachments/${'a'.repeat(64)}?name=vertrag.pdf`
		);
	});
});

describe('the hand-ins of a device', () => {
	const local = (state: LocalSubmission['state'], problem: string | null = null): LocalSubmission => ({
		submissionId: `s-${state}`,
		facilityId: 'kita-a',
		snapshot,
		queuedAt: T0,
		state,
		problem,
		dossier: state === 'sent' ? summary : null
	});

	it('say which wait, which the server refused and why, and which arrived as which version', () => {
		render(SubmissionList, {
			submissions: [
				local('queued', 'Noch nicht alle Dateien sind auf dem Server.'),
				local('refused', 'Nur die Leitung kann die Mappe abgeben.')
			],
			versions: [summary],
			versionsError: null
		});
		expect(screen.getByText(/Wartet auf Übertragung/)).toBeInTheDocument();
		expect(screen.getByText('Noch nicht alle Dateien sind auf dem Server.')).toBeInTheDocument();
		expect(
			screen.getByText(/Vom Server abgelehnt: Nur die Leitung kann die Mappe abgeben\./)
		).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Kalenderjahr 2026 – Version 2' })).toHaveAttribute(
			'href',
			'/mappe/d-1'
		);
		expect(
			screen.getByText(/Am 23\.11\.2026, \d\d:\d\d beim Server angekommen, abgegeben von Lea Leitung/)
		).toBeInTheDocument();
	});

	it('shows this device’s arrived versions while the server’s list cannot be read offline', () => {
		render(SubmissionList, {
			submissions: [local('sent')],
			versions: null,
			versionsError: 'Ohne Verbindung sind die Versionen auf dem Server nicht abrufbar.'
		});
		expect(
			screen.getByText('Ohne Verbindung sind die Versionen auf dem Server nicht abrufbar.')
		).toBeInTheDocument();
		expect(screen.getByText(/am 23\.11\.2026, \d\d:\d\d beim Server angekommen/)).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Kalenderjahr 2026: Version 2' })).toHaveAttribute(
			'href',
			'/mappe/d-1'
		);
	});

	it('links a hand-in still waiting, so it can be opened and exported before it is sent', () => {
		render(SubmissionList, { submissions: [local('queued')], versions: null, versionsError: null });
		expect(
			screen.getByRole('link', { name: /Kalenderjahr 2026, zusammengestellt am 23\.11\.2026/ })
		).toHaveAttribute('href', '/mappe/s-queued');
	});
});

describe('a hand-in shown from the device', () => {
	it('says it is waiting instead of a version and an arrival time', () => {
		render(DossierView, {
			dossier: {
				id: 's-1',
				version: null,
				submittedBy: 'Lea Leitung',
				preparedAt: T0,
				receivedAt: null,
				snapshot
			},
			catalogue: builtInCatalogue
		});
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'Mappe Kalenderjahr 2026 – wartet auf Übertragung'
		);
		expect(screen.getByText('Noch nicht – wartet auf diesem Gerät')).toBeInTheDocument();
	});

	it('counts an agreement ending before the re-certification as valid, in the singular', () => {
		const partners = {
			partners: { partners: 1, inForce: 1, byStatus: { valid: 0, expiresBeforeRecertification: 1 } }
		};
		render(DossierView, {
			dossier: { ...summary, snapshot: { ...snapshot, registerSummaries: partners } },
			catalogue: builtInCatalogue
		});
		expect(screen.getByText('Kooperationspartner: 1, davon 1 mit gültiger Vereinbarung')).toBeInTheDocument();
	});
});
