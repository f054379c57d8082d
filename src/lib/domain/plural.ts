const count = new Intl.NumberFormat('de-DE');

/**
 * A count with its noun in the right number: „1 Angebot“, „2 Angebote“, „1.200 Kontakte“. German
 * uses the singular for exactly one only (0 Angebote, 1,5 Stunden).
 */
export function plural(n: number, one: string, many: string): string {
	return `${count.format(n)} ${n === 1 ? one : many}`;
}
