import type { AreaKind, Catalogue, CriterionLevel, Minimum, OverallMinimum } from '../catalogue/schema';
import type { CriterionStatusValue } from '../records';

/**
 * Factories for small catalogues in tests. A criterion is written "B2" (Basis, 2 points) or "A3"
 * (Aufbau, 3 points), or as an object for a custom id; ids default to "<area>.<n>", so the third
 * criterion of area "6" is "6.3". Not run through the catalogue schema on purpose: its cross-checks
 * reject minimums the criteria cannot reach, and the engine must still cope with those (an imported
 * catalogue, or criteria marked nicht zutreffend).
 */
export type CriterionSpec = string | { id?: string; level: CriterionLevel; points: number };

export type AreaSpec = {
	id?: string;
	kind: AreaKind;
	title?: string;
	minimum?: Minimum;
	criteria: CriterionSpec[];
};

const kindTitles: Record<AreaKind, string> = {
	leistung: 'Leistungsbereich',
	struktur: 'Strukturbereich',
	profil: 'Profilbereich'
};

export function makeCatalogue(
	areas: AreaSpec[],
	overallMinimum: OverallMinimum = {},
	extra: Partial<Catalogue> = {}
): Catalogue {
	return {
		format: 'guetesiegel-katalog/1',
		id: 'test',
		version: 'test-1',
		title: 'Testkatalog',
		official: false,
		reviewPeriod: 'kindergartenjahr',
		areas: areas.map((a, i) => ({
			id: a.id ?? String(i + 1),
			kind: a.kind,
			title: a.title ?? `${kindTitles[a.kind]} ${a.id ?? i + 1}`,
			minimum: a.minimum ?? {}
		})),
		criteria: areas.flatMap((a, i) =>
			a.criteria.map((spec, j) => {
				const areaId = a.id ?? String(i + 1);
				const parsed =
					typeof spec === 'string'
						? { level: spec[0] === 'B' ? 'basis' : 'aufbau', points: Number(spec.slice(1)) }
						: spec;
				return {
					id: (typeof spec === 'object' && spec.id) || `${areaId}.${j + 1}`,
					areaId,
					level: parsed.level as CriterionLevel,
					points: parsed.points,
					title: `Kriterium ${areaId}.${j + 1}`,
					explanation: 'Testkriterium',
					typicalEvidence: []
				};
			})
		),
		overallMinimum,
		...extra
	};
}

export function statusMap(entries: Record<string, CriterionStatusValue>): Map<string, CriterionStatusValue> {
	return new Map(Object.entries(entries));
}

/** mulberry32: a tiny seeded PRNG so random tests fail the same way every time. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const int = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** A random catalogue with 1–4 areas of every kind mixed and `maxCriteria` criteria at most. */
export function randomCatalogue(rng: () => number, maxCriteria = 14): Catalogue {
	const kinds: AreaKind[] = ['leistung', 'struktur', 'profil'];
	const areaCount = int(rng, 1, 4);
	let left = int(rng, areaCount, maxCriteria);
	const specs: AreaSpec[] = [];
	for (let i = 0; i < areaCount; i++) {
		const n = i === areaCount - 1 ? left : int(rng, 1, Math.max(1, left - (areaCount - i - 1)));
		left -= n;
		const criteria = Array.from({ length: n }, () => `${rng() < 0.5 ? 'B' : 'A'}${int(rng, 0, 4)}`);
		const points = criteria.reduce((s, c) => s + Number(c.slice(1)), 0);
		const basis = criteria.filter((c) => c[0] === 'B').length;
		specs.push({
			kind: kinds[int(rng, 0, 2)],
			minimum: {
				...(rng() < 0.7 ? { points: int(rng, 0, points) } : {}),
				...(rng() < 0.7 ? { basisCount: int(rng, 0, basis) } : {})
			},
			criteria
		});
	}
	const all = specs.flatMap((s) => s.criteria as string[]);
	const basisOf = (kind: AreaKind) =>
		specs
			.filter((s) => s.kind === kind)
			.reduce((n, s) => n + (s.criteria as string[]).filter((c) => c[0] === 'B').length, 0);
	const totalPoints = all.reduce((s, c) => s + Number(c.slice(1)), 0);
	return makeCatalogue(specs, {
		...(rng() < 0.8 ? { points: int(rng, 0, totalPoints) } : {}),
		...(rng() < 0.6 ? { basisLeistung: int(rng, 0, basisOf('leistung')) } : {}),
		...(rng() < 0.6 ? { basisStruktur: int(rng, 0, basisOf('struktur')) } : {})
	});
}

const statusValues: CriterionStatusValue[] = ['offen', 'in_arbeit', 'erfuellt', 'nicht_zutreffend'];

export function randomStatuses(
	rng: () => number,
	catalogue: Catalogue,
	weights: readonly number[] = [0.35, 0.2, 0.35, 0.1]
): Map<string, CriterionStatusValue> {
	const map = new Map<string, CriterionStatusValue>();
	for (const c of catalogue.criteria) {
		let r = rng();
		let i = 0;
		while (i < weights.length - 1 && r >= weights[i]) r -= weights[i++];
		// Leaving some criteria without a status checks that they count as 'offen'.
		if (statusValues[i] !== 'offen' || rng() < 0.5) map.set(c.id, statusValues[i]);
	}
	return map;
}
