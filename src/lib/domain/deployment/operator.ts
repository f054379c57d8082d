/**
 * Who runs a deployment, as the Impressum, the Datenschutzerklärung and the Erklärung zur
 * Barrierefreiheit name it. The server reads it from `OPERATOR_*` (src/lib/server/config.ts) and
 * answers it at `GET /api/deployment`; the device keeps the last answer so the pages open offline.
 */
export interface OperatorDetails {
	name: string | null;
	/** Lines separated by „|“ or newlines. */
	address: string | null;
	representative: string | null;
	email: string | null;
	phone: string | null;
	privacyOfficer: string | null;
	accessibilityContact: string | null;
}

/** The answer of `GET /api/deployment`. */
export interface DeploymentInfo {
	operator: OperatorDetails;
}

export const OPERATOR_FIELDS = [
	'name',
	'address',
	'representative',
	'email',
	'phone',
	'privacyOfficer',
	'accessibilityContact'
] as const satisfies readonly (keyof OperatorDetails)[];

/** What the pages show for a field the deployment left unset. */
export const NOT_GIVEN = 'nicht angegeben';

/** Longest text kept per field: the legal pages show plain text, never a whole document. */
const MAX_FIELD_LENGTH = 2000;

export function emptyOperator(): OperatorDetails {
	return {
		name: null,
		address: null,
		representative: null,
		email: null,
		phone: null,
		privacyOfficer: null,
		accessibilityContact: null
	};
}

/**
 * Reads a deployment answer (from the server or the device's copy) without trusting its shape: a
 * field that is not a non-empty string counts as unset. Null when it is not a deployment answer.
 */
export function parseDeploymentInfo(value: unknown): DeploymentInfo | null {
	if (typeof value !== 'object' || value === null) return null;
	const operator = (value as { operator?: unknown }).operator;
	if (typeof operator !== 'object' || operator === null) return null;
	const parsed = emptyOperator();
	for (const field of OPERATOR_FIELDS) {
		const raw = (operator as Record<string, unknown>)[field];
		if (typeof raw === 'string' && raw.trim() !== '') parsed[field] = raw.trim().slice(0, MAX_FIELD_LENGTH);
	}
	return { operator: parsed };
}

/** An address as lines: `OPERATOR_ADDRESS` separates them by „|“ or newlines. */
export function addressLines(address: string | null): string[] {
	if (!address) return [];
	return address
		.split(/\||\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/**
 * Where to report barriers: the deployment's `ACCESSIBILITY_CONTACT`, else the operator's e-mail
 * (BITV NRW asks for a contact in every Erklärung zur Barrierefreiheit).
 */
export function accessibilityContact(operator: OperatorDetails): string | null {
	return operator.accessibilityContact ?? operator.email;
}

/** An e-mail address on its own, for a mailto link; null for anything else (a postal address). */
export function emailAddress(text: string | null): string | null {
	if (!text) return null;
	return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text) ? text : null;
}
