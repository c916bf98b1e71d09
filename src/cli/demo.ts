// `npm run demo`: adds the demo group (four quarters of simulated answers) for the first facilitator.
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { firstUser } from '$lib/server/db/users';
import { getFramework } from '$lib/server/framework';
import { baseLocale } from '$lib/paraglide/runtime';

const owner = firstUser();
if (!owner) {
	console.error(
		'No facilitator account yet: run `npm start`, create the first account at /setup, then run `npm run demo`.'
	);
	process.exit(1);
}
// Larger histories for measuring: npm run demo -- --sessions 40 --participants 50
const option = (name: string) => {
	const index = process.argv.indexOf(`--${name}`);
	const value = index === -1 ? undefined : Number(process.argv[index + 1]);
	return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
};
const groupId = createDemoGroup(owner.id, getFramework(baseLocale), demoLabels(), {
	sessions: option('sessions'),
	participants: option('participants')
});
console.log(`Demo group added (id ${groupId}) for ${owner.email}: see /groups/${groupId}`);
