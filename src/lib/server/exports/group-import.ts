import * as v from 'valibot';
import { aggregate, aggregateFromFigures } from '$lib/scoring/aggregate';
import { effectiveThreshold } from '$lib/scoring/anonymity';
import { publishAggregate, summarizeCheckins, publishTally } from '$lib/scoring/disclosure';
import { countPairs } from '$lib/scoring/pairs';
import type { PolePair } from '$lib/scoring/rating';
import { addCard, listCards, setCardStatus } from '$lib/server/db/cards';
import { addCommitment, setCommitmentStatus } from '$lib/server/db/commitments';
import { transaction } from '$lib/server/db/connection';
import { addFeedback } from '$lib/server/db/feedback';
import { addGroundRule, listGroundRules } from '$lib/server/db/ground-rules';
import { createGroup, deleteGroup } from '$lib/server/db/groups';
import { saveRelease } from '$lib/server/db/releases';
import { createSession, updateSession } from '$lib/server/db/sessions';
import { saveSnapshot } from '$lib/server/db/snapshots';
import { readable } from '$lib/server/validation/form';
import { exportFormat } from './group-json';
import { importPact, pactImport } from './pact-json';

// An import is validated as the forms validate (lengths, readable text), and bounded: a session
// holds at most as many people as one can join, so a small file cannot grow into a huge write.
const maxPeople = 5000;
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(maxPeople));
const rating = v.picklist([0, 1, 2, 3, 4]);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max), readable());
const id = (max: number) => v.pipe(v.string(), v.regex(/^[a-z0-9-]*$/), v.maxLength(max));
const day = v.pipe(v.string(), v.isoDate());
const threshold = v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(50));
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max));

const sessionCommon = {
	key: v.pipe(v.number(), v.integer()),
	title: v.pipe(text(120), v.nonEmpty()),
	heldOn: day,
	status: v.picklist(['draft', 'live', 'settling', 'closed']),
	settleDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)),
	instrumentVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
	participantCount: count,
	plan: list(
		v.object({
			position: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
			stageId: id(60),
			skipped: v.boolean(),
			levels: list(id(40), 10)
		}),
		50
	),
	cards: list(v.object({ text: text(280), status: v.picklist(['pending', 'approved', 'rejected']) }), maxPeople * 10),
	feedback: list(v.object({ keep: text(1000), missing: text(1000), lived: text(1000), late: v.boolean() }), maxPeople)
};

const resultRow = v.object({
	actorKind: id(20),
	level: id(40),
	principleId: id(60),
	n: count,
	meanMaturity: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
	sdMaturity: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
	meanLeaning: v.nullable(v.pipe(v.number(), v.minValue(-1), v.maxValue(1))),
	distribution: v.nullable(list(count, 5))
});

const snapshotMeta = {
	participantCount: count,
	respondentCount: count,
	anonymityThreshold: threshold,
	instrumentVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
	results: list(resultRow, 7 * 10 * 60)
};

const pair = v.object({
	level: id(40),
	principleId: id(60),
	a: rating,
	b: rating,
	count: v.pipe(count, v.minValue(1))
});

const commitments = list(
	v.object({
		sessionKey: v.nullable(v.number()),
		text: text(300),
		owner: text(80),
		dueOn: v.nullable(day),
		status: v.picklist(['open', 'done', 'carried', 'dropped'])
	}),
	5000
);

const group = v.object({
	name: v.pipe(text(120), v.nonEmpty()),
	description: text(2000),
	anonymityThreshold: threshold
});

const version2 = v.object({
	format: v.literal(exportFormat),
	formatVersion: v.literal(2),
	group,
	groundRules: list(text(500), 100),
	sessions: list(
		v.object({
			...sessionCommon,
			checkin: v.nullable(
				v.object({
					n: count,
					meanAvailability: v.nullable(v.pipe(v.number(), v.minValue(1), v.maxValue(5))),
					words: list(text(30), maxPeople)
				})
			),
			consents: list(
				v.object({
					rule: v.pipe(v.number(), v.integer(), v.minValue(0)),
					consent: count,
					object: count,
					abstain: count
				}),
				100
			),
			snapshot: v.nullable(v.object({ ...snapshotMeta, pairs: list(pair, 10 * 60 * 25) }))
		}),
		500
	),
	commitments,
	// Files written before the pact have none.
	pact: v.optional(pactImport)
});

