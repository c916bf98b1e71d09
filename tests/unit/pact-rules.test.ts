import { describe, expect, it } from 'vitest';
import { adoptionBlocker, canPutToRoom, diffClauses, stateAfterRound, summarizeRound } from '$lib/pact/pact';
import { closeWordings, editDistance, sameQuestion, wordingKey } from '$lib/pact/wording';
import { buildPactLibraries, PactLibraryError } from '$lib/pact/library';

const choices = (consent: number, reservation: number, object: number, reason = '') => [
	...Array.from({ length: consent }, () => ({ choice: 'consent' as const, reason: '' })),
	...Array.from({ length: reservation }, () => ({ choice: 'reservation' as const, reason: '' })),
	...Array.from({ length: object }, (_, i) => ({ choice: 'object' as const, reason: reason ? `${reason} ${i}` : '' }))
];

describe('a round of consent on a clause', () => {
	it('releases nothing but n below the group threshold, and never below 3', () => {
		expect(summarizeRound(choices(3, 0, 1, 'trop vague'), 5)).toEqual({ n: 4, tally: null, reasons: [] });
		expect(summarizeRound(choices(2, 0, 0), 1)).toEqual({ n: 2, tally: null, reasons: [] });
	});

	it('releases counts and shuffled reasons from the threshold up', () => {
		const summary = summarizeRound(choices(3, 1, 2, 'raison'), 5, () => 0);
		expect(summary.tally).toEqual({ consent: 3, reservation: 1, object: 2 });
		expect([...summary.reasons].sort()).toEqual(['raison 0', 'raison 1']);
		expect(summary.reasons).not.toEqual(['raison 0', 'raison 1']);
	});

	it('makes a clause objected as soon as one person objects, consented otherwise', () => {
		expect(stateAfterRound(summarizeRound(choices(4, 0, 1), 5))).toBe('objected');
		expect(stateAfterRound(summarizeRound(choices(3, 2, 0), 5))).toBe('consented');
		expect(stateAfterRound(summarizeRound(choices(2, 0, 0), 5))).toBeNull();
	});

	it('puts only an undecided wording to the room', () => {
		expect(canPutToRoom('draft')).toBe(true);
		for (const state of ['consented', 'objected', 'disagreement'] as const) expect(canPutToRoom(state)).toBe(false);
	});
});

describe('the same question put twice', () => {
	const question = (clauseId: number, text: string, libraryId: string | null = null) => ({
		clauseId,
		libraryId,
		wordingKey: wordingKey(text)
	});

	it('keeps the words of a wording, without case, accents or punctuation', () => {
		expect(wordingKey('  On vote, à MAIN levée ! L’œuvre… ')).toBe('on vote a main levee l œuvre');
	});

	it('counts edits letter by letter, or word by word', () => {
		expect(editDistance(['on', 'vote'], ['on', 'ne', 'vote', 'pas'])).toBe(2);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('vote', 'vote')).toBe(0);
	});

	it('is the same clause, the same clause of the library, or close wordings', () => {
		const vote = question(1, 'On vote à mains levées.');
		expect(sameQuestion(vote, question(1, 'Tout autre chose'))).toBe(true);
		expect(sameQuestion(question(2, 'A', 'vote'), question(3, 'B', 'vote'))).toBe(true);
		// Case, accents and punctuation aside; a letter or a word changed; a sentence added.
		expect(sameQuestion(vote, question(4, 'ON VOTE A MAINS LEVEES'))).toBe(true);
		expect(sameQuestion(vote, question(5, 'On vote à main levée.'))).toBe(true);
		expect(sameQuestion(vote, question(6, 'On vote toujours à mains levées.'))).toBe(true);
		expect(
			sameQuestion(vote, question(7, 'Par ailleurs le café est offert. On vote à mains levées, sauf avis contraire.'))
		).toBe(true);
		// A word or two added, even one that turns it round: the same question, to be safe.
		expect(sameQuestion(vote, question(9, 'On ne vote pas à mains levées.'))).toBe(true);
		// Another question.
		expect(sameQuestion(vote, question(8, 'Chaque partie nomme un·e référent·e pour le suivi.'))).toBe(false);
		// A ground rule has no clause: only its words tell.
		const rule = { clauseId: null, libraryId: null, wordingKey: wordingKey('On vote à main levée') };
		expect(sameQuestion(rule, { ...rule, wordingKey: wordingKey('Les comptes sont publics') })).toBe(false);
		expect(sameQuestion(rule, vote)).toBe(true);
		expect(closeWordings(wordingKey('On se réunit chaque trimestre'), wordingKey('Les comptes sont publics'))).toBe(
			false
		);
	});
});

