import { m } from '$lib/paraglide/messages';
import type { ClauseState, MeasureStatus, PactPart, PartyKind, RoundSummary, SpaceKind } from './pact';

// The words of the pact's vocabulary in the user's language, one place for every page.

export const partLabel: Record<PactPart, () => string> = {
	perimeter: m.pact_part_perimeter,
	vision: m.pact_part_vision,
	rules: m.pact_part_rules,
	commitments: m.pact_part_commitments
};

export const partyKindLabel: Record<PartyKind, () => string> = {
	collectivite: m.pact_party_collectivite,
	etat: m.pact_party_etat,
	association: m.pact_party_association,
	collectif: m.pact_party_collectif,
	entreprise: m.pact_party_entreprise,
	recherche: m.pact_party_recherche,
	autre: m.pact_party_autre
};

export const spaceKindLabel: Record<SpaceKind, () => string> = {
	'commission-extra-municipale': m.pact_space_commission,
	'conseil-developpement': m.pact_space_codev,
	'conseil-alimentaire': m.pact_space_food,
	'conseil-energie': m.pact_space_energy,
	'conseil-biodiversite': m.pact_space_biodiversity,
	'groupe-cooperation': m.pact_space_cooperation,
	autre: m.pact_space_other
};

export const stateLabel: Record<ClauseState, () => string> = {
	draft: m.pact_state_draft,
	consented: m.pact_state_consented,
	objected: m.pact_state_objected,
	disagreement: m.pact_state_disagreement
};

export const measureLabel: Record<MeasureStatus, () => string> = {
	open: m.pact_measure_open,
	done: m.pact_measure_done,
	carried: m.pact_measure_carried,
	dropped: m.pact_measure_dropped
};

/** A released tally in words, or null below the threshold. */
export function tallyWords(tally: { consent: number; reservation: number; object: number } | null): string | null {
	return tally ? m.pact_tally(tally) : null;
}

/**
 * What a closed round released, in words: its tally, or why only n (too few choices, or a room that
 * differs by too few people from the one that chose on this clause before).
 */
export function roundWords(summary: Pick<RoundSummary, 'n' | 'tally' | 'withheld'> | null): string {
	if (summary?.tally) return m.pact_tally(summary.tally);
	if (summary?.withheld === 'overlap') return m.pact_round_withheld({ count: summary.n });
	return m.pact_round_below({ count: summary?.n ?? 0 });
}
