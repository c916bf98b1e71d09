import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { generateToken, hashToken } from '$lib/server/auth/tokens';

describe('generateToken', () => {
	it('gives 32 characters of lower-case base32, safe in a cookie or a URL', () => {
		const token = generateToken();
		// 160 bits in base32 without padding: 160 / 5 = 32 characters.
		expect(token).toHaveLength(32);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(encodeURIComponent(token)).toBe(token);
	});

	it('never repeats itself over many draws', () => {
		const tokens = new Set(Array.from({ length: 10_000 }, () => generateToken()));
		expect(tokens.size).toBe(10_000);
	});

	it('uses the whole alphabet', () => {
		const seen = new Set(Array.from({ length: 200 }, () => generateToken()).join(''));
		expect([...seen].sort().join('')).toBe('234567abcdefghijklmnopqrstuvwxyz');
	});
});

describe('hashToken', () => {
	it('gives the SHA-256 of the token as 64 hex characters', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken(generateToken())).toMatch(/^[0-9a-f]{64}$/);
	});

	it('is deterministic', () => {
		const token = generateToken();
		expect(hashToken(token)).toBe(hashToken(token));
	});

	it('differs from one token to another, and from the token itself', () => {
		const token = generateToken();
		expect(hashToken(token)).not.toBe(hashToken(generateToken()));
		expect(hashToken(token)).not.toBe(hashToken(token.toUpperCase()));
		expect(hashToken(token)).not.toContain(token);
	});
});

describe('hashPassword and verifyPassword', () => {
	const password = 'une phrase facile à retenir';

	it('hashes with argon2id and never stores the password', async () => {
		const hashed = await hashPassword(password);
		expect(hashed.startsWith('$argon2id$')).toBe(true);
		expect(hashed).toContain('m=19456,t=2,p=1');
		expect(hashed).not.toContain(password);
	});

	it('salts: the same password hashes differently twice', async () => {
		expect(await hashPassword(password)).not.toBe(await hashPassword(password));
	});

	it('accepts the right password and refuses a wrong one', async () => {
		const hashed = await hashPassword(password);
		expect(await verifyPassword(hashed, password)).toBe(true);
		expect(await verifyPassword(hashed, 'une phrase facile à retenir!')).toBe(false);
		expect(await verifyPassword(hashed, 'Une phrase facile à retenir')).toBe(false);
		expect(await verifyPassword(hashed, '')).toBe(false);
	});
});
