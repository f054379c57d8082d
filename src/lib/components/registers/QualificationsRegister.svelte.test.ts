import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { calendarYear } from '$lib/domain/periods';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
import { deleteQualification, saveQualification } from '$lib/client/services/registers/qualifications';
import { makeQualification } from '$fixtures/registers';
import { criterionRuleSchema } from '$lib/domain/criterionRules/schema';
import CriterionRegisterSummaryView from './CriterionRegisterSummaryView.svelte';
import QualificationsRegister from './QualificationsRegister.svelte';

// The screen calls the register service; the service's own test covers the database.
vi.mock('$lib/client/services/registers/qualifications', () => ({
	saveQualification: vi.fn(() => Promise.resolve({ attachmentError: null })),
	deleteQualification: vi.fn(() => Promise.resolve())
}));

const TODAY = '2026-11-21';
const cy2026 = calendarYear('2026-01-01');
const props = (data: Partial<RegisterData>) => {
	const all = { ...emptyRegisterData(), ...data };
	return {
		facilityId: 'f1',
		period: cy2026,
		today: TODAY,
		data: all,
		summaries: computeAllRegisterSummaries(all, cy2026, TODAY),
		download: vi.fn(),
		confirm: vi.fn(() => true)
	};
};
const saveButton = () => screen.getByRole('button', { name: 'Speichern' });