describe('adoption', () => {
	it('needs every clause consented or its disagreement recorded', () => {
		expect(adoptionBlocker([])).toBe('empty');
		expect(adoptionBlocker([{ state: 'consented' }, { state: 'objected' }])).toBe('undecided');
		expect(adoptionBlocker([{ state: 'consented' }, { state: 'draft' }])).toBe('undecided');
		expect(adoptionBlocker([{ state: 'consented' }, { state: 'disagreement' }])).toBeNull();
	});
});

describe('the diff between versions', () => {
	const clause = (id: number, text: string, part = 'rules' as const, disagreement = '') => ({
		id,
		part,
		text,
		disagreement
	});
	it('tells added, removed, reworded clauses and recorded disagreements apart, by part', () => {
		const before = [
			clause(1, 'On décide par consentement'),
			clause(2, 'Trois ans', 'perimeter' as never),
			clause(3, 'A')
		];
		const after = [
			clause(1, 'On décide par consentement, sauf urgence'),
			clause(3, 'A', 'rules', 'La mairie préfère un vote'),
			clause(4, 'Une salle est prêtée', 'commitments' as never)
		];
		expect(diffClauses(before, after)).toEqual([
			{ kind: 'removed', part: 'perimeter', before: 'Trois ans' },
			{
				kind: 'changed',
				part: 'rules',
				before: 'On décide par consentement',
				after: 'On décide par consentement, sauf urgence'
			},
			{ kind: 'disagreement', part: 'rules', before: '', after: 'La mairie préfère un vote' },
			{ kind: 'added', part: 'commitments', after: 'Une salle est prêtée' }
		]);
		expect(diffClauses(after, after)).toEqual([]);
	});
});

describe('the library of clauses', () => {
	const part = (name: string, clauses: unknown[]) => ({ part: name, title: 'Titre', intro: 'Intro', clauses });
	const files = (locale: string, extra: Record<string, unknown> = {}) =>
		['perimeter', 'vision', 'rules', 'commitments'].map((name) => ({
			path: `content/${locale}/pact/${name}.md`,
			metadata: part(name, [
				{ id: `${name}-a`, text: 'Une clause assez longue.', own: true },
				{ id: `${name}-b`, text: 'Une autre clause assez longue.', source: 'Assises 2020', ...extra }
			])
		}));

	it('loads each part with its credits', () => {
		const library = buildPactLibraries(files('fr'), ['fr']).get('fr')!;
		expect(library.map((p) => p.part)).toEqual(['perimeter', 'vision', 'rules', 'commitments']);
		expect(library[0]!.clauses).toEqual([
			{ id: 'perimeter-a', text: 'Une clause assez longue.', credit: '' },
			{ id: 'perimeter-b', text: 'Une autre clause assez longue.', credit: 'Assises 2020' }
		]);
	});

	it('refuses a clause neither credited nor marked as the project’s own, or both', () => {
		expect(() => buildPactLibraries(files('fr', { source: undefined }), ['fr'])).toThrow(PactLibraryError);
		expect(() => buildPactLibraries(files('fr', { own: true }), ['fr'])).toThrow(/either a source or own/);
	});

	it('refuses a missing part and clause ids that differ between languages', () => {
		expect(() => buildPactLibraries(files('fr').slice(1), ['fr'])).toThrow(/perimeter\.md: file: missing/);
		const en = files('en');
		(en[0]!.metadata as { clauses: { id: string }[] }).clauses[0]!.id = 'other';
		expect(() => buildPactLibraries([...files('fr'), ...en], ['fr', 'en'])).toThrow(/content\/en\/pact/);
	});
});
