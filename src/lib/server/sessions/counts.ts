import type { Framework } from '$lib/framework/types';
import type { PlanStage } from '$lib/session/plan';
import { countQuestionnaire } from '$lib/server/db/answers';
import { countCards } from '$lib/server/db/cards';
import { countCheckins } from '$lib/server/db/checkins';
import { countConsenting } from '$lib/server/db/consents';
import { countFeedback } from '$lib/server/db/feedback';
import { countParticipants } from '$lib/server/db/participants';
import { countRoomNames } from '$lib/server/db/room-names';
import type { Session } from '$lib/server/db/sessions';

/** The figures the projector and the control view show live: how many joined, and took part now. */
export interface LiveCounts {
	joined: number;
	/** People who took part in the current activity (finished, for a questionnaire). */
	responded: number;
	/** People who started the current questionnaire. */
	answering: number;
	cards: number;
}

/** Counts for a session at its current stage. */
export function liveCounts(session: Session, plan: PlanStage[], framework: Framework): LiveCounts {
	const stage = plan.find((s) => s.position === session.stagePosition);
	const counts: LiveCounts = {
		joined: countParticipants(session.id),
		responded: 0,
		answering: 0,
		cards: countCards(session.id)
	};
	switch (stage?.activity) {
		case 'checkin':
			counts.responded = countCheckins(session.id);
			break;
		case 'connect':
			counts.responded = countRoomNames(session.id);
			break;
		case 'frame':
			counts.responded = countConsenting(session.id);
			break;
		case 'questionnaire': {
			const items = stage.levels.length * framework.principles.length;
			const { answering, completed } = countQuestionnaire(session.id, stage.levels, items);
			counts.responded = completed;
			counts.answering = answering;
			break;
		}
		case 'cards':
			counts.responded = counts.cards;
			break;
		case 'feedback':
			counts.responded = countFeedback(session.id);
			break;
	}
	return counts;
}