// Files written before disclosure control: per-person rows, turned into counts on the way in.
const version1 = v.object({
	format: v.literal(exportFormat),
	formatVersion: v.literal(1),
	group,
	groundRules: list(text(500), 100),
	sessions: list(
		v.object({
			...sessionCommon,
			answers: list(
				v.object({
					respondent: v.number(),
					level: id(40),
					principleId: id(60),
					a: v.nullable(rating),
					b: v.nullable(rating)
				}),
				maxPeople * 3 * 60
			),
			consents: list(
				v.object({ respondent: v.number(), rule: v.number(), choice: v.picklist(['consent', 'object', 'abstain']) }),
				maxPeople * 100
			),
			checkins: list(
				v.object({ availability: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)), word: text(30) }),
				maxPeople
			),
			snapshot: v.nullable(v.object(snapshotMeta))
		}),
		500
	),
	commitments
});

type GroupImport = v.InferOutput<typeof version2>;
type Version1 = v.InferOutput<typeof version1>;

/** A version 1 file as version 2: answers as pair counts of cells of at least the threshold, consents as tallies. */
function fromVersion1(data: Version1): GroupImport {
	return {
		...data,
		formatVersion: 2,
		sessions: data.sessions.map(({ answers, consents, checkins, snapshot, ...session }) => {
			const k = effectiveThreshold(snapshot?.anonymityThreshold ?? data.group.anonymityThreshold);
			const pairs = countPairs(answers, k);
			const tallies = new Map<number, { consent: number; object: number; abstain: number }>();
			for (const { rule, choice } of consents) {
				const tally = tallies.get(rule) ?? { consent: 0, object: 0, abstain: 0 };
				tally[choice] += 1;
				tallies.set(rule, tally);
			}
			const summary = summarizeCheckins(checkins, k);
			return {
				...session,
				checkin: checkins.length > 0 ? summary : null,
				consents: [...tallies].flatMap(([rule, tally]) => {
					const published = publishTally(tally, k);
					return published.tally ? [{ rule, ...published.tally }] : [];
				}),
				snapshot: snapshot ? { ...snapshot, pairs } : null
			};
		})
	} as GroupImport;
}

/** Validates an export file (either format version); returns a readable problem or the data. */
export function parseGroupExport(input: unknown): { data: GroupImport } | { problem: string } {
	const version = (input as { formatVersion?: unknown } | null)?.formatVersion;
	const result = version === 1 ? v.safeParse(version1, input) : v.safeParse(version2, input);
	if (!result.success) {
		const issue = result.issues[0];
		return { problem: `${v.getDotPath(issue) ?? 'file'}: ${issue.message}` };
	}
	const data = version === 1 ? fromVersion1(result.output as Version1) : (result.output as GroupImport);
	const problem = checkFigures(data);
	return problem ? { problem } : { data };
}

/** What a real instance could not have written: a key twice, figures under the threshold, pairs of a small cell. */
function checkFigures(data: GroupImport): string | null {
	const keys = new Set<number>();
	for (const [index, session] of data.sessions.entries()) {
		if (keys.has(session.key)) return `sessions.${index}.key: ${session.key} is given twice`;
		keys.add(session.key);
		const snapshot = session.snapshot;
		if (!snapshot) continue;
		const k = effectiveThreshold(snapshot.anonymityThreshold);
		const bad = snapshot.results.find((row) => row.meanMaturity !== null && row.n < k);
		if (bad) return `sessions.${index}.snapshot.results: a figure over ${bad.n} people, under the threshold of ${k}`;
		const perCell = new Map<string, number>();
		const seen = new Set<string>();
		for (const p of snapshot.pairs) {
			const pairKey = `${p.level}|${p.principleId}|${p.a}|${p.b}`;
			if (seen.has(pairKey)) return `sessions.${index}.snapshot.pairs: the pair ${pairKey} is given twice`;
			seen.add(pairKey);
			perCell.set(`${p.level}|${p.principleId}`, (perCell.get(`${p.level}|${p.principleId}`) ?? 0) + p.count);
		}
		for (const [cell, n] of perCell) {
			if (n < k || n > maxPeople) return `sessions.${index}.snapshot.pairs: ${n} people in ${cell}`;
		}
	}
	return null;
}

