import { describe, expect, it } from 'vitest';
import {
	accessibilityContact,
	addressLines,
	emailAddress,
	emptyOperator,
	parseDeploymentInfo
} from './operator';

describe('parseDeploymentInfo', () => {
	it('keeps the fields that are set and trims them', () => {
		const info = parseDeploymentInfo({
			operator: { name: '  Stadt Musterstadt ', email: 'jugendamt@musterstadt.example', phone: '' }
		});
		expect(info?.operator).toEqual({
			...emptyOperator(),
			name: 'Stadt Musterstadt',
			email: 'jugendamt@musterstadt.example'
		});
	});

	it('treats fields of the wrong type as unset and ignores unknown ones', () => {
		const info = parseDeploymentInfo({ operator: { name: 42, address: ['a'], extra: 'x' } });
		expect(info?.operator).toEqual(emptyOperator());
	});

	it('refuses what is not a deployment answer', () => {
		expect(parseDeploymentInfo(null)).toBeNull();
		expect(parseDeploymentInfo('text')).toBeNull();
		expect(parseDeploymentInfo({ operator: null })).toBeNull();
		expect(parseDeploymentInfo({})).toBeNull();
	});

	it('cuts a field that is far too long', () => {
		const info = parseDeploymentInfo({ operator: { name: 'x'.repeat(5000) } });
		expect(info?.operator.name).toHaveLength(2000);
	});
});

describe('addressLines', () => {
	it('splits on bars and newlines and drops empty lines', () => {
		expect(addressLines('Stadt Musterstadt | Jugendamt\nMarkt 1||12345 Musterstadt')).toEqual([
			'Stadt Musterstadt',
			'Jugendamt',
			'Markt 1',
			'12345 Musterstadt'
		]);
		expect(addressLines(null)).toEqual([]);
	});
});

describe('accessibilityContact', () => {
	it('prefers the accessibility contact and falls back to the operator e-mail', () => {
		const operator = { ...emptyOperator(), email: 'info@traeger.example' };
		expect(accessibilityContact(operator)).toBe('info@traeger.example');
		expect(accessibilityContact({ ...operator, accessibilityContact: 'barrierefrei@traeger.example' })).toBe(
			'barrierefrei@traeger.example'
		);
		expect(accessibilityContact(emptyOperator())).toBeNull();
	});
});

describe('emailAddress', () => {
	it('answers an e-mail address and nothing else', () => {
		expect(emailAddress('a@b.example')).toBe('a@b.example');
		expect(emailAddress('Frau Muster, Markt 1, 12345 Musterstadt')).toBeNull();
		expect(emailAddress(null)).toBeNull();
	});
});
