import { isShown } from '$lib/scoring/anonymity';
import { sessionCheckins } from '$lib/server/db/checkins';
import { consentTallies, type ConsentChoice } from '$lib/server/db/consents';
import type { GroundRule } from '$lib/server/db/ground-rules';

export interface RoomSummary {
	checkin: { n: number; shown: boolean; meanAvailability: number | null; words: string[] };
	rules: { id: number; text: string; tally: Record<ConsentChoice, number>; n: number; shown: boolean }[];
}

/**
 * What the room said at check-in and on the ground rules, as counts only, and only from
 * the group's anonymity threshold up.
 */
export function roomSummary(sessionId: number, threshold: number, rules: GroundRule[]): RoomSummary {
	const checkins = sessionCheckins(sessionId);
	const checkinShown = isShown(checkins.length, threshold);
	const tallies = consentTallies(sessionId);
	return {
		checkin: {
			n: checkins.length,
			shown: checkinShown,
			meanAvailability: checkinShown ? checkins.reduce((sum, c) => sum + c.availability, 0) / checkins.length : null,
			words: checkinShown ? checkins.map((c) => c.word).filter(Boolean) : []
		},
		rules: rules.map((rule) => {
			const tally = { consent: 0, object: 0, abstain: 0 };
			for (const row of tallies) if (row.ruleId === rule.id) tally[row.choice] = row.count;
			const n = tally.consent + tally.object + tally.abstain;
			const shown = isShown(n, threshold);
			return { id: rule.id, text: rule.text, tally: shown ? tally : { consent: 0, object: 0, abstain: 0 }, n, shown };
		})
	};
}
