import { answersForExport } from '$lib/server/db/answers';
import { listCards } from '$lib/server/db/cards';
import { sessionCheckins } from '$lib/server/db/checkins';
import { consentsForExport } from '$lib/server/db/consents';
import { listFeedback } from '$lib/server/db/feedback';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { findGroup } from '$lib/server/db/groups';
import { participantIds } from '$lib/server/db/participants';
import { findSnapshot, snapshotRowsForExport } from '$lib/server/db/snapshots';
import { listPlan, listSessions } from '$lib/server/db/sessions';
import { commitmentsForExport } from '$lib/server/db/commitments';
import { respondentNumbers } from './session-answers';

export const exportFormat = 'entre-deux/group';
export const exportFormatVersion = 1;

/**
 * Everything of a group needed to re-import it elsewhere, without any token, account, display
 * name or kind of actor attached to an answer: participants are shuffled respondent numbers.
 */
export function exportGroup(groupId: number) {
	const group = findGroup(groupId);
	if (!group) return null;
	const rules = listGroundRules(groupId);
	const sessions = listSessions(groupId).reverse();
	return {
		format: exportFormat,
		formatVersion: exportFormatVersion,
		exportedAt: new Date().toISOString(),
		group: { name: group.name, description: group.description, anonymityThreshold: group.anonymityThreshold },
		groundRules: rules.map((rule) => rule.text),
		sessions: sessions.map((session) => {
			const numbers = respondentNumbers(participantIds(session.id));
			const snapshot = findSnapshot(session.id);
			return {
				key: session.id,
				title: session.title,
				heldOn: session.heldOn,
				status: session.status,
				settleDays: session.settleDays,
				instrumentVersion: session.instrumentVersion,
				participantCount: numbers.size,
				plan: listPlan(session.id),
				answers: answersForExport(session.id).map(({ participantId, level, principleId, a, b }) => ({
					respondent: numbers.get(participantId) ?? 0,
					level,
					principleId,
					a,
					b
				})),
				consents: consentsForExport(session.id).map(({ participantId, ruleId, choice }) => ({
					respondent: numbers.get(participantId) ?? 0,
					rule: rules.findIndex((rule) => rule.id === ruleId),
					choice
				})),
				checkins: sessionCheckins(session.id),
				cards: listCards(session.id).map(({ text, status }) => ({ text, status })),
				feedback: listFeedback(session.id),
				snapshot: snapshot
					? {
							participantCount: snapshot.participantCount,
							respondentCount: snapshot.respondentCount,
							anonymityThreshold: snapshot.anonymityThreshold,
							instrumentVersion: snapshot.instrumentVersion,
							results: snapshotRowsForExport(session.id)
						}
					: null
			};
		}),
		commitments: commitmentsForExport(groupId)
	};
}

export type GroupExport = NonNullable<ReturnType<typeof exportGroup>>;
