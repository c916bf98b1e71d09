import type { Framework } from '$lib/framework/types';
import { questionnaireItems, type PlanStage } from '$lib/session/plan';
import { participantAnswers } from '$lib/server/db/answers';
import { findCheckin } from '$lib/server/db/checkins';
import { ownConsents } from '$lib/server/db/consents';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { ownRoomName } from '$lib/server/db/room-names';
import type { Session } from '$lib/server/db/sessions';
import { phonePact } from '$lib/server/pact/rounds';
import type { Phone } from './participation';

/** What a participant's phone needs for the current activity: only their own inputs, never others'. */
export function activityData(session: Session, stage: PlanStage, participant: Phone, framework: Framework) {
	switch (stage.activity) {
		case 'checkin':
			return { kind: 'checkin' as const, checkin: findCheckin(session.id, participant.keys.checkin) ?? null };
		case 'connect':
			return {
				kind: 'connect' as const,
				displayName: ownRoomName(session.id, participant.keys.name),
				actorKind: participant.actorKind
			};
		case 'frame':
			return {
				kind: 'frame' as const,
				rules: listGroundRules(session.groupId).map(({ id, text }) => ({ id, text })),
				consents: ownConsents(session.id, participant.keys.consent),
				pact: phonePact(session, participant.keys.consent)
			};
		case 'questionnaire': {
			const ids = framework.principles.map((p) => p.id);
			const answers = participantAnswers(participant.id);
			return {
				kind: 'questionnaire' as const,
				items: questionnaireItems(stage.levels, ids).map((item) => {
					const principle = framework.principles.find((p) => p.id === item.principleId)!;
					const level = framework.levels.find((l) => l.id === item.level)!;
					const answer = answers.find((a) => a.level === item.level && a.principleId === item.principleId);
					return {
						...item,
						levelLabel: level.lens ?? level.label,
						title: principle.title,
						poleA: { label: principle.poleA.label, prompt: principle.poleA.prompts[item.level] ?? '' },
						poleB: { label: principle.poleB.label, prompt: principle.poleB.prompts[item.level] ?? '' },
						answer: answer ? { a: answer.a, b: answer.b } : null
					};
				}),
				scale: framework.scale,
				cantSay: framework.cantSay
			};
		}
		case 'cards':
			return { kind: 'cards' as const, cardsSent: participant.cardsSent };
		case 'feedback':
			return { kind: 'feedback' as const };
		default:
			return { kind: stage.activity };
	}
}
