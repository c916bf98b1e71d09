import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A fresh random token of 160 bits, safe in a cookie or a URL. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * The SHA-256 of a token in hex: what the database stores instead of the token. Node's own hash,
 * several times faster than one in JavaScript: every phone's request hashes its token.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
