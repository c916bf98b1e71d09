import type { Framework } from '$lib/framework/types';
import { aggregate } from '$lib/scoring/aggregate';
import type { PolePair } from '$lib/scoring/rating';
import { answersChanges, sessionAnswers, sessionAnswersByKind, type AnswerRow } from '$lib/server/db/answers';
import { actorKinds } from '$lib/server/db/participants';
import { overallMaturity } from '$lib/scoring/gaps';
import { protectSubgroups } from '$lib/scoring/subgroups';
import { findSnapshot, listGroupHistory, type Cells } from '$lib/server/db/snapshots';

export interface SessionResults {
	threshold: number;
	/** cells[level][principleId]: the group's figure, or only n when below the threshold. */
	cells: Cells;
	/** Where the group disagrees most: shown figures with the highest spread, largest first. */
	divergences: { level: string; principleId: string; sdMaturity: number; meanMaturity: number; n: number }[];
	/** Levels for which at least one figure is shown. */
	levelsShown: string[];
}

/** Aggregates answers per level and principle, hiding what is below the threshold. */
export function aggregateCells(answers: AnswerRow[], threshold: number, framework: Framework): Cells {
	const byCell = new Map<string, PolePair[]>();
	for (const answer of answers) {
		const key = `${answer.level}|${answer.principleId}`;
		const list = byCell.get(key) ?? [];
		list.push({ a: answer.a, b: answer.b });
		byCell.set(key, list);
	}
	const cells: Cells = {};
	for (const level of framework.levels) {
		const row: Cells[string] = {};
		for (const principle of framework.principles) {
			row[principle.id] = aggregate(byCell.get(`${level.id}|${principle.id}`) ?? [], threshold);
		}
		cells[level.id] = row;
	}
	return cells;
}

/** Results as shown: divergences and the levels that have figures, from cells. */
export function describeResults(cells: Cells, threshold: number, framework: Framework): SessionResults {
	const divergences: SessionResults['divergences'] = [];
	for (const level of framework.levels) {
		for (const principle of framework.principles) {
			const result = cells[level.id]?.[principle.id];
			if (result?.shown) {
				const { sdMaturity, meanMaturity, n } = result;
				divergences.push({ level: level.id, principleId: principle.id, sdMaturity, meanMaturity, n });
			}
		}
	}
	divergences.sort((a, b) => b.sdMaturity - a.sdMaturity);
	const levelsShown = framework.levels
		.map((level) => level.id)
		.filter((level) => Object.values(cells[level] ?? {}).some((cell) => cell.shown));
	return { threshold, cells, divergences: divergences.slice(0, 5), levelsShown };
}

// A reveal makes every phone of the room reload the results at once: aggregated once for all of
// them while no answer changes. The short lifetime covers what this process does not see
// (another process writing, a deleted session's id given to a new one).
const liveResults = new Map<number, { key: string; at: number; results: SessionResults }>();
const cacheMs = 2000;

/** A session's results: its snapshot once it has one, the live answers before. */
export function computeResults(sessionId: number, threshold: number, framework: Framework): SessionResults {
	const snapshot = findSnapshot(sessionId);
	if (snapshot) {
		return describeResults(snapshot.byKind[''] ?? {}, snapshot.anonymityThreshold, framework);
	}
	const key = `${answersChanges(sessionId)}:${threshold}:${framework.locale}`;
	const cached = liveResults.get(sessionId);
	if (cached?.key === key && Date.now() - cached.at < cacheMs) return cached.results;
	const cells = aggregateCells(sessionAnswers(sessionId), threshold, framework);
	const results = describeResults(cells, threshold, framework);
	liveResults.set(sessionId, { key, at: Date.now(), results });
	return results;
}

/** The group's previous snapshotted session of the same instrument version, to overlay on a reveal. */
export function previousResults(session: { id: number; groupId: number; heldOn: string; instrumentVersion: number }) {
	const earlier = listGroupHistory(session.groupId).filter(
		(entry) =>
			entry.sessionId !== session.id &&
			entry.instrumentVersion === session.instrumentVersion &&
			(entry.heldOn < session.heldOn || (entry.heldOn === session.heldOn && entry.sessionId < session.id))
	);
	const previous = earlier.at(-1);
	return previous ? { title: previous.title, heldOn: previous.heldOn, cells: previous.cells } : null;
}

export interface KindBreakdown {
	kind: string;
	respondents: number;
	overall: Record<string, number | null>;
}

/**
 * A session's live figures for everyone ('') and per kind of actor: each kind obeys the threshold
 * on its own, and none can be subtracted from the whole to reveal a few people.
 */
export function aggregateByKind(sessionId: number, threshold: number, framework: Framework): Record<string, Cells> {
	const answers = sessionAnswersByKind(sessionId);
	const everyone = aggregateCells(answers, threshold, framework);
	const byKind: Record<string, Cells> = {};
	for (const kind of actorKinds) {
		const subset = answers.filter((answer) => answer.actorKind === kind);
		if (subset.length > 0) byKind[kind] = aggregateCells(subset, threshold, framework);
	}
	return { '': everyone, ...protectSubgroups(everyone, byKind, threshold) };
}

/**
 * Overall maturity per level for each kind of actor with at least the threshold of respondents
 * (figures as aggregateByKind gives them). From the snapshot once there is one.
 */
export function kindBreakdown(sessionId: number, threshold: number, framework: Framework): KindBreakdown[] {
	const snapshot = findSnapshot(sessionId);
	const byKind = snapshot?.byKind ?? aggregateByKind(sessionId, threshold, framework);
	const limit = snapshot?.anonymityThreshold ?? threshold;
	return Object.entries(byKind)
		.filter(([kind]) => kind !== '')
		.map(([kind, cells]) => ({
			kind,
			respondents: Math.max(0, ...Object.values(cells).flatMap((row) => Object.values(row).map((cell) => cell.n))),
			overall: Object.fromEntries(
				framework.levels.map((level) => {
					const value = overallMaturity(cells[level.id] ?? {});
					return [level.id, value === null ? null : Math.round(value * 10) / 10];
				})
			)
		}))
		.filter((row) => row.respondents >= limit)
		.sort((a, b) => actorKinds.indexOf(a.kind as never) - actorKinds.indexOf(b.kind as never));
}
