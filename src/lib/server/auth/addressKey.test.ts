import { describe, expect, it } from 'vitest';
import { throttleAddressKey } from './addressKey';

describe('throttleAddressKey', () => {
	it('keeps IPv4 addresses as they are', () => {
		expect(throttleAddressKey('198.51.100.7')).toBe('198.51.100.7');
	});

	it('counts IPv4 written as IPv6 as the IPv4 address', () => {
		expect(throttleAddressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
		expect(throttleAddressKey('::FFFF:c633:6407')).toBe('198.51.100.7');
	});

	it('counts all IPv6 addresses of one /64 as one, however they are written', () => {
		const key = '2001:db8:1:2::/64';
		expect(throttleAddressKey('2001:db8:1:2::1')).toBe(key);
		expect(throttleAddressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:fffe')).toBe(key);
		expect(throttleAddressKey('2001:db8:1:2:a:b:c:d')).toBe(key);
		expect(throttleAddressKey('2001:db8:1:2::10.0.0.1')).toBe(key);
		expect(throttleAddressKey('2001:db8:1:3::1')).not.toBe(key);
		expect(throttleAddressKey('::1')).toBe('0:0:0:0::/64');
		expect(throttleAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});

	it('keeps anything that is not an address as it is', () => {
		expect(throttleAddressKey('unknown')).toBe('unknown');
	});
});
