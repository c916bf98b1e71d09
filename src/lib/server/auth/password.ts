import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const minPasswordLength = 12;

/** An argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** Whether a password matches an argon2id hash (never, for a hash that is not one). */
export function verifyPassword(hashed: string, password: string): Promise<boolean> {
	return verify(hashed, password).catch(() => false);
}
