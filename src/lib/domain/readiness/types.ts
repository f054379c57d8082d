import type { AreaKind, Catalogue, Criterion, RoundForm, RoundKind } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import type { CriterionStatusValue } from '../records';
import type { RegisterData } from '../registers/registerData';

export type ReadinessInput = {
	catalogue: Catalogue;
	/** Status per criterion id; criteria without an entry are 'offen'. */
	statuses: ReadonlyMap<string, CriterionStatusValue>;
	/** Ids of the Profilbereiche the centre has chosen; other Profilbereiche do not count. */
	chosenProfileAreas: readonly string[];
	/**
	 * The questionnaire of the current round (format 2, `appliesTo`): criteria for other variants do
	 * not count. Absent: every criterion counts.
	 */
	variant?: { form: RoundForm; kind: RoundKind };
	/**
	 * What thresholds are counted against (format 2): the registers, the Prüfzeitraum and today.
	 * Absent: no threshold is reached.
	 */
	registers?: { data: RegisterData; period: ReviewPeriod; today: LocalDate };
	/**
	 * Verbund sites (the profile's own Kita's id and its `verbundMembers` ids) for criteria and
	 * thresholds asked per site. Absent or a single site: one joint result.
	 */
	sites?: readonly { id: string; name: string }[];
};

/** Where one counted area stands. Only 'erfuellt' criteria earn points and Basis counts. */
export type AreaReadiness = {
	areaId: string;
	kind: AreaKind;
	title: string;
	points: number;
	pointsRequired: number;
	basisMet: number;
	basisRequired: number;
	/** Criteria with status 'erfuellt'. */
	metCount: number;
	/** All criteria of the area, including those marked nicht zutreffend. */
	criteriaCount: number;
	passes: boolean;
	/** What is still missing, in German, without the area's name: "noch 2 Punkte", "Basis 6.2 fehlt". */
	missing: string[];
};

/** Overall minimums count Leistungs- and Strukturbereiche only, never a Profilbereich. */
export type OverallReadiness = {
	points: number;
	pointsRequired: number;
	basisLeistung: number;
	basisLeistungRequired: number;
	basisStruktur: number;
	basisStrukturRequired: number;
	/** The overall minimums alone; `Readiness.passes` also needs every area to pass. */
	passes: boolean;
};

/**
 * The centre's to-do list: the set of still-open criteria (offen or in Arbeit, not met by their
 * parts) whose fulfilment reaches every minimum with the fewest missing steps — a criterion's steps
 * are the parts missing on its cheapest UND/ODER branch (sub-items to mark, thresholds the registers
 * do not reach yet), 1 for a criterion without parts — then fewest criteria, then fewest points,
 * then the earliest criterion ids.
 */
export type TodoPlan = {
	/** False when some minimum cannot be reached even with every open criterion. */
	reachable: boolean;
	/**
	 * In catalogue order. When not reachable: the smallest set that gets as close as possible,
	 * i.e. reaches every minimum that can be reached and does all that counts for the others.
	 */
	criteria: Criterion[];
	pointsAdded: number;
	/** Missing steps of the whole plan (sum over its criteria). */
	steps: number;
	/**
	 * Per planned criterion id: what is missing on its cheapest branch, in German („1.3.1 Vermittlung“,
	 * „2. Halbjahr 2027 (1. Aug – 31. Dez): 0 von 1 Kurs mit mindestens 8 Terminen“). Empty for a
	 * criterion without parts: it only needs to be marked.
	 */
	missingParts: Record<string, string[]>;
	/** German sentences, one per minimum that cannot be reached. */
	unreachableReasons: string[];
};

export type Readiness = {
	/** Every counted area and every overall minimum is reached. */
	passes: boolean;
	/** Leistungs- and Strukturbereiche and the chosen Profilbereiche, in catalogue order. */
	areas: AreaReadiness[];
	overall: OverallReadiness;
	/** What is missing, in German, e.g. "Kommunikation: noch 2 Punkte"; empty when `passes`. */
	explanations: string[];
	todo: TodoPlan;
	/**
	 * Verbund, for the criteria the catalogue asks per site (`perSite`): whether each site meets it.
	 * Empty for a single centre or when no criterion is asked per site.
	 */
	perSite: SiteResult[];
	/**
	 * Ids of criteria that count as met by their format-2 parts (marked sub-items, thresholds the
	 * registers reach) though the Leitung has not marked them 'erfuellt'. Optional for readiness
	 * objects built elsewhere (tests); computeReadiness always fills it.
	 */
	metByParts?: string[];
};

/** One criterion asked per site of a Verbund, with the result at each site. */
export type SiteResult = {
	criterionId: string;
	sites: { siteId: string; name: string; met: boolean; missing: string[] }[];
};
