import type { Framework } from '$lib/framework/types';
import { leaning, maturity } from '$lib/scoring/rating';
import { snapshotPairs } from '$lib/server/db/snapshots';
import type { Session } from '$lib/server/db/sessions';
import { toCsv } from './csv';

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A closed session's answers as the distribution of (a, b) pairs per level × principle, for the
 * cells answered by at least the threshold: enough to recompute every published figure, with no
 * row that stands for one person.
 */
export function sessionAnswersCsv(session: Session, framework: Framework): string {
	const levels = framework.levels.map((level) => level.id);
	const principles = framework.principles.map((principle) => principle.id);
	const order = (id: string, list: string[]) => (list.includes(id) ? list.indexOf(id) : list.length);
	const rows = snapshotPairs(session.id)
		.sort(
			(x, y) =>
				order(x.level, levels) - order(y.level, levels) ||
				order(x.principleId, principles) - order(y.principleId, principles) ||
				x.a - y.a ||
				x.b - y.b
		)
		.map((pair) => [
			session.heldOn,
			session.instrumentVersion,
			pair.level,
			pair.principleId,
			pair.a,
			pair.b,
			pair.count,
			round(maturity(pair.a, pair.b)),
			round(leaning(pair.a, pair.b))
		]);
	return toCsv(
		[
			'session_date',
			'instrument_version',
			'level',
			'principle',
			'rating_a',
			'rating_b',
			'respondents',
			'maturity',
			'leaning'
		],
		rows
	);
}
