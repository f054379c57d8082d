import type { AuditEntry, Role } from '$lib/domain/accounts';
import { roleLabels } from '$lib/domain/accounts';
import { feedbackVerdictLabels, type FeedbackVerdict } from '$lib/domain/dossier/verdicts';
import { plural } from '$lib/domain/plural';

/** An audit entry as the admin reads it: what happened, to what, and the details in words. */
export interface AuditDescription {
	action: string;
	subject: string;
	details: string[];
}

/** Names the log can show instead of ids (the admin page has them). */
export interface AuditNames {
	facilities?: ReadonlyMap<string, string>;
}

const actionLabels: Record<string, string> = {
	'auth.login': 'Angemeldet',
	'auth.logout': 'Abgemeldet',
	'auth.set_password': 'Passwort festgelegt',
	'user.create': 'Konto angelegt',
	'user.update': 'Konto geändert',
	'user.password_link': 'Einmal-Link für das Passwort erstellt',
	'assignments.set': 'Zentren der Fachberatung festgelegt',
	'facility.create': 'Einrichtung angelegt',
	'catalogue.upload': 'Katalogversion hochgeladen',
	'catalogue.activate': 'Katalogversion in Kraft gesetzt',
	'dossier.submit': 'Mappe abgegeben',
	'sync.push': 'Änderungen synchronisiert',
	'attachment.upload': 'Datei hochgeladen',
	'review.feedback': 'Rückmeldung gegeben',
	'review.feedback.comment': 'Kommentar geschrieben',
	'review.feedback.resolve': 'Rückmeldung als erledigt markiert',
	'review.feedback.withdraw': 'Rückmeldung zurückgenommen',
	'team.invitation_in_use': 'Teamkonto angelegt (Einladung)',
	'team.invitation_update': 'Einladung geändert',
	'team.invitation_redeemed': 'Einladung angenommen',
	'demo.seed': 'Demo-Daten angelegt'
};

const entityLabels: Record<string, string> = {
	session: 'Sitzung',
	user: 'Konto',
	facility: 'Einrichtung',
	catalogue_version: 'Katalogversion',
	dossier: 'Mappe',
	device: 'Gerät',
	sync: 'Synchronisation',
	attachment: 'Datei',
	criterion: 'Kriterium',
	team_invitation: 'Einladung',
	deployment: 'Installation'
};

const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

function bytes(n: number): string {
	if (n < 1024) return plural(n, 'Byte', 'Bytes');
	if (n < 1024 * 1024) return `${decimal.format(n / 1024)} KB`;
	return `${decimal.format(n / 1024 / 1024)} MB`;
}

function text(value: unknown): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return value ? 'ja' : 'nein';
	if (Array.isArray(value)) return value.map(text).join(', ') || '–';
	if (typeof value === 'object')
		return Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${k} ${text(v)}`)
			.join(', ');
	return String(value);
}

/** One detail in words; null to leave it out (said by the action already). */
function describeDetail(key: string, value: unknown, names: AuditNames): string | null {
	const facilityName = (id: unknown) => names.facilities?.get(String(id)) ?? String(id);
	const count = typeof value === 'number' ? value : Number.NaN;
	switch (key) {
		case 'ip':
			return `IP-Adresse ${text(value)}`;
		case 'email':
			return `E-Mail ${text(value)}`;
		case 'displayName':
			return `Name „${text(value)}“`;
		case 'name':
			return `Name „${text(value)}“`;
		case 'familienzentrum':
			return `Familienzentrum „${text(value)}“`;
		case 'role':
			return `Rolle ${roleLabels[value as Role] ?? text(value)}`;
		case 'disabled':
			return value ? 'gesperrt' : 'entsperrt';
		case 'facilityIds':
			return Array.isArray(value) && value.length > 0
				? `Einrichtungen: ${value.map(facilityName).join(', ')}`
				: 'keine Einrichtung';
		case 'via':
			return value === 'ADMIN_EMAIL' ? 'beim Start eingerichtet (ADMIN_EMAIL)' : `über ${text(value)}`;
		case 'expiresAt':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value))
				? `gültig bis ${dateTime.format(new Date(value))}`
				: null;
		case 'activate':
			return value ? 'gleich in Kraft gesetzt' : null;
		case 'criteria':
			return Number.isFinite(count) ? plural(count, 'Kriterium', 'Kriterien') : null;
		case 'version':
		case 'dossierVersion':
			return value === null || value === undefined ? null : `Version ${text(value)}`;
		case 'dossierId':
			return null;
		case 'periodKey':
			return `Zeitraum ${text(value)}`;
		case 'catalogue':
			return `Katalog ${text(value).replace('@', ', Version ')}`;
		case 'statuses':
			return Number.isFinite(count) ? `${plural(count, 'Kriterium', 'Kriterien')} mit Stand` : null;
		case 'evidence':
			return Number.isFinite(count) ? plural(count, 'Nachweis', 'Nachweise') : null;
		case 'accepted':
			return Number.isFinite(count) ? `${plural(count, 'Änderung', 'Änderungen')} übernommen` : null;
		case 'rejected':
			return count > 0 ? `${plural(count, 'Änderung', 'Änderungen')} abgelehnt` : null;
		case 'conflicts':
			return count > 0 ? plural(count, 'Konflikt', 'Konflikte') : null;
		case 'tables':
			return null;
		case 'size':
			return Number.isFinite(count) ? bytes(count) : null;
		case 'mimeType':
			return value === 'application/pdf' ? 'PDF' : String(value).startsWith('image/') ? 'Bild' : text(value);
		case 'verdict':
			return value === null ? null : (feedbackVerdictLabels[value as FeedbackVerdict] ?? text(value));
		default:
			// A detail added later: still readable, never raw JSON.
			return `${key}: ${text(value)}`;
	}
}

/** The audit entry in German words, for the admin's log. */
export function describeAuditEntry(entry: AuditEntry, names: AuditNames = {}): AuditDescription {
	const entity = entityLabels[entry.entity] ?? entry.entity;
	const target =
		entry.entity === 'facility' && entry.entityId
			? (names.facilities?.get(entry.entityId) ?? entry.entityId)
			: entry.entityId;
	const facility =
		entry.facilityId && entry.entity !== 'facility'
			? ` · ${names.facilities?.get(entry.facilityId) ?? entry.facilityId}`
			: '';
	return {
		action: actionLabels[entry.action] ?? entry.action,
		subject: `${entity}${target ? ` ${target}` : ''}${facility}`,
		details: Object.entries(entry.detail)
			.map(([key, value]) => describeDetail(key, value, names))
			.filter((d): d is string => d !== null)
	};
}
