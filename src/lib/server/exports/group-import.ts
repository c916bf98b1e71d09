import * as v from 'valibot';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { saveAnswer } from '$lib/server/db/answers';
import { addCard, listCards, setCardStatus } from '$lib/server/db/cards';
import { saveCheckin } from '$lib/server/db/checkins';
import { addCommitment, setCommitmentStatus } from '$lib/server/db/commitments';
import { transaction } from '$lib/server/db/connection';
import { saveConsent } from '$lib/server/db/consents';
import { addFeedback } from '$lib/server/db/feedback';
import { addGroundRule, listGroundRules } from '$lib/server/db/ground-rules';
import { createGroup } from '$lib/server/db/groups';
import { createParticipant } from '$lib/server/db/participants';
import { createSession, updateSession } from '$lib/server/db/sessions';
import { saveSnapshot } from '$lib/server/db/snapshots';
import { exportFormat, exportFormatVersion } from './group-json';

const rating = v.nullable(v.picklist([0, 1, 2, 3, 4]));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const day = v.pipe(v.string(), v.isoDate());

const schema = v.object({
	format: v.literal(exportFormat),
	formatVersion: v.literal(exportFormatVersion),
	group: v.object({
		name: text(120),
		description: text(2000),
		anonymityThreshold: v.pipe(v.number(), v.integer(), v.minValue(3))
	}),
	groundRules: v.array(text(500)),
	sessions: v.array(
		v.object({
			key: v.number(),
			title: text(120),
			heldOn: day,
			status: v.picklist(['draft', 'live', 'settling', 'closed']),
			settleDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)),
			instrumentVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
			participantCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
			plan: v.array(
				v.object({ position: v.number(), stageId: text(60), skipped: v.boolean(), levels: v.array(text(40)) })
			),
			answers: v.array(
				v.object({ respondent: v.number(), level: text(40), principleId: text(60), a: rating, b: rating })
			),
			consents: v.array(
				v.object({ respondent: v.number(), rule: v.number(), choice: v.picklist(['consent', 'object', 'abstain']) })
			),
			checkins: v.array(
				v.object({ availability: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)), word: text(30) })
			),
			cards: v.array(v.object({ text: text(280), status: v.picklist(['pending', 'approved', 'rejected']) })),
			feedback: v.array(v.object({ keep: text(1000), missing: text(1000), lived: text(1000), late: v.boolean() })),
			snapshot: v.nullable(
				v.object({
					participantCount: v.number(),
					respondentCount: v.number(),
					anonymityThreshold: v.number(),
					instrumentVersion: v.number(),
					results: v.array(
						v.object({
							actorKind: text(20),
							level: text(40),
							principleId: text(60),
							n: v.number(),
							meanMaturity: v.nullable(v.number()),
							sdMaturity: v.nullable(v.number()),
							meanLeaning: v.nullable(v.number()),
							distribution: v.nullable(v.array(v.number()))
						})
					)
				})
			)
		})
	),
	commitments: v.array(
		v.object({
			sessionKey: v.nullable(v.number()),
			text: text(300),
			owner: text(80),
			dueOn: v.nullable(day),
			status: v.picklist(['open', 'done', 'carried', 'dropped'])
		})
	)
});

/** Validates an export file; returns a readable problem or the data. */
export function parseGroupExport(input: unknown): { data: v.InferOutput<typeof schema> } | { problem: string } {
	const result = v.safeParse(schema, input);
	if (result.success) return { data: result.output };
	const issue = result.issues[0];
	return { problem: `${v.getDotPath(issue) ?? 'file'}: ${issue.message}` };
}

/**
 * Re-creates an exported group on this instance for an owner; sessions that were not draft come
 * back closed, with their snapshot, so their results are the same as on the first instance.
 */
export function importGroup(data: v.InferOutput<typeof schema>, ownerId: number): number {
	return transaction(() => {
		const groupId = createGroup(ownerId, data.group);
		for (const rule of data.groundRules) addGroundRule(groupId, rule);
		const ruleIds = listGroundRules(groupId).map((rule) => rule.id);
		const sessionIds = new Map<number, number>();
		for (const session of data.sessions) {
			const id = createSession(groupId, session, session.plan, session.instrumentVersion);
			sessionIds.set(session.key, id);
			const participants = new Map<number, number>();
			const participant = (respondent: number) => {
				let found = participants.get(respondent);
				if (!found) {
					found = createParticipant(id, hashToken(generateToken()));
					participants.set(respondent, found);
				}
				return found;
			};
			for (let respondent = 1; respondent <= session.participantCount; respondent++) participant(respondent);
			for (const { respondent, level, principleId, a, b } of session.answers) {
				saveAnswer(participant(respondent), id, { level, principleId, a, b });
			}
			for (const { respondent, rule, choice } of session.consents) {
				const ruleId = ruleIds[rule];
				if (ruleId !== undefined) saveConsent(participant(respondent), id, ruleId, choice);
			}
			session.checkins.forEach((checkin, index) =>
				saveCheckin(participant(index + 1), id, checkin.availability, checkin.word)
			);
			for (const card of session.cards) addCard(id, card.text);
			listCards(id).forEach((card, index) => setCardStatus(id, card.id, session.cards[index]?.status ?? 'pending'));
			for (const feedback of session.feedback) addFeedback(id, feedback);
			if (session.snapshot) {
				const { results, ...meta } = session.snapshot;
				saveSnapshot(
					{ sessionId: id, ...meta },
					results.map(({ actorKind, level, principleId, n, meanMaturity, sdMaturity, meanLeaning, distribution }) => ({
						actorKind,
						level,
						principleId,
						result:
							meanMaturity === null
								? { shown: false as const, n }
								: {
										shown: true as const,
										n,
										meanMaturity,
										sdMaturity: sdMaturity ?? 0,
										meanLeaning: meanLeaning ?? 0,
										distribution: distribution ?? []
									}
					}))
				);
			}
			if (session.status !== 'draft') updateSession(id, { status: 'closed', joinCode: null, closedAt: Date.now() });
		}
		for (const { sessionKey, status, ...fields } of data.commitments) {
			const sessionId = sessionKey === null ? null : (sessionIds.get(sessionKey) ?? null);
			const id = addCommitment(groupId, sessionId, fields);
			if (status !== 'open') setCommitmentStatus(groupId, id, status);
		}
		return groupId;
	});
}
