// `npm run import -- FILE`: re-creates a group exported as JSON from another instance, for the
// first facilitator account of this one.
import { readFileSync } from 'node:fs';
import { firstUser } from '$lib/server/db/users';
import { importGroup, parseGroupExport } from '$lib/server/exports/group-import';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run import -- path/to/entre-deux-group.json');
	process.exit(1);
}
const owner = firstUser();
if (!owner) {
	console.error('No facilitator account yet: run `npm start`, create the first account at /setup, then import.');
	process.exit(1);
}
let parsed: ReturnType<typeof parseGroupExport>;
try {
	parsed = parseGroupExport(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
	console.error(`Cannot read ${file}: ${(error as Error).message}`);
	process.exit(1);
}
if ('problem' in parsed) {
	console.error(`${file} is not an Entre-deux group export: ${parsed.problem}`);
	process.exit(1);
}
let groupId: number;
try {
	groupId = importGroup(parsed.data, owner.id);
} catch (error) {
	console.error(`Nothing was imported from ${file}: ${(error as Error).message}`);
	process.exit(1);
}
console.log(`Imported "${parsed.data.group.name}" as group ${groupId} for ${owner.email}: see /groups/${groupId}`);
