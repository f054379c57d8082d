import type { EvidenceRequirement, EvidenceRequirementKind } from '$lib/domain/catalogue/format2';

/** German wording of a criterion's evidence requirements (catalogue format 2) for the criterion page. */

const kindLabels: Record<EvidenceRequirementKind, string> = {
	vereinbarung: 'Vereinbarung',
	qualifikation: 'Qualifikation',
	konzept: 'Konzept',
	aushang: 'Aushang',
	protokoll: 'Protokoll',
	sonstiges: 'Nachweis'
};

const hours = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Stunde' : 'Stunden'}`;
const years = (n: number) => `${n} ${n === 1 ? 'Jahr' : 'Jahre'}`;

export interface RequirementText {
	kind: string;
	label: string;
	/** e.g. „mind. 6 Stunden“, „nicht älter als 7 Jahre“, „in jeder Runde neu“. */
	conditions: string[];
}

export function describeRequirement(requirement: EvidenceRequirement): RequirementText {
	const conditions: string[] = [];
	if (requirement.minHours !== undefined) conditions.push(`mind. ${hours(requirement.minHours)}`);
	if (requirement.maxAgeYears !== undefined)
		conditions.push(`nicht älter als ${years(requirement.maxAgeYears)}`);
	if (requirement.newEachRound) conditions.push('in jeder Runde neu');
	return { kind: kindLabels[requirement.kind], label: requirement.label, conditions };
}
