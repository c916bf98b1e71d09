import type { AuthSession } from '$lib/server/db/auth-sessions';
import type { User } from '$lib/server/db/users';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			authSession: AuthSession | null;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
