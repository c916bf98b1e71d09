// When two questions put to the room (a pact clause's rounds, a ground rule) are the same question,
// as far as their clause and their words can tell: what rule 5 of scoring/disclosure.ts compares.

/**
 * A wording without case, accents or punctuation, its words one space apart: « On vote, à main
 * levée. » asks what « on vote a main levee » does.
 */
export function wordingKey(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/\p{M}+/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * What tells a question put to the room: its clause and its clause of the library (none for a
 * ground rule), its wording.
 */
export interface QuestionKey {
	clauseId: number | null;
	libraryId: string | null;
	wordingKey: string;
}

/** How many items (letters, words) to insert, delete or change to turn one list into the other (Levenshtein). */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const change = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
			row.push(Math.min(change, previous[j]! + 1, row[j - 1]! + 1));
		}
		previous = row;
	}
	return previous[b.length]!;
}

/** The fewest letters a wording holds to count as the same question when found inside a longer one. */
const shortestContained = 12;

/** Whether two lists differ by at most a share of the longer one's items. */
function within<T>(a: ArrayLike<T>, b: ArrayLike<T>, share: number): boolean {
	const allowed = Math.floor(Math.max(a.length, b.length) * share);
	return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/**
 * Whether two wordings (as keys) ask the same thing as far as their letters can tell: a quarter
 * of the letters or a third of the words changed or less (a typo, a plural, a word added or
 * swapped), or one held whole inside the other (the same clause with a sentence added). Keys
 * recorded without spaces (before words were kept apart) compare by their letters.
 */
export function closeWordings(a: string, b: string): boolean {
	const [lettersA, lettersB] = [a.replaceAll(' ', ''), b.replaceAll(' ', '')];
	if (lettersA === lettersB) return true;
	const [short, long] = lettersA.length <= lettersB.length ? [lettersA, lettersB] : [lettersB, lettersA];
	if (short.length >= shortestContained && long.includes(short)) return true;
	return within(lettersA, lettersB, 1 / 4) || within(a.split(' '), b.split(' '), 1 / 3);
}

/**
 * Whether two rounds put the same question to the room, as far as the app can tell: the same
 * clause (reworded or not), the same clause of the library, or close wordings.
 */
export function sameQuestion(a: QuestionKey, b: QuestionKey): boolean {
	return (
		(a.clauseId !== null && a.clauseId === b.clauseId) ||
		(a.libraryId !== null && a.libraryId === b.libraryId) ||
		closeWordings(a.wordingKey, b.wordingKey)
	);
}