/** The snapshot rows to store: everyone's cells recomputed from their pairs where given, the rest as published. */
function snapshotRows(snapshot: NonNullable<GroupImport['sessions'][number]['snapshot']>) {
	const pairsByCell = new Map<string, PolePair[]>();
	for (const p of snapshot.pairs) {
		const list = pairsByCell.get(`${p.level}|${p.principleId}`) ?? [];
		for (let i = 0; i < p.count; i++) list.push({ a: p.a, b: p.b });
		pairsByCell.set(`${p.level}|${p.principleId}`, list);
	}
	return snapshot.results.map((row) => {
		const pairs = row.actorKind === '' ? pairsByCell.get(`${row.level}|${row.principleId}`) : undefined;
		const result = pairs
			? aggregate(pairs, snapshot.anonymityThreshold)
			: publishAggregate(aggregateFromFigures(row), snapshot.anonymityThreshold);
		return { actorKind: row.actorKind, level: row.level, principleId: row.principleId, result };
	});
}

/**
 * Re-creates an exported group on this instance for an owner; sessions that were not draft come
 * back closed, with their snapshot, so their results are the same as on the first instance. Each
 * session is written in a transaction of its own, so that a running server keeps serving; if any
 * fails, the group is removed whole and the error is thrown again.
 */
export function importGroup(data: GroupImport, ownerId: number): number {
	const groupId = transaction(() => {
		const created = createGroup(ownerId, data.group);
		for (const rule of data.groundRules) addGroundRule(created, rule);
		return created;
	});
	try {
		const rules = listGroundRules(groupId).map((rule) => rule.id);
		const sessionIds = new Map<number, number>();
		for (const session of data.sessions) {
			transaction(() => {
				const sessionId = createSession(groupId, session, session.plan, session.instrumentVersion);
				sessionIds.set(session.key, sessionId);
				if (session.checkin) saveRelease(sessionId, 'checkin', session.checkin);
				const tallies = session.consents.flatMap(({ rule, ...tally }) =>
					rules[rule] === undefined
						? []
						: [{ ruleId: rules[rule]!, n: tally.consent + tally.object + tally.abstain, tally }]
				);
				if (tallies.length > 0) saveRelease(sessionId, 'frame', { rules: tallies });
				for (const card of session.cards) addCard(sessionId, card.text);
				listCards(sessionId).forEach((card, index) =>
					setCardStatus(sessionId, card.id, session.cards[index]?.status ?? 'pending')
				);
				for (const feedback of session.feedback) addFeedback(sessionId, feedback);
				if (session.snapshot) {
					const { participantCount, respondentCount, anonymityThreshold, instrumentVersion, pairs } = session.snapshot;
					saveSnapshot(
						{ sessionId, participantCount, respondentCount, anonymityThreshold, instrumentVersion },
						snapshotRows(session.snapshot),
						pairs
					);
				}
				if (session.status !== 'draft') {
					updateSession(sessionId, {
						status: 'closed',
						joinCode: null,
						closedAt: Date.now(),
						published: ['checkin', 'frame', 'questionnaire']
					});
				}
			});
		}
		transaction(() => {
			for (const { sessionKey, status, ...fields } of data.commitments) {
				const sessionId = sessionKey === null ? null : (sessionIds.get(sessionKey) ?? null);
				const commitmentId = addCommitment(groupId, sessionId, fields);
				if (status !== 'open') setCommitmentStatus(groupId, commitmentId, status);
			}
		});
		if (data.pact) transaction(() => importPact(groupId, data.pact!, sessionIds));
		return groupId;
	} catch (problem) {
		deleteGroup(groupId);
		throw problem;
	}
}
