import { format, parseISO } from 'date-fns';
import { criterionStatusLabels, evidenceKindLabels } from '../records';
import { childminderArrangementKindLabels, childminderContactKindLabels } from '../registers/childminding';
import { preventionOfferKindLabels, preventionPhaseLabels } from '../registers/common';
import { familyEducationKindLabels, offerLocationLabels } from '../registers/familyEducation';
import { officeHourPlaceLabels, officeHourTopicLabels, weekdayLabels } from '../registers/officeHours';
import { partnerKindLabels } from '../registers/partners';
import { preventionNetworkKindLabels, preventionRoleLabels } from '../registers/prevention';
import { qualificationKindLabels } from '../registers/qualifications';

/**
 * Words for what sync shows a leader: which record, which field, which value, so a conflict reads
 * „Status: Erfüllt oder In Arbeit“ rather than raw JSON. Unknown tables and fields fall back to
 * their names, so a new table shows up readable enough without code here.
 */

const tableLabels: Record<string, string> = {
	facilities: 'Profil des Familienzentrums',
	criterionStatuses: 'Kriterium',
	evidence: 'Nachweis',
	syncConflicts: 'Konflikt',
	officeHourPlans: 'Sprechstundenplan',
	officeHourSessions: 'Sprechstunde',
	familyEducationOffers: 'Familienbildungsangebot',
	childminderContacts: 'Kontakt zur Kindertagespflege',
	childminderArrangements: 'Vermittlung in Kindertagespflege',
	cooperationPartners: 'Kooperationspartner',
	preventionProfiles: 'Profilbereich Prävention',
	preventionOffers: 'Präventionsangebot',
	qualifications: 'Qualifikation'
};

const fieldLabels: Record<string, string> = {
	status: 'Status',
	note: 'Notiz',
	title: 'Titel',
	kind: 'Art',
	date: 'Datum',
	validUntil: 'Gültig bis',
	validFrom: 'Gültig ab',
	validTo: 'Gültig bis',
	criterionIds: 'Kriterien',
	attachment: 'Datei',
	url: 'Link',
	deleted: 'Gelöscht',
	name: 'Name',
	traeger: 'Träger',
	jugendamt: 'Jugendamt',
	street: 'Straße',
	postalCode: 'Postleitzahl',
	city: 'Ort',
	verbundMembers: 'Kitas im Verbund',
	sealValidUntil: 'Gütesiegel gültig bis',
	chosenProfileAreas: 'Gewählte Profilbereiche',
	catalogueVersion: 'Katalogversion',
	description: 'Beschreibung',
	durationMinutes: 'Dauer (Minuten)',
	contacts: 'Kontakte',
	participants: 'Teilnehmende',
	sessions: 'Termine',
	topic: 'Thema',
	weekday: 'Wochentag',
	startTime: 'Beginn',
	endTime: 'Ende',
	place: 'Ort',
	location: 'Ort',
	languages: 'Sprachen',
	targetGroup: 'Zielgruppe',
	phases: 'Phasen der Präventionskette',
	offerKinds: 'Arten des Angebots',
	role: 'Rolle',
	agreement: 'Vereinbarung',
	signedOn: 'Unterschrieben am',
	networkName: 'Netzwerk',
	networkKind: 'Art des Netzwerks',
	holder: 'Rolle oder Kürzel',
	provider: 'Anbieter',
	startDate: 'Beginn',
	endDate: 'Ende',
	hours: 'Stunden',
	online: 'Online',
	certificate: 'Bescheinigung'
};

/** Labels of every enum value the synced schemas use (the values are distinct enough to share one map). */
const valueLabels: Record<string, string> = {
	...officeHourTopicLabels,
	...officeHourPlaceLabels,
	...familyEducationKindLabels,
	...offerLocationLabels,
	...childminderContactKindLabels,
	...childminderArrangementKindLabels,
	...partnerKindLabels,
	...preventionNetworkKindLabels,
	...preventionRoleLabels,
	...preventionPhaseLabels,
	...preventionOfferKindLabels,
	...qualificationKindLabels,
	...evidenceKindLabels,
	...criterionStatusLabels
};

export function tableLabel(table: string): string {
	return tableLabels[table] ?? table;
}

export function fieldLabel(field: string): string {
	return fieldLabels[field] ?? field;
}

/** Which record: „Kriterium 1.2“, „Nachweis „Flyer Elterncafé““, or the kind of record alone. */
export function describeRecord(table: string, record: Record<string, unknown> | undefined): string {
	const label = tableLabel(table);
	if (!record) return label;
	if (typeof record.criterionId === 'string') return `${label} ${record.criterionId}`;
	const name = [record.title, record.name].find((v): v is string => typeof v === 'string' && v !== '');
	if (name) return `${label} „${name}“`;
	if (typeof record.date === 'string') return `${label} vom ${formatValue('date', record.date)}`;
	return label;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** A field's value in words. */
export function formatValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '(leer)';
	if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
	if (field === 'weekday' && typeof value === 'number') return weekdayLabels[value] ?? String(value);
	if (typeof value === 'number') return value.toLocaleString('de-DE');
	if (typeof value === 'string') {
		if (ISO_DAY.test(value)) return format(parseISO(value), 'dd.MM.yyyy');
		if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
			return format(new Date(value), 'dd.MM.yyyy HH:mm');
		return valueLabels[value] ?? value;
	}
	if (Array.isArray(value))
		return value.length === 0 ? '(keine)' : value.map((v) => formatValue(field, v)).join(', ');
	const object = value as Record<string, unknown>;
	if (typeof object.fileName === 'string') return object.fileName;
	if (typeof object.name === 'string') return object.name;
	return JSON.stringify(value);
}
