import type { Framework } from '$lib/framework/types';
import { saveAnswer } from '$lib/server/db/answers';
import { saveCheckin } from '$lib/server/db/checkins';
import { addCommitment } from '$lib/server/db/commitments';
import { transaction } from '$lib/server/db/connection';
import { addGroundRule } from '$lib/server/db/ground-rules';
import { createGroup, findGroup } from '$lib/server/db/groups';
import { actorKinds, createParticipant, setActorKind } from '$lib/server/db/participants';
import { findSession, updateSession } from '$lib/server/db/sessions';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { createDraftSession } from '$lib/server/sessions/lifecycle';
import { forgetAnswers, takeSnapshot } from '$lib/server/sessions/snapshot';
import { forgetRoomInputs, releaseCheckin } from '$lib/server/sessions/releases';
import { defaultThreshold } from '$lib/scoring/disclosure';
import { createDemoPact, type DemoPactLabels } from './demo-pact';

/** A small seeded random generator, so the demo is the same every time. */
function seeded(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

const rating = (value: number) => Math.max(0, Math.min(4, Math.round(value))) as 0 | 1 | 2 | 3 | 4;

const firstQuarter = Date.UTC(2025, 11, 9);
const quarterMs = 91 * 86_400_000;

/** The dates of `count` quarterly sessions ending with the latest. */
function quarterDates(count: number): string[] {
	return Array.from({ length: count }, (_, index) =>
		new Date(firstQuarter + (index - count + 4) * quarterMs).toISOString().slice(0, 10)
	);
}

export interface DemoLabels {
	name: string;
	description: string;
	rules: string[];
	sessionTitle: (quarter: number) => string;
	commitment: (quarter: number) => string;
	owner: string;
	/** The demo pact's texts; without them the demo group has no pact. */
	pact?: DemoPactLabels;
}

/**
 * Adds a demo group, labelled as such, with four quarterly sessions of simulated answers
 * (20–30 participants each) in which the group slowly grows, most on the Nous level.
 */
export function createDemoGroup(
	ownerId: number,
	framework: Framework,
	labels: DemoLabels,
	{ sessions = 4, participants }: { sessions?: number; participants?: number } = {}
) {
	const random = seeded(20260322);
	const quarters = quarterDates(sessions);
	return transaction(() => {
		const groupId = createGroup(ownerId, {
			name: labels.name,
			description: labels.description,
			anonymityThreshold: defaultThreshold
		});
		for (const rule of labels.rules) addGroundRule(groupId, rule);
		const group = findGroup(groupId)!;
		quarters.forEach((heldOn, quarter) => {
			const sessionId = createDraftSession(
				groupId,
				{ title: labels.sessionTitle(quarter + 1), heldOn, settleDays: 7 },
				framework
			);
			const count = participants ?? 20 + Math.floor(random() * 11);
			for (let person = 0; person < count; person++) {
				const participantId = createParticipant(sessionId, hashToken(generateToken()));
				const kind = actorKinds[Math.floor(random() * actorKinds.length)] ?? 'autre';
				setActorKind(participantId, kind);
				saveCheckin(sessionId, hashToken(generateToken()), 1 + Math.floor(random() * 5), '');
				framework.levels.forEach((level, levelIndex) => {
					// Je starts highest; Nous and Dans start lower and catch up quarter after quarter.
					const progress = (quarter / Math.max(1, quarters.length - 1)) * 3;
					const base = 2.6 - levelIndex * 0.55 + progress * (0.15 + levelIndex * 0.12);
					framework.principles.forEach((principle, index) => {
						const tilt = ((index % 4) - 1.5) * 0.35;
						// Each pole costs the other (instrument version 2): what one person gives to a, b lacks.
						const lean = (random() - 0.5) * 1.2;
						const cantSay = random() < 0.04;
						saveAnswer(participantId, sessionId, {
							level: level.id,
							principleId: principle.id,
							a: cantSay ? null : rating(base + tilt + lean + (random() - 0.5) * 2.2),
							b: rating(base - tilt - lean + (random() - 0.5) * 2.2)
						});
					});
				});
			}
			if (quarter < quarters.length - 1) {
				addCommitment(groupId, sessionId, {
					text: labels.commitment(quarter + 1),
					owner: labels.owner,
					dueOn: quarters[quarter + 1] ?? null
				});
			}
			const opened = Date.parse(`${heldOn}T18:00:00Z`);
			updateSession(sessionId, {
				status: 'closed',
				joinCode: null,
				openedAt: opened,
				closedAt: opened + 7 * 86_400_000,
				published: ['checkin', 'questionnaire']
			});
			takeSnapshot(findSession(sessionId)!, group.anonymityThreshold, framework, opened + 7 * 86_400_000);
			releaseCheckin(sessionId, group.anonymityThreshold);
			forgetAnswers(sessionId);
			forgetRoomInputs(sessionId);
		});
		if (labels.pact) createDemoPact(groupId, quarters, labels.pact);
		return groupId;
	});
}
