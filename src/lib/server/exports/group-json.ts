import { publishAggregate } from '$lib/scoring/disclosure';
import type { CheckinSummary } from '$lib/scoring/disclosure';
import { listCards } from '$lib/server/db/cards';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { findGroup } from '$lib/server/db/groups';
import { findSnapshot, snapshotPairs } from '$lib/server/db/snapshots';
import { listPlan, listSessions } from '$lib/server/db/sessions';
import { commitmentsForExport } from '$lib/server/db/commitments';
import { releasedFeedback, roomSummary } from '$lib/server/sessions/releases';
import { findRelease } from '$lib/server/db/releases';
import { exportPact } from './pact-json';

export const exportFormat = 'entre-deux/group';
export const exportFormatVersion = 2;

/**
 * A snapshot's figures as published (rounded, spreads from 2k up), one row per level × principle
 * for everyone, and one per kind of actor × level × principle where that kind's figures are shown:
 * a hidden kind's row would still say how many of that kind answered, and for a kind of one or two
 * people, which statements they left unanswered.
 */
function publishedRows(sessionId: number) {
	const snapshot = findSnapshot(sessionId);
	if (!snapshot) return null;
	const results = Object.entries(snapshot.byKind).flatMap(([actorKind, cells]) =>
		Object.entries(cells).flatMap(([level, row]) =>
			Object.entries(row).flatMap(([principleId, exact]) => {
				const result = publishAggregate(exact, snapshot.anonymityThreshold);
				if (actorKind !== '' && !result.shown) return [];
				return {
					actorKind,
					level,
					principleId,
					n: result.n,
					meanMaturity: result.shown ? result.meanMaturity : null,
					sdMaturity: result.shown ? result.sdMaturity : null,
					meanLeaning: result.shown ? result.meanLeaning : null,
					distribution: result.shown ? result.distribution : null
				};
			})
		)
	);
	return {
		participantCount: snapshot.participantCount,
		respondentCount: snapshot.respondentCount,
		anonymityThreshold: snapshot.anonymityThreshold,
		instrumentVersion: snapshot.instrumentVersion,
		results,
		pairs: snapshotPairs(sessionId)
	};
}

/**
 * Everything of a group needed to re-import it elsewhere, and no row that stands for one person:
 * each session's snapshot as published, with the counts of (a, b) pairs of its cells of at least
 * the threshold; the check-in and the rules' tallies as the room was shown them. A session that
 * has not settled yet carries none of its answers.
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
		sessions: sessions.map((session) => ({
			key: session.id,
			title: session.title,
			heldOn: session.heldOn,
			status: session.status,
			settleDays: session.settleDays,
			instrumentVersion: session.instrumentVersion,
			participantCount: session.participantCount,
			plan: listPlan(session.id),
			checkin: findRelease<CheckinSummary>(session.id, 'checkin') ?? null,
			consents: roomSummary(session.id, rules).rules.flatMap((rule, index) =>
				rule.tally ? [{ rule: index, ...rule.tally }] : []
			),
			cards: listCards(session.id).map(({ text, status }) => ({ text, status })),
			feedback: releasedFeedback(session, group.anonymityThreshold).items,
			snapshot: publishedRows(session.id)
		})),
		commitments: commitmentsForExport(groupId),
		pact: exportPact(groupId)
	};
}

export type GroupExport = NonNullable<ReturnType<typeof exportGroup>>;
