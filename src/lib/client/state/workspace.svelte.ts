import { builtInCatalogue, loadCatalogue } from '$lib/client/services/catalogue';
import { db, openWorkspace, type DbHealth } from '$lib/client/db';
import {
	readActiveFacility,
	readEvidence,
	readRegisterCitations,
	readStatuses,
	type EvidenceView
} from '$lib/client/db/queries';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { ensureFacility } from '$lib/client/services/facility';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { CriterionStatus, Evidence, FacilityProfile } from '$lib/domain/records';
import type { RegisterCitation } from '$lib/domain/registers/citations';
import { stateQuery, type LiveQueryState } from './liveQuery.svelte';

const NO_STATUSES: ReadonlyMap<string, CriterionStatus> = new Map();
const NO_EVIDENCE: EvidenceView = { evidence: [], missingAttachments: new Set() };
const NO_CITATIONS: readonly RegisterCitation[] = [];

interface Queries {
	facility: LiveQueryState<FacilityProfile | null>;
	catalogue: LiveQueryState<Catalogue>;
	statuses: LiveQueryState<Map<string, CriterionStatus>>;
	evidence: LiveQueryState<EvidenceView>;
	citations: LiveQueryState<RegisterCitation[]>;
}

/**
 * The open workspace as reactive state: the facility, its catalogue, criterion statuses and evidence,
 * kept current by Dexie's liveQuery (also across tabs). Writes go through the services; readiness is
 * computed by the UI from these values with the domain functions.
 */
class Workspace {
	#queries = $state.raw<Queries | null>(null);
	#stop: (() => void) | null = null;
	/** The database and facility the running queries were started for. */
	#watching: { db: WorkspaceDb; facilityId: string } | null = null;

	/** The active facility's profile; undefined until loaded. */
	get facility(): FacilityProfile | undefined {
		return this.#queries?.facility.current ?? undefined;
	}

	/** The catalogue the facility is assessed against (the built-in one until loaded). */
	get catalogue(): Catalogue {
		return this.#queries?.catalogue.current ?? builtInCatalogue;
	}

	/** Status records by criterion id; a criterion without one is "offen". */
	get statuses(): ReadonlyMap<string, CriterionStatus> {
		return this.#queries?.statuses.current ?? NO_STATUSES;
	}

	/** Evidence that is not deleted, newest first. */
	get evidence(): readonly Evidence[] {
		return (this.#queries?.evidence.current ?? NO_EVIDENCE).evidence;
	}

	/** Register entries the criteria cite as evidence (not deleted), oldest first. */
	get citations(): readonly RegisterCitation[] {
		return this.#queries?.citations.current ?? NO_CITATIONS;
	}

	/** Hashes of files that evidence cites but whose bytes are not on this device. */
	get missingAttachments(): ReadonlySet<string> {
		return (this.#queries?.evidence.current ?? NO_EVIDENCE).missingAttachments;
	}

	/** True once every part has been read at least once. */
	get loaded(): boolean {
		const q = this.#queries;
		return !!q && q.facility.current !== undefined && !q.statuses.loading && !q.evidence.loading;
	}

	/** The first error any query ran into (e.g. the connection was closed), or null. */
	get error(): unknown {
		const q = this.#queries;
		return q ? (q.facility.error ?? q.catalogue.error ?? q.statuses.error ?? q.evidence.error) : null;
	}

	/**
	 * Opens the database, creates the facility on first start and starts watching. Call again after
	 * `useWorkspace(name)` switched databases. Returns the database health; only `ok` starts watching.
	 * When it already watches this database and facility (the session starts after the first paint
	 * and calls this again), the running queries stay: they follow every change, and restarting them
	 * would only flash the loading state and remount the page. When `useWorkspace` switches databases
	 * meanwhile (a sign-in), this one stops: the switch comes with an init of its own.
	 */
	async init(): Promise<DbHealth> {
		const target = db;
		if (this.#watching?.db !== target || this.error) this.dispose();
		const health = await openWorkspace();
		if (db !== target) return health;
		if (health !== 'ok') {
			this.dispose();
			return health;
		}
		const facility = await ensureFacility(builtInCatalogue.id, builtInCatalogue.version);
		if (db !== target) return health;
		if (this.#queries && this.#watching?.db === target && this.#watching.facilityId === facility.id)
			return health;
		this.dispose();
		this.#watching = { db: target, facilityId: facility.id };
		this.#stop = $effect.root(() => {
			this.#queries = {
				facility: stateQuery(() => readActiveFacility()),
				catalogue: stateQuery(async () => {
					const facility = await readActiveFacility();
					return facility
						? loadCatalogue(db, facility.catalogueId, facility.catalogueVersion)
						: builtInCatalogue;
				}),
				statuses: stateQuery(async () => {
					const facility = await readActiveFacility();
					return facility ? readStatuses(facility.id) : new Map<string, CriterionStatus>();
				}),
				evidence: stateQuery(async () => {
					const facility = await readActiveFacility();
					return facility ? readEvidence(facility.id) : NO_EVIDENCE;
				}),
				citations: stateQuery(async () => {
					const facility = await readActiveFacility();
					return facility ? readRegisterCitations(facility.id) : [];
				})
			};
		});
		return health;
	}

	/** Stops watching (tests; switching workspaces). */
	dispose(): void {
		this.#stop?.();
		this.#stop = null;
		this.#queries = null;
		this.#watching = null;
	}
}

export const workspace = new Workspace();
