import type { Framework } from '$lib/framework/types';
import { aggregate } from '$lib/scoring/aggregate';
import { publishCells, publishedMaturity } from '$lib/scoring/disclosure';
import type { PolePair } from '$lib/scoring/rating';
import { sessionAnswersByKind, type AnswerRow } from '$lib/server/db/answers';
import { actorKinds } from '$lib/server/db/participants';
import { overallMaturity } from '$lib/scoring/gaps';
import { protectSubgroups } from '$lib/scoring/subgroups';
import {
	findSnapshot,
	listGroupHistory,
	snapshotTakenAt,
	type Cells,
	type HistoryEntry
} from '$lib/server/db/snapshots';

// Every figure a route shows comes from here, and so from a frozen snapshot through the
// disclosure rules of scoring/disclosure.ts: there is no live aggregate of answers to show.

export interface SessionResults {
	threshold: number;
	/** How many people answered at least once. */
	respondents: number;
	/** cells[level][principleId]: the group's figure as published, or only n when below the threshold. */
	cells: Cells;
	/** Where the group disagrees most: published spreads, largest first. */
	divergences: { level: string; principleId: string; sdMaturity: number; meanMaturity: number; n: number }[];
	/** Levels for which at least one figure is shown. */
	levelsShown: string[];
}

/** Exact figures per level and principle from answers, hiding what is below the threshold (for snapshots). */
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

/** Results as shown, from published cells: divergences and the levels that have figures. */
export function describeResults(
	cells: Cells,
	threshold: number,
	framework: Framework,
	respondents: number
): SessionResults {
	const divergences: SessionResults['divergences'] = [];
	for (const level of framework.levels) {
		for (const principle of framework.principles) {
			const result = cells[level.id]?.[principle.id];
			if (result?.shown && result.sdMaturity !== null) {
				const { sdMaturity, meanMaturity, n } = result;
				divergences.push({ level: level.id, principleId: principle.id, sdMaturity, meanMaturity, n });
			}
		}
	}
	divergences.sort((a, b) => b.sdMaturity - a.sdMaturity);
	const levelsShown = framework.levels
		.map((level) => level.id)
		.filter((level) => Object.values(cells[level] ?? {}).some((cell) => cell.shown));
	return { threshold, respondents, cells, divergences: divergences.slice(0, 5), levelsShown };
}

/**
 * A session's published results, or null while they are not frozen: a questionnaire's figures
 * exist only from the reveal (or the session's close) on.
 */
export function sessionResults(sessionId: number, framework: Framework): SessionResults | null {
	const takenAt = snapshotTakenAt(sessionId);
	if (takenAt === undefined) return null;
	// A reveal makes every phone of the room reload the same frozen results at once.
	const key = `${takenAt}:${framework.locale}`;
	const cached = frozenResults.get(sessionId);
	if (cached?.key === key) return cached.results;
	const snapshot = findSnapshot(sessionId);
	if (!snapshot) return null;
	const threshold = snapshot.anonymityThreshold;
	const results = describeResults(
		publishCells(snapshot.byKind[''] ?? {}, threshold),
		threshold,
		framework,
		snapshot.respondentCount
	);
	frozenResults.set(sessionId, { key, results });
	return results;
}

const frozenResults = new Map<number, { key: string; results: SessionResults }>();

/** A group's closed sessions, oldest first, with their figures as published. */
export function publishedHistory(groupId: number): HistoryEntry[] {
	return listGroupHistory(groupId).map((entry) => ({
		...entry,
		cells: publishCells(entry.cells, entry.anonymityThreshold)
	}));
}

/** The group's previous closed session of the same instrument version, to overlay on a reveal. */
export function previousResults(session: { id: number; groupId: number; heldOn: string; instrumentVersion: number }) {
	const earlier = publishedHistory(session.groupId).filter(
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
 * A session's exact figures for everyone ('') and per kind of actor, for its snapshot: each kind
 * obeys the threshold on its own, and none can be subtracted from the whole to reveal a few people.
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

/** Overall maturity per level for each kind of actor shown in a session's snapshot, as published. */
export function kindBreakdown(sessionId: number, framework: Framework): KindBreakdown[] {
	const snapshot = findSnapshot(sessionId);
	if (!snapshot) return [];
	const limit = snapshot.anonymityThreshold;
	return Object.entries(snapshot.byKind)
		.filter(([kind]) => kind !== '')
		.map(([kind, exact]) => {
			const cells = publishCells(exact, limit);
			return {
				kind,
				respondents: Math.max(0, ...Object.values(cells).flatMap((row) => Object.values(row).map((cell) => cell.n))),
				overall: Object.fromEntries(
					framework.levels.map((level) => {
						const value = overallMaturity(cells[level.id] ?? {});
						return [level.id, value === null ? null : publishedMaturity(value)];
					})
				)
			};
		})
		.filter((row) => row.respondents >= limit && Object.values(row.overall).some((value) => value !== null))
		.sort((a, b) => actorKinds.indexOf(a.kind as never) - actorKinds.indexOf(b.kind as never));
}
