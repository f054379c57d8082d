const CHUNK = /(\d+)|(\D+)/g;

/**
 * Orders criterion ids the way people read them: "1.2" < "1.10" < "2.1". Written out rather than
 * with Intl collation so the order (and with it the to-do list's tie-break) is the same everywhere.
 */
export function compareIds(a: string, b: string): number {
	const as = a.match(CHUNK) ?? [];
	const bs = b.match(CHUNK) ?? [];
	for (let i = 0; i < Math.min(as.length, bs.length); i++) {
		const x = as[i];
		const y = bs[i];
		if (x === y) continue;
		const xNum = /^\d/.test(x);
		const yNum = /^\d/.test(y);
		if (xNum && yNum) {
			const diff = Number(x) - Number(y);
			if (diff !== 0) return diff;
			return x.length - y.length; // "01" after "1", so that distinct ids never tie
		}
		return x < y ? -1 : 1;
	}
	if (as.length !== bs.length) return as.length - bs.length;
	return a < b ? -1 : a > b ? 1 : 0;
}
