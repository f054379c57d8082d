import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a login attempt is throttled under. One IPv6 subscriber usually gets a whole /64 and
 * can pick a fresh address in it for every request, so IPv6 addresses count by their /64; IPv4 ones
 * (and IPv4 written as IPv6, `::ffff:192.0.2.1`) as they are. Anything else, e.g. a value from a
 * misconfigured `ADDRESS_HEADER`, counts as itself.
 */
export function throttleAddressKey(address: string): string {
	const trimmed = address.trim().toLowerCase();
	if (isIPv4(trimmed)) return trimmed;
	// A zone (fe80::1%eth0) names the interface, not the host.
	const bare = trimmed.replace(/%.*$/, '');
	if (!isIPv6(bare)) return trimmed;
	const groups = ipv6Groups(bare);
	if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
		return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
	}
	return `${groups
		.slice(0, 4)
		.map((group) => group.toString(16))
		.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, with `::` and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): number[] {
	let text = address;
	const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (ipv4Tail) {
		const [a, b, c, d] = ipv4Tail.slice(1).map(Number);
		text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
	const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
	const front = parse(head);
	if (tail === undefined) return front;
	const back = parse(tail);
	return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
