/**
 * Group commit: while one group of items is being stored, the items arriving meanwhile wait and then
 * go to the database together, in one transaction (`storeGroup`). A busy server thus runs one
 * transaction for many tablets instead of one each, which on PostgreSQL saves most of the
 * statements, round trips and commits an item costs; a quiet server stores each item at once, alone.
 *
 * Items go in order of arrival, a group holding at most `maxSize` (an item larger than that goes
 * alone). Two items of one key (a device) never share a group, and a later one never overtakes an
 * earlier one. When a group fails as a whole (the database refused a statement), each of its items
 * is tried again alone, so one item's trouble never becomes another's.
 */
export interface GroupCommitOptions<Item, Outcome> {
	/** Stores a group in one transaction: per item its outcome, or the error that refuses it alone. */
	storeGroup(group: Item[]): Promise<(Outcome | Error)[]>;
	keyOf(item: Item): string;
	sizeOf(item: Item): number;
	maxSize: number;
}

export class GroupCommit<Item, Outcome> {
	private waiting: { item: Item; settle: (outcome: Outcome | Error) => void }[] = [];
	private storing = false;

	constructor(private readonly options: GroupCommitOptions<Item, Outcome>) {}

	add(item: Item): Promise<Outcome> {
		return new Promise<Outcome>((resolve, reject) => {
			this.waiting.push({
				item,
				settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome))
			});
			if (!this.storing) void this.storeWaiting();
		});
	}

	private async storeWaiting(): Promise<void> {
		this.storing = true;
		// Items arriving in this turn of the event loop join the first group.
		await new Promise((resolve) => setImmediate(resolve));
		try {
			while (this.waiting.length > 0) {
				const group = this.nextGroup();
				const outcomes = await this.store(group.map((waiting) => waiting.item));
				group.forEach((waiting, i) => waiting.settle(outcomes[i]));
			}
		} finally {
			this.storing = false;
		}
	}

	/** The waiting items of different keys, oldest first, up to `maxSize`. */
	private nextGroup(): typeof this.waiting {
		const { keyOf, sizeOf, maxSize } = this.options;
		const group: typeof this.waiting = [];
		const keys = new Set<string>();
		let size = 0;
		this.waiting = this.waiting.filter((waiting) => {
			const itemSize = sizeOf(waiting.item);
			const fits = group.length === 0 || size + itemSize <= maxSize;
			const key = keyOf(waiting.item);
			const taken = keys.has(key);
			// A key's later item never overtakes its earlier one, even one left for lack of room.
			keys.add(key);
			if (!fits || taken) return true;
			group.push(waiting);
			size += itemSize;
			return false;
		});
		return group;
	}

	private async store(group: Item[]): Promise<(Outcome | Error)[]> {
		try {
			return await this.options.storeGroup(group);
		} catch (error) {
			if (group.length === 1) return [asError(error)];
		}
		const alone: (Outcome | Error)[] = [];
		for (const item of group) {
			try {
				alone.push(...(await this.options.storeGroup([item])));
			} catch (error) {
				alone.push(asError(error));
			}
		}
		return alone;
	}
}

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
