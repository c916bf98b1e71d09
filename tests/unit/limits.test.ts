import { describe, expect, it } from 'vitest';
import {
	maxWrongCodesEverywhere,
	maxWrongCodesPerAddress,
	mayLookUpCode,
	noteRightCode,
	noteWrongCode,
	wrongCodeWindow
} from '../../src/lib/server/limits/join-codes';
import { addressKey, memoryOpenCounter, memoryWindowCounter } from '../../src/lib/server/limits/window-counter';

describe('a window counter', () => {
	it('counts a key’s events within its window only, at the same cost however many', () => {
		const counter = memoryWindowCounter(60_000);
		const t0 = Date.UTC(2026, 0, 1);
		for (let i = 0; i < 100_000; i++) counter.add('flood', t0 + (i % 1000));
		counter.add('calm', t0);
		expect(counter.count('flood', t0 + 1000)).toBe(100_000);
		expect(counter.count('calm', t0 + 1000)).toBe(1);
		expect(counter.count('flood', t0 + 62_000)).toBe(0);
	});
});

describe('an open counter', () => {
	it('refuses past any of its keys’ caps, and frees a slot once, when closed', () => {
		const open = memoryOpenCounter();
		const keys = [
			{ key: 'phone', max: 2 },
			{ key: 'session', max: 3 }
		];
		const first = open.tryOpen(keys)!;
		open.tryOpen(keys);
		expect(open.tryOpen(keys)).toBeNull();
		first();
		first();
		expect(open.open('phone')).toBe(1);
		expect(open.tryOpen(keys)).not.toBeNull();
		expect(open.tryOpen([{ key: 'session', max: 2 }])).toBeNull();
	});
});

describe('the key of an address', () => {
	it('groups an IPv6 host’s /64 and leaves IPv4 as it is', () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee'));
		expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
	});
});

describe('wrong join codes', () => {
	it('stop an address at its limit only for lookups of codes it never reached, and only in a flood', () => {
		const t0 = Date.UTC(2026, 0, 2);
		noteRightCode('198.51.100.1', 'ROOM22', t0);
		for (let i = 0; i < maxWrongCodesPerAddress; i++) expect(noteWrongCode('198.51.100.1', t0)).toBe(false);
		expect(noteWrongCode('198.51.100.1', t0)).toBe(true);
		// Past its own limit, but the instance is calm: every code is still looked up.
		expect(mayLookUpCode('198.51.100.1', 'OTHER2', t0)).toBe(true);
		for (let i = 0; i < maxWrongCodesEverywhere; i++) noteWrongCode(`198.51.100.${2 + (i % 200)}`, t0);
		expect(mayLookUpCode('198.51.100.1', 'OTHER2', t0)).toBe(false);
		expect(mayLookUpCode('198.51.100.1', 'ROOM22', t0)).toBe(true);
		expect(mayLookUpCode('192.0.2.1', 'OTHER2', t0)).toBe(true);
		expect(mayLookUpCode('198.51.100.1', 'OTHER2', t0 + wrongCodeWindow + 20_000)).toBe(true);
	});
});
