import type { SiteResult } from '$lib/domain/readiness/types';

/** One column of the per-site table: a site, by the id and name readiness gave it. */
export interface SiteColumn {
	siteId: string;
	name: string;
}

/** A criterion's row: its result per column (undefined where readiness named no result) and jointly. */
export interface SiteRow {
	criterionId: string;
	cells: ({ met: boolean; missing: string[] } | undefined)[];
	metCount: number;
	siteCount: number;
	/** The Verbund meets a criterion asked per site only when every site meets it. */
	jointMet: boolean;
}

/** The sites in the order readiness first names them, and one row per criterion. */
export function siteTable(results: readonly SiteResult[]): { columns: SiteColumn[]; rows: SiteRow[] } {
	const columns: SiteColumn[] = [];
	for (const result of results) {
		for (const site of result.sites) {
			if (!columns.some((c) => c.siteId === site.siteId))
				columns.push({ siteId: site.siteId, name: site.name });
		}
	}
	const rows = results.map((result) => {
		const cells = columns.map((column) => {
			const site = result.sites.find((s) => s.siteId === column.siteId);
			return site ? { met: site.met, missing: site.missing } : undefined;
		});
		const metCount = result.sites.filter((s) => s.met).length;
		return {
			criterionId: result.criterionId,
			cells,
			metCount,
			siteCount: result.sites.length,
			jointMet: result.sites.length > 0 && metCount === result.sites.length
		};
	});
	return { columns, rows };
}

/** „1 von 1 Kriterium“, „1 von 2 Kriterien“: the noun follows the total. */
export function countOf(count: number, total: number, one: string, many: string): string {
	return `${count} von ${total} ${total === 1 ? one : many}`;
}
