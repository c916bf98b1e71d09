import { randomInt } from 'node:crypto';
import type { Framework } from '$lib/framework/types';
import { leaning, maturity } from '$lib/scoring/rating';
import { answersForExport } from '$lib/server/db/answers';
import type { Session } from '$lib/server/db/sessions';
import { toCsv } from './csv';

/** Shuffled numbers 1…n for the given keys, so a respondent number says nothing about who joined when. */
export function respondentNumbers(keys: number[]): Map<number, number> {
	const numbers = keys.map((_, index) => index + 1);
	for (let i = numbers.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[numbers[i], numbers[j]] = [numbers[j] as number, numbers[i] as number];
	}
	return new Map(keys.map((key, index) => [key, numbers[index] as number]));
}

/**
 * A session's answers as CSV: one row per respondent × level × principle, with a random
 * respondent number and no token, name or kind of actor.
 */
export function sessionAnswersCsv(session: Session, framework: Framework): string {
	const answers = answersForExport(session.id);
	const numbers = respondentNumbers([...new Set(answers.map((answer) => answer.participantId))]);
	const round = (value: number) => Math.round(value * 100) / 100;
	const rows = answers.map((answer) => {
		const rated = answer.a !== null && answer.b !== null;
		return [
			session.heldOn,
			session.instrumentVersion,
			numbers.get(answer.participantId) ?? 0,
			answer.level,
			answer.principleId,
			answer.a,
			answer.b,
			rated ? round(maturity(answer.a!, answer.b!)) : null,
			rated ? round(leaning(answer.a!, answer.b!)) : null
		];
	});
	const order = framework.principles.map((p) => p.id);
	rows.sort(
		(x, y) => (x[2] as number) - (y[2] as number) || order.indexOf(x[4] as string) - order.indexOf(y[4] as string)
	);
	return toCsv(
		[
			'session_date',
			'instrument_version',
			'respondent',
			'level',
			'principle',
			'rating_a',
			'rating_b',
			'maturity',
			'leaning'
		],
		rows
	);
}
