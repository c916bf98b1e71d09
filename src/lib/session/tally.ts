import { m } from '$lib/paraglide/messages';

/** A ground rule's consents, objections and abstentions, each with its own plural. */
export function tallyText(tally: { consent: number; object: number; abstain: number }): string {
	return m.room_tally({
		consent: m.tally_consent({ count: tally.consent }),
		object: m.tally_object({ count: tally.object }),
		abstain: m.tally_abstain({ count: tally.abstain })
	});
}
