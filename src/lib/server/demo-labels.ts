import { m } from '$lib/paraglide/messages';
import type { DemoLabels } from './demo';
import { getPactLibrary } from './pact-library';
import { getLocale } from '$lib/paraglide/runtime';

/** The demo group's texts in the current language, labelled as simulated. */
export function demoLabels(): DemoLabels {
	return {
		name: m.demo_group_name(),
		description: m.demo_group_description(),
		rules: [m.demo_rule_1(), m.demo_rule_2(), m.demo_rule_3()],
		sessionTitle: (quarter) => m.demo_session_title({ quarter }),
		commitment: (quarter) => m.demo_commitment({ quarter }),
		owner: m.demo_commitment_owner(),
		pact: {
			library: getPactLibrary(getLocale()),
			territory: m.demo_pact_territory(),
			parties: [
				{ name: m.demo_party_town(), kind: 'collectivite' },
				{ name: m.demo_party_association(), kind: 'association' },
				{ name: m.demo_party_collective(), kind: 'collectif' }
			],
			ownCommitment: m.demo_pact_commitment(),
			measures: [m.demo_measure_room(), m.demo_measure_newsletter(), m.demo_measure_survey()],
			notes: { done: m.demo_measure_done(), carried: m.demo_measure_carried(), dropped: m.demo_measure_dropped() },
			disagreement: m.demo_pact_disagreement(),
			reworded: m.demo_pact_reworded(),
			signatory: (n) => m.demo_signatory({ n }),
			role: m.demo_signatory_role()
		}
	};
}
