// `npm run reset-password -- EMAIL`: for the host, when a facilitator has forgotten their password.
// Asks for a new one twice (hidden on a terminal; two lines when piped), sets it, and ends every
// sign-in of that account. Runs beside the app on the same database (DATABASE_PATH).
import { createInterface } from 'node:readline';
import { resetPassword } from '$lib/server/auth/accounts';
import { minPasswordLength } from '$lib/server/auth/password';
import { findUserByEmail } from '$lib/server/db/users';

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
	console.error('Usage: npm run reset-password -- EMAIL');
	process.exit(1);
}
if (!findUserByEmail(email)) {
	console.error(`No account with the email ${email}.`);
	process.exit(1);
}

const terminal = Boolean(process.stdin.isTTY);
const lines = createInterface({ input: process.stdin, output: process.stdout, terminal });
const pending: string[] = [];
const waiting: ((line: string | undefined) => void)[] = [];
lines.on('line', (line) => (waiting.shift() ?? ((l: string) => pending.push(l)))(line));
lines.on('close', () => waiting.splice(0).forEach((resolve) => resolve(undefined)));
if (terminal) {
	// Echo nothing of what is typed.
	(lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
}

function ask(question: string): Promise<string | undefined> {
	process.stdout.write(question);
	if (pending.length > 0) return Promise.resolve(pending.shift());
	return new Promise((resolve) => waiting.push(resolve));
}

const password = await ask(`New password for ${email} (${minPasswordLength} characters or more): `);
if (terminal) process.stdout.write('\n');
const again = await ask('The same again: ');
if (terminal) process.stdout.write('\n');
lines.close();
if (password === undefined || again === undefined) {
	console.error('No password given: nothing changed.');
	process.exit(1);
}
if (password.length < minPasswordLength || password.length > 256) {
	console.error(`A password has ${minPasswordLength} to 256 characters: nothing changed.`);
	process.exit(1);
}
if (password !== again) {
	console.error('The two passwords differ: nothing changed.');
	process.exit(1);
}
await resetPassword(email, password);
console.log(`The password of ${email} is changed, and every sign-in of that account has ended.`);
