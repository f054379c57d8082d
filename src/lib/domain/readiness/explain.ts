import type { AssessedArea, Assessment } from './assess';

function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** What an area still lacks, e.g. ["noch 2 Punkte", "Basis 6.2 fehlt"]. */
export function areaMissing(a: AssessedArea): string[] {
	const missing: string[] = [];
	const points = a.pointsRequired - a.points;
	if (points > 0) missing.push(`noch ${count(points, 'Punkt', 'Punkte')}`);
	const basis = a.basisRequired - a.basisMet;
	if (basis > 0) {
		const openBasis = a.open.filter((c) => c.level === 'basis');
		// When every open Basis criterion is needed, naming them is more useful than a number.
		if (openBasis.length === basis) for (const c of openBasis) missing.push(`Basis ${c.id} fehlt`);
		else missing.push(`noch ${count(basis, 'Basiskriterium', 'Basiskriterien')}`);
	}
	return missing;
}

/** Sentences for the overall minimums, e.g. "Gesamt: noch 3 Basisleistungen". */
export function overallMissing({ overall }: Assessment): string[] {
	const missing: string[] = [];
	const points = overall.pointsRequired - overall.points;
	if (points > 0) missing.push(`Gesamt: noch ${count(points, 'Punkt', 'Punkte')}`);
	const leistung = overall.basisLeistungRequired - overall.basisLeistung;
	if (leistung > 0) missing.push(`Gesamt: noch ${count(leistung, 'Basisleistung', 'Basisleistungen')}`);
	const struktur = overall.basisStrukturRequired - overall.basisStruktur;
	if (struktur > 0) missing.push(`Gesamt: noch ${count(struktur, 'Basisstruktur', 'Basisstrukturen')}`);
	return missing;
}

function outOf(max: number, required: number, one: string, many: string): string {
	return `höchstens ${max} von ${required} ${required === 1 ? one : many}`;
}

/** One sentence per minimum that stays out of reach even if every open criterion were met. */
export function unreachableReasons({ areas, overall }: Assessment): string[] {
	const reasons: string[] = [];
	const notApplicableHint = (n: number) => (n > 0 ? ' (nicht zutreffende Kriterien zählen nicht)' : '');
	let openPoints = 0;
	let openLeistung = 0;
	let openStruktur = 0;
	let notApplicable = 0;
	for (const a of areas) {
		const points = a.open.reduce((sum, c) => sum + c.points, 0);
		const basis = a.open.filter((c) => c.level === 'basis').length;
		if (a.area.kind !== 'profil') openPoints += points;
		if (a.area.kind === 'leistung') openLeistung += basis;
		if (a.area.kind === 'struktur') openStruktur += basis;
		notApplicable += a.notApplicableCount;
		const hint = notApplicableHint(a.notApplicableCount);
		if (a.points + points < a.pointsRequired)
			reasons.push(
				`${a.area.title}: ${outOf(a.points + points, a.pointsRequired, 'Punkt', 'Punkten')} erreichbar${hint}`
			);
		if (a.basisMet + basis < a.basisRequired)
			reasons.push(
				`${a.area.title}: ${outOf(a.basisMet + basis, a.basisRequired, 'Basiskriterium', 'Basiskriterien')} erreichbar${hint}`
			);
	}
	const hint = notApplicableHint(notApplicable);
	if (overall.points + openPoints < overall.pointsRequired)
		reasons.push(
			`Gesamt: ${outOf(overall.points + openPoints, overall.pointsRequired, 'Punkt', 'Punkten')} erreichbar${hint}`
		);
	if (overall.basisLeistung + openLeistung < overall.basisLeistungRequired)
		reasons.push(
			`Gesamt: ${outOf(overall.basisLeistung + openLeistung, overall.basisLeistungRequired, 'Basisleistung', 'Basisleistungen')} erreichbar${hint}`
		);
	if (overall.basisStruktur + openStruktur < overall.basisStrukturRequired)
		reasons.push(
			`Gesamt: ${outOf(overall.basisStruktur + openStruktur, overall.basisStrukturRequired, 'Basisstruktur', 'Basisstrukturen')} erreichbar${hint}`
		);
	return reasons;
}
