import { m } from '$lib/paraglide/messages';
import type { DemoLabels } from './demo';

/** The demo group's texts in the current language, labelled as simulated. */
export function demoLabels(): DemoLabels {
	return {
		name: m.demo_group_name(),
		description: m.demo_group_description(),
		rules: [m.demo_rule_1(), m.demo_rule_2(), m.demo_rule_3()],
		sessionTitle: (quarter) => m.demo_session_title({ quarter }),
		commitment: (quarter) => m.demo_commitment({ quarter }),
		owner: m.demo_commitment_owner()
	};
}