describe('qualifications register page', () => {
	it('adds a training, explaining bad dates and hours in German and keeping the input', async () => {
		const user = userEvent.setup();
		vi.mocked(saveQualification).mockClear();
		render(QualificationsRegister, props({}));
		expect(screen.getByText('Noch keine Qualifikationen eingetragen')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Qualifikation eintragen' }));
		expect(screen.getByLabelText('Rolle oder Kürzel')).toHaveAccessibleDescription(
			'z. B. Leitung, Fachkraft A – Namen sind nicht nötig.'
		);
		// A keypad with the decimal comma, for „7,5“.
		expect(screen.getByLabelText('Stunden')).toHaveAttribute('inputmode', 'decimal');
		await user.type(screen.getByLabelText('Titel'), 'Kinderschutz nach § 8a');
		await user.selectOptions(screen.getByLabelText('Art'), 'Fortbildung');
		await user.type(screen.getByLabelText('Rolle oder Kürzel'), 'Fachkraft A');
		await user.clear(screen.getByLabelText('Beginn'));
		await user.type(screen.getByLabelText('Beginn'), '2026-03-03');
		await user.type(screen.getByLabelText('Ende (optional)'), '2026-03-02');
		await user.type(screen.getByLabelText('Stunden'), 'sechs');
		await user.click(saveButton());

		expect(saveQualification).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Ende (optional)')).toHaveAccessibleDescription(
			'Leer lassen, wenn es ein einzelner Tag war. „Ende“ liegt vor „Beginn“'
		);
		expect(screen.getByLabelText('Stunden')).toHaveAccessibleDescription(
			'Zeitstunden, z. B. 6 oder 7,5 Bitte eine Zahl wie 6 oder 7,5 angeben'
		);
		expect(screen.getByLabelText('Titel')).toHaveValue('Kinderschutz nach § 8a');
		expect(screen.getByLabelText('Stunden')).toHaveValue('sechs');
		expect(screen.getByLabelText('Ende (optional)')).toHaveValue('2026-03-02');

		await user.clear(screen.getByLabelText('Stunden'));
		await user.type(screen.getByLabelText('Stunden'), '0,25');
		await user.click(saveButton());
		expect(screen.getByLabelText('Stunden')).toHaveAccessibleDescription(
			'Zeitstunden, z. B. 6 oder 7,5 Bitte mindestens eine halbe Stunde angeben'
		);

		await user.clear(screen.getByLabelText('Stunden'));
		await user.type(screen.getByLabelText('Stunden'), '7,5');
		await user.clear(screen.getByLabelText('Ende (optional)'));
		await user.selectOptions(screen.getByLabelText('Durchführung'), 'Online');
		await user.type(screen.getByLabelText('Weitere Kriterien suchen'), '2.3');
		await user.click(screen.getAllByRole('checkbox', { name: /^2\.3\b/ })[0]);
		await user.click(saveButton());
		await vi.waitFor(() => expect(saveQualification).toHaveBeenCalled());
		expect(saveQualification).toHaveBeenCalledWith(
			'f1',
			{
				title: 'Kinderschutz nach § 8a',
				kind: 'fortbildung',
				holder: 'Fachkraft A',
				provider: '',
				startDate: '2026-03-03',
				endDate: '2026-03-03',
				hours: 7.5,
				online: true,
				criterionIds: ['2.3'],
				certificate: null,
				siteId: null
			},
			{ id: undefined, file: null }
		);
		expect(await screen.findByRole('status')).toHaveTextContent('„Kinderschutz nach § 8a“ ist gespeichert.');
	});

	it('lists entries with their sums, edits one and deletes one after asking', async () => {
		const user = userEvent.setup();
		vi.mocked(saveQualification).mockClear();
		const recent = makeQualification({ id: 'q1', title: 'Sprachförderung', holder: 'Leitung', hours: 16 });
		const old = makeQualification({
			id: 'q2',
			title: 'Erste Hilfe am Kind',
			startDate: '2019-05-04',
			endDate: '2019-05-04',
			hours: 8
		});
		const view = props({ qualifications: [recent, old] });
		render(QualificationsRegister, view);
		const list = screen.getByRole('region', { name: 'Fortbildungen und Qualifizierungen' });
		expect(within(list).getByText('Älter als 7 Jahre')).toBeInTheDocument();
		expect(within(list).getByText(/Fortbildung · Leitung · 16 Stunden · 02\.03\.2026/)).toBeInTheDocument();
		expect(screen.getByText(/1 Eintrag, 8 Stunden, zuletzt 04\.05\.2019/)).toBeInTheDocument();
		const tiles = screen.getByRole('region', { name: 'Im Kalenderjahr 2026' });
		expect(within(tiles).getByText('Stunden im Zeitraum').nextElementSibling).toHaveTextContent('16 Stunden');

		await user.click(screen.getByRole('button', { name: 'Sprachförderung bearbeiten' }));
		expect(screen.getByLabelText('Stunden')).toHaveValue('16');
		await user.clear(screen.getByLabelText('Stunden'));
		await user.type(screen.getByLabelText('Stunden'), '18');
		await user.click(saveButton());
		await vi.waitFor(() => expect(saveQualification).toHaveBeenCalled());
		expect(saveQualification).toHaveBeenCalledWith(
			'f1',
			expect.objectContaining({ title: 'Sprachförderung', hours: 18, endDate: '2026-03-02' }),
			{ id: 'q1', file: null }
		);

		await user.click(screen.getByRole('button', { name: 'Erste Hilfe am Kind löschen' }));
		expect(view.confirm).toHaveBeenCalledWith('„Erste Hilfe am Kind“ wirklich löschen?');
		expect(deleteQualification).toHaveBeenCalledWith('q2');
		expect(await screen.findByText('„Erste Hilfe am Kind“ wurde gelöscht.')).toBeInTheDocument();
	});

	it('exports the period as CSV', async () => {
		const user = userEvent.setup();
		const view = props({ qualifications: [makeQualification({ title: 'Elterngespräche führen' })] });
		render(QualificationsRegister, view);
		await user.click(screen.getByRole('button', { name: 'CSV exportieren' }));
		const [fileName, csv] = view.download.mock.calls[0] as unknown as [string, string];
		expect(fileName).toBe('qualifikationen-cy-2026.csv');
		expect(csv).toContain('Elterngespräche führen;Fortbildung;Fachkraft A;');
	});
});

describe('a criterion asking for qualifications', () => {
	it('suggests "laut Register erfüllt" and links to the register', () => {
		const rule = criterionRuleSchema.parse({
			kind: 'qualifications',
			qualificationKinds: ['qualifikation'],
			minHours: 30
		});
		render(CriterionRegisterSummaryView, {
			criterion: { id: '8.1', rules: [rule] },
			period: cy2026,
			today: TODAY,
			data: {
				...emptyRegisterData(),
				qualifications: [makeQualification({ kind: 'qualifikation', hours: 30, holder: 'Leitung' })]
			}
		});
		expect(screen.getByRole('status')).toHaveTextContent('laut Register erfüllt');
		expect(
			screen.getByText(/1 Qualifizierung mit mindestens 30 Stunden \(mindestens 1\)/)
		).toBeInTheDocument();
		expect(screen.getByText('30 Stunden im Zeitraum, 1 Rolle mit Einträgen')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Register Qualifikationen öffnen' })).toHaveAttribute(
			'href',
			'/register/qualifikationen?zeitraum=cy-2026'
		);
	});
});
