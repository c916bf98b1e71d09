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
const groupId = createDemoGroup(owner.id, getFramework(baseLocale), demoLabels());
console.log(`Demo group added (id ${groupId}) for ${owner.email}: see /groups/${groupId}`);
