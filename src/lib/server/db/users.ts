import { sql } from './connection';

export interface User {
	id: number;
	name: string;
	email: string;
}

interface UserRow extends User {
	passwordHash: string;
}

const columns = 'id, name, email, password_hash AS passwordHash';

/** Creates a facilitator account; the email must not be taken. */
export function createUser(name: string, email: string, passwordHash: string): User {
	const id = sql('INSERT INTO users (name, email, password_hash, created_at) VALUES (?, ?, ?, ?)').run(
		name,
		email,
		passwordHash,
		Date.now()
	).lastInsertRowid;
	return { id: Number(id), name, email };
}

/** The account with this email (any case), with its password hash, or undefined. */
export function findUserByEmail(email: string): UserRow | undefined {
	return sql(`SELECT ${columns} FROM users WHERE email = ?`).get(email) as UserRow | undefined;
}

/** Whether any account exists yet: before the first, the app only offers /setup. */
export function hasUsers(): boolean {
	return sql('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
}

/** The first facilitator account created, if any. */
export function firstUser(): User | undefined {
	return sql('SELECT id, name, email FROM users ORDER BY id LIMIT 1').get() as User | undefined;
}

/** Replaces an account's password hash. */
export function setPasswordHash(userId: number, passwordHash: string): void {
	sql('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
}
