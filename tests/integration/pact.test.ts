import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { migrate, migrations } from '$lib/server/db/migrate';
import { exportGroup } from '$lib/server/exports/group-json';
import { importGroup, parseGroupExport } from '$lib/server/exports/group-import';
import { getFramework } from '$lib/server/framework';
import type { Db } from '$lib/server/db/connection';
import { addMember, createGroup } from '$lib/server/db/groups';
import { findSession } from '$lib/server/db/sessions';
import { addGroundRule, listGroundRules, removeGroundRule } from '$lib/server/db/ground-rules';
import { roomSummary } from '$lib/server/sessions/releases';
import { groupProfile, listClauses, listMeasures, listParties } from '$lib/server/db/pact';
import { listSignatures, listVersions } from '$lib/server/db/pact-versions';
import { loadPactLibraries } from '$lib/server/pact-library';
import { versionDiff } from '$lib/server/pact/versions';
import type { User } from '$lib/server/db/users';
import { actions as sessionsActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/+page.server';
import { actions as controlActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/+page.server';
import {
	actions as roundActions,
	load as roundLoad
} from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/pact/+page.server';
import { actions as pactActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/pact/+page.server';
import { actions as versionActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/pact/versions/+page.server';
import { load as publicLoad } from '../../src/routes/(site)/pact/[slug]/+page.server';
import { load as projectorLoad } from '../../src/routes/present/[sessionId=id]/+page.server';
import { actions as phoneActions, load as phoneLoad } from '../../src/routes/j/[code=joincode]/+page.server';
import fr from '../../messages/fr.json';
import { callAction, makeUser, TestCookies, useLocale, useTempDatabase, type Outcome } from './helpers';

let db: Db;
let cleanup: () => void;
let owner: User;
let viewer: User;
let groupId: number;

beforeEach(() => {
	useLocale('fr');
	({ db, cleanup } = useTempDatabase());
	owner = makeUser('Owner');
	viewer = makeUser('Viewer');
	groupId = createGroup(owner.id, { name: 'Conseil alimentaire', description: '', anonymityThreshold: 5 });
	addMember(groupId, viewer.id, 'viewer');
});
afterEach(() => cleanup());

const text = (key: keyof typeof fr) => fr[key];
const params = () => ({ groupId: String(groupId) });
const pact = (name: keyof typeof pactActions, form: Record<string, string> = {}, user: User = owner) =>
	callAction(pactActions[name], { path: `/groups/${groupId}/pact?/${name}`, params: params(), user, form });
const failure = (outcome: Outcome, status: number) => {
	expect(outcome).toMatchObject({ type: 'failure', status });
	return (outcome as Extract<Outcome, { type: 'failure' }>).data;
};
const clauseId = (needle: string) => String(listClauses(groupId).find((c) => c.text.includes(needle))!.id);

describe('the library of clauses in content/', () => {
	it('loads in every language, each clause credited or the project’s own', () => {
		const libraries = loadPactLibraries();
		expect([...libraries.keys()].sort()).toEqual(['en', 'fr']);
		const fr = libraries.get('fr')!;
		expect(fr.map((p) => p.part)).toEqual(['perimeter', 'vision', 'rules', 'commitments']);
		expect(fr.flatMap((p) => p.clauses).some((c) => c.credit.includes('Une charte pour coopérer'))).toBe(true);
		expect(fr.flatMap((p) => p.clauses).some((c) => c.credit === '')).toBe(true);
	});
});

describe('editing the draft', () => {
	it('sets the profile and parties, picks, adds, edits, moves and removes clauses', async () => {
		expect(
			await pact('profile', { spaceKind: 'conseil-alimentaire', territory: 'Le PAT du Pays de Redon' })
		).toMatchObject({ type: 'success' });
		expect(groupProfile(groupId)).toMatchObject({
			spaceKind: 'conseil-alimentaire',
			territory: 'Le PAT du Pays de Redon'
		});
		await pact('addParty', { name: 'Ville de Redon', kind: 'collectivite' });
		await pact('addParty', { name: 'Les Jardins partagés', kind: 'association' });
		expect(listParties(groupId).map((p) => p.name)).toEqual(['Ville de Redon', 'Les Jardins partagés']);

		await pact('pick', { libraryId: 'decision-consentement' });
		await pact('pick', { libraryId: 'droit-desaccord' });
		const clauses = listClauses(groupId);
		expect(clauses.map((c) => [c.part, c.libraryId, c.state])).toEqual([
			['rules', 'decision-consentement', 'draft'],
			['rules', 'droit-desaccord', 'draft']
		]);
		expect(clauses[1]!.credit).toMatch(/Une charte pour coopérer/);

		const party = String(listParties(groupId)[0]!.id);
		await pact('add', { part: 'commitments', text: 'La ville prête la salle du conseil.', partyId: party });
		const own = listClauses(groupId).find((c) => c.part === 'commitments')!;
		expect(own).toMatchObject({ credit: '', libraryId: null, partyId: Number(party) });
		await pact('addMeasure', { clauseId: String(own.id), text: 'Salle réservée pour les quatre séances' });
		expect(listMeasures(groupId).map((m) => m.status)).toEqual(['open']);

		await pact('move', { clauseId: clauseId('droit au désaccord'), direction: 'up' });
		expect(listClauses(groupId)[0]!.libraryId).toBe('droit-desaccord');
		await pact('edit', {
			clauseId: clauseId('consentement'),
			text: 'Nous décidons par consentement, sauf urgence.',
			partyId: ''
		});
		expect(listClauses(groupId)[1]!.text).toBe('Nous décidons par consentement, sauf urgence.');
		await pact('remove', { clauseId: clauseId('sauf urgence') });
		expect(listClauses(groupId)).toHaveLength(2);
	});

	it('refuses bad input and changes nothing', async () => {
		const before = listClauses(groupId);
		expect(failure(await pact('add', { part: 'rules', text: '  ' }), 400).message).toBe(
			text('pact_error_clause_required')
		);
		expect(failure(await pact('add', { part: 'préambule', text: 'Une clause' }), 400).message).toBe(
			text('error_invalid_form')
		);
		expect(failure(await pact('add', { part: 'rules', text: 'x'.repeat(801) }), 400).message).toBe(
			text('pact_error_clause_too_long')
		);
		expect(failure(await pact('pick', { libraryId: 'no-such-clause' }), 404).message).toBe(text('pact_error_missing'));
		expect(failure(await pact('addParty', { name: 'Ville', kind: 'royaume' }), 400).message).toBe(
			text('error_invalid_form')
		);
		expect(failure(await pact('add', { part: 'commitments', text: 'Une clause', partyId: '999' }), 404)).toBeTruthy();
		expect(failure(await pact('adopt', { adoptedOn: '2026-02-31' }), 400)).toBeTruthy();
		expect(failure(await pact('adopt', { adoptedOn: '2026-02-01' }), 409).message).toBe(text('pact_error_empty'));
		expect(listClauses(groupId)).toEqual(before);
		expect(listParties(groupId)).toEqual([]);
	});

	it('lets a viewer read but not edit, and hides another group’s clauses', async () => {
		await pact('pick', { libraryId: 'parole-egale' });
		const outcome = await pact('pick', { libraryId: 'ordre-du-jour' }, viewer);
		expect(outcome).toMatchObject({ type: 'error', status: 403 });
		const other = createGroup(owner.id, { name: 'Autre', description: '', anonymityThreshold: 3 });
		const theirs = callAction(pactActions.remove, {
			path: `/groups/${other}/pact?/remove`,
			params: { groupId: String(other) },
			user: owner,
			form: { clauseId: clauseId('même valeur') }
		});
		expect(failure(await theirs, 404).message).toBe(text('pact_error_missing'));
		expect(listClauses(groupId)).toHaveLength(1);
	});
});

describe('consent in the room, versions, signatures and the public page', () => {
	let sessionId: number;
	let code: string;
	const sessionParams = () => ({ groupId: String(groupId), sessionId: String(sessionId) });
	const control = (name: keyof typeof controlActions) =>
		callAction(controlActions[name], {
			path: `/groups/${groupId}/sessions/${sessionId}?/${name}`,
			params: sessionParams(),
			user: owner
		});
	const round = (name: keyof typeof roundActions, form: Record<string, string> = {}, user: User = owner) =>
		callAction(roundActions[name], {
			path: `/groups/${groupId}/sessions/${sessionId}/pact?/${name}`,
			params: sessionParams(),
			user,
			form
		});
	const phone = (cookies: TestCookies, form: Record<string, string>) =>
		callAction(phoneActions.clauseConsent, { path: `/j/${code}?/clauseConsent`, params: { code }, cookies, form });
	const load = async (fn: unknown, path: string, p: Record<string, string>, cookies?: TestCookies) =>
		(
			(await callAction(fn as never, { path, params: p, user: owner, cookies })) as unknown as {
				data: Record<string, unknown>;
			}
		).data;

	async function startSession(title: string, phones: number) {
		const created = await callAction(sessionsActions.create, {
			path: `/groups/${groupId}/sessions?/create`,
			params: params(),
			user: owner,
			form: { title, heldOn: '2026-03-21', settleDays: '7' }
		});
		sessionId = Number((created as { location: string }).location.split('/').pop());
		await control('open');
		code = findSession(sessionId)!.joinCode!;
		const cookies = Array.from({ length: phones }, () => new TestCookies());
		for (const c of cookies) {
			await callAction(phoneActions.join, { path: `/j/${code}?/join`, params: { code }, cookies: c });
		}
		while (findSession(sessionId)!.stagePosition < 3) await control('next');
		await control('openActivity');
		return cookies;
	}

	it('runs a clause by the phones, releases its tally from k up, and adopts, signs and publishes versions', async () => {
		await pact('addParty', { name: 'Ville de Redon', kind: 'collectivite' });
		await pact('addParty', { name: 'Les Jardins partagés', kind: 'association' });
		await pact('pick', { libraryId: 'decision-consentement' });
		await pact('pick', { libraryId: 'vote-dernier-recours' });
		const phones = await startSession('Bilan du printemps', 6);
		const consentId = clauseId('consentement');
		const voteId = clauseId('dernier recours');

		// Nothing to answer until a clause is put to the room; one clause at a time.
		expect(await phone(phones[0]!, { clauseId: consentId, choice: 'consent' })).toMatchObject({ status: 409 });
		expect(await round('put', { clauseId: consentId })).toMatchObject({ type: 'redirect', status: 303 });
		expect(failure(await round('put', { clauseId: voteId }), 409).message).toBe(text('pact_error_busy'));
		expect(await round('put', { clauseId: consentId }, viewer)).toMatchObject({ type: 'error', status: 403 });

		const choices = ['consent', 'consent', 'reservation', 'consent', 'object'];
		for (const [i, choice] of choices.entries()) {
			const reason = choice === 'object' ? 'Et les urgences ?' : 'ignored';
			expect(await phone(phones[i]!, { clauseId: consentId, choice, reason })).toMatchObject({ type: 'success' });
		}
		expect(failure(await phone(phones[5]!, { clauseId: consentId, choice: 'veto' }), 400)).toBeTruthy();
		expect(await phone(phones[5]!, { clauseId: voteId, choice: 'consent' })).toMatchObject({ status: 409 });

		// While the clause is open: the phone sees its own choice, the projector only how many chose.
		const own = await load(phoneLoad, `/j/${code}`, { code }, phones[4]);
		expect((own.activity as { pact: unknown }).pact).toMatchObject({ choice: 'object', reason: 'Et les urgences ?' });
		const projector = await load(projectorLoad, `/present/${sessionId}`, { sessionId: String(sessionId) });
		expect(projector.pact).toMatchObject({ open: { count: 5 }, closed: [] });
		expect(JSON.stringify(projector.pact)).not.toContain('urgences');

		await round('close');
		expect(db.prepare('SELECT COUNT(*) FROM pact_consents').pluck().get()).toBe(0);
		const closed = listClauses(groupId).find((c) => String(c.id) === consentId)!;
		expect(closed.state).toBe('objected');
		expect(closed.tally).toEqual({
			n: 5,
			tally: { consent: 3, reservation: 1, object: 1 },
			reasons: ['Et les urgences ?']
		});
		const shown = await load(projectorLoad, `/present/${sessionId}`, { sessionId: String(sessionId) });
		expect(shown.pact).toMatchObject({ closed: [{ n: 5, tally: { consent: 3, reservation: 1, object: 1 } }] });
		expect(JSON.stringify(shown.pact)).not.toContain('urgences');
		expect(failure(await round('put', { clauseId: consentId }), 409).message).toBe(text('pact_error_decided'));

		// Below the group's threshold (5) nothing is released and the clause stays to be decided.
		await round('put', { clauseId: voteId });
		for (const c of phones.slice(0, 4)) await phone(c, { clauseId: voteId, choice: 'consent' });
		await round('close');
		expect(listClauses(groupId).find((c) => String(c.id) === voteId)).toMatchObject({ state: 'draft', tally: null });
		const facilitator = await load(roundLoad, `/x`, { groupId: String(groupId), sessionId: String(sessionId) });
		expect((facilitator.pact as { rounds: unknown[] }).rounds[1]).toMatchObject({ summary: { n: 4, tally: null } });

		// The objection is kept as a recorded disagreement; the other clause is consented again.
		expect(failure(await pact('adopt', { adoptedOn: '2026-03-21' }), 409).message).toBe(text('pact_error_undecided'));
		await pact('disagreement', { clauseId: consentId, note: 'Une partie préfère voter en cas d’urgence.' });
		await round('put', { clauseId: voteId });
		for (const c of phones) await phone(c, { clauseId: voteId, choice: 'consent' });
		await round('close');
		expect(await pact('adopt', { adoptedOn: '2026-03-21' })).toMatchObject({ type: 'success' });
		expect(failure(await pact('adopt', { adoptedOn: '2026-03-22' }), 409).message).toBe(text('pact_error_unchanged'));
		const [v1] = listVersions(groupId);
		expect(v1).toMatchObject({ number: 1, adoptedOn: '2026-03-21' });
		expect(v1!.content.clauses.map((c) => c.state)).toEqual(['disagreement', 'consented']);

		// Signatures for two parties.
		const [ville, jardins] = listParties(groupId);
		for (const [party, name] of [
			[ville!, 'Anne Martin'],
			[jardins!, 'Karim Benali']
		] as const) {
			const signed = await callAction(versionActions.sign, {
				path: `/groups/${groupId}/pact/versions?/sign`,
				params: params(),
				user: owner,
				form: { version: '1', partyId: String(party.id), name, role: 'Présidente', signedOn: '2026-03-28' }
			});
			expect(signed).toMatchObject({ type: 'success' });
		}
		expect(listSignatures(groupId).map((s) => s.name)).toEqual(['Anne Martin', 'Karim Benali']);
		const badSign = await callAction(versionActions.sign, {
			path: `/groups/${groupId}/pact/versions?/sign`,
			params: params(),
			user: owner,
			form: { version: '7', partyId: String(ville!.id), name: 'X', role: '', signedOn: '2026-03-28' }
		});
		expect(failure(badSign, 404).message).toBe(text('pact_error_missing'));

		// The public page is off by default, then shows the current version without reasons.
		await expect(
			callAction(publicLoad as never, { path: '/pact/x', params: { slug: 'abcdefghijklmnopqrst' } })
		).resolves.toMatchObject({ type: 'error', status: 404 });
		await pact('publish', { on: 'on' });
		const slug = groupProfile(groupId).publicSlug!;
		const publicPage = await load(publicLoad, `/pact/${slug}`, { slug });
		expect(publicPage.pact).toMatchObject({ version: { number: 1 } });
		expect(JSON.stringify(publicPage.pact)).not.toContain('urgences');
		expect(JSON.stringify(publicPage.pact)).toContain('Anne Martin');

		// A later session changes one clause; version 2 shows on the public page; the diff names it.
		await control('close');
		await pact('edit', {
			clauseId: voteId,
			text: 'Le vote reste un dernier recours, à la majorité des deux tiers.',
			partyId: ''
		});
		const later = await startSession('Bilan de l’été', 5);
		const view = await load(roundLoad, `/x`, { groupId: String(groupId), sessionId: String(sessionId) });
		expect((view.pact as { changes: { changes: { kind: string }[] } }).changes.changes).toEqual([
			expect.objectContaining({ kind: 'changed' })
		]);
		await round('put', { clauseId: voteId });
		for (const c of later) await phone(c, { clauseId: voteId, choice: 'consent' });
		await round('close');
		await pact('adopt', { adoptedOn: '2026-06-20' });
		await pact('publish', { on: 'off' });
		await pact('publish', { on: 'on' });
		expect(groupProfile(groupId).publicSlug).toBe(slug);
		expect(
			((await load(publicLoad, `/pact/${slug}`, { slug })).pact as { version: { number: number } }).version.number
		).toBe(2);
		expect(versionDiff(groupId, 1, 2)).toEqual([
			{
				kind: 'changed',
				part: 'rules',
				before: expect.stringContaining('dernier recours'),
				after: 'Le vote reste un dernier recours, à la majorité des deux tiers.'
			}
		]);
	});

	it('releases a reworded clause again only for a room that changed by no one or by k people', async () => {
		await pact('pick', { libraryId: 'vote-dernier-recours' });
		const vote = clauseId('dernier recours');
		const phones = await startSession('Différences', 11);
		const voters = () => db.prepare('SELECT COUNT(*) FROM pact_round_voters').pluck().get();
		const reword = (suffix: string) =>
			pact('edit', { clauseId: vote, text: `Le vote, en dernier recours${suffix}.`, partyId: '' });
		const putTo = async (people: TestCookies[], objector?: TestCookies) => {
			await round('put', { clauseId: vote });
			for (const c of people) await phone(c, { clauseId: vote, choice: c === objector ? 'object' : 'consent' });
			await round('close');
			const rounds = (
				(await load(roundLoad, `/x`, sessionParams())).pact as {
					rounds: { summary: { n: number; tally: unknown; withheld?: string } }[];
				}
			).rounds;
			return rounds.at(-1)!.summary;
		};
		const six = phones.slice(0, 6);
		const objector = six[5]!;

		// Six people, one objects: released.
		expect(await putTo(six, objector)).toMatchObject({ n: 6, tally: { consent: 5, object: 1 } });
		expect(voters()).toBe(6);
		// Reworded, put again while the objector is out: five consents would say who objected.
		await reword(', sans exception');
		const without = await putTo(six.slice(0, 5));
		expect(without).toEqual({ n: 5, tally: null, reasons: [], withheld: 'overlap' });
		expect(listClauses(groupId).find((c) => String(c.id) === vote)).toMatchObject({ state: 'draft', tally: null });
		const projector = await load(projectorLoad, `/present/${sessionId}`, { sessionId: String(sessionId) });
		expect((projector.pact as { closed: unknown[] }).closed.at(-1)).toMatchObject({ tally: null, withheld: 'overlap' });
		// One more person than before is refused the same way; so is one in, one out.
		expect(await putTo([...six, phones[6]!])).toMatchObject({ tally: null, withheld: 'overlap' });
		expect(await putTo([...six.slice(1), phones[6]!])).toMatchObject({ tally: null, withheld: 'overlap' });
		// The same six again: released (they may have changed their minds; that says nothing of who).
		expect(await putTo(six)).toMatchObject({ n: 6, tally: { consent: 6, object: 0 } });
		// Reworded again: the same six plus five newcomers (k = 5) may be released.
		await reword(', à la majorité des deux tiers');
		expect(await putTo(phones)).toMatchObject({ n: 11, tally: { consent: 11 } });
		expect(voters()).toBe(6 + 6 + 11);
		// The same wording under a new clause (punctuation and capitals aside) is the same question.
		await pact('add', {
			part: 'rules',
			text: 'LE VOTE en dernier recours — à la majorité des deux tiers',
			partyId: ''
		});
		const copy = clauseId('LE VOTE');
		await round('put', { clauseId: copy });
		for (const c of phones.slice(0, 10)) await phone(c, { clauseId: copy, choice: 'consent' });
		await round('close');
		const rounds = ((await load(roundLoad, `/x`, sessionParams())).pact as { rounds: { summary: unknown }[] }).rounds;
		expect(rounds.at(-1)!.summary).toMatchObject({ n: 10, tally: null, withheld: 'overlap' });

		// Once the session closes, who chose in which round is forgotten.
		await control('close');
		expect(voters()).toBe(0);
	});

	it('withholds a ground rule’s tally that a clause of close words, released over another room, would give away', async () => {
		addGroundRule(groupId, 'On vote à main levée');
		addGroundRule(groupId, 'Les comptes sont publics');
		const [sameWords, other] = listGroundRules(groupId).map((rule) => rule.id) as [number, number];
		await pact('add', { part: 'rules', text: 'On vote, à main levée.', partyId: '' });
		const clause = clauseId('On vote');
		const phones = await startSession('Règles et clauses', 6);
		await round('put', { clauseId: clause });
		for (const c of phones) await phone(c, { clauseId: clause, choice: c === phones[5] ? 'object' : 'consent' });
		await round('close');
		// The sixth phone, who objected to the clause, does not choose on the rules.
		for (const c of phones.slice(0, 5)) {
			for (const ruleId of [sameWords, other]) {
				const sent = await callAction(phoneActions.consent, {
					path: `/j/${code}?/consent`,
					params: { code },
					cookies: c,
					form: { ruleId: String(ruleId), choice: 'consent' }
				});
				expect(sent).toMatchObject({ type: 'success' });
			}
		}
		await control('closeActivity');
		const rules = roomSummary(sessionId, listGroundRules(groupId)).rules;
		expect(rules.find((r) => r.id === sameWords)).toMatchObject({ n: 5, tally: null, withheld: 'overlap' });
		expect(rules.find((r) => r.id === other)).toMatchObject({ n: 5, tally: { consent: 5 }, withheld: null });
	});

	it('withholds a clause’s tally that a released ground rule of close words would give away, even once the rule is gone', async () => {
		addGroundRule(groupId, 'On vote à main levée');
		const [ruleId] = listGroundRules(groupId).map((rule) => rule.id) as [number];
		await pact('add', { part: 'rules', text: 'On vote, à main levée.', partyId: '' });
		const clause = clauseId('On vote,');
		const phones = await startSession('Clause après règle', 6);
		for (const c of phones) {
			const sent = await callAction(phoneActions.consent, {
				path: `/j/${code}?/consent`,
				params: { code },
				cookies: c,
				form: { ruleId: String(ruleId), choice: c === phones[5] ? 'object' : 'consent' }
			});
			expect(sent).toMatchObject({ type: 'success' });
		}
		await round('put', { clauseId: clause });
		for (const c of phones.slice(0, 5)) await phone(c, { clauseId: clause, choice: 'consent' });
		// The stage closes: the rule's tally goes out over six people; the clause's round is still open.
		await control('closeActivity');
		expect(roomSummary(sessionId, listGroundRules(groupId)).rules[0]).toMatchObject({ tally: { object: 1 } });
		// The rule removed, as if to leave nothing to compare with: who chose on it is still kept.
		removeGroundRule(groupId, ruleId);
		await round('close');
		const rounds = ((await load(roundLoad, `/x`, sessionParams())).pact as { rounds: { summary: unknown }[] }).rounds;
		expect(rounds.at(-1)!.summary).toEqual({ n: 5, tally: null, reasons: [], withheld: 'overlap' });
		const kept = () => db.prepare('SELECT COUNT(*) FROM released_rule_voters').pluck().get();
		expect(kept()).toBe(6);
		await control('close');
		expect(kept()).toBe(0);
	});

	it('moves the live session’s screens when the Pacte page changes the pact, and only then', async () => {
		await pact('pick', { libraryId: 'vote-dernier-recours' });
		const vote = clauseId('dernier recours');
		const version = () => findSession(sessionId)!.version;
		// No live session yet: a change moves nothing.
		await pact('edit', { clauseId: vote, text: 'Le vote, en dernier recours.', partyId: '' });
		await startSession('Bilan', 2);
		const before = version();
		await pact('edit', { clauseId: vote, text: 'Le vote, en tout dernier recours.', partyId: '' });
		expect(version()).toBe(before + 1);
		// A refusal, or a viewer's attempt, changes nothing and moves nothing.
		failure(await pact('edit', { clauseId: vote, text: '', partyId: '' }), 400);
		failure(await pact('edit', { clauseId: '999999', text: 'Autre', partyId: '' }), 404);
		expect((await pact('remove', { clauseId: vote }, viewer)).type).toBe('error');
		expect(version()).toBe(before + 1);
		// A settled session is no longer moved.
		await control('close');
		const settled = version();
		await pact('edit', { clauseId: vote, text: 'Le vote, en dernier recours seulement.', partyId: '' });
		expect(version()).toBe(settled);
	});
});

describe('the demo pact, exports and imports', () => {
	it('gives the demo group two versions, signatures and followed measures, carried whole by export and import', async () => {
		const demoId = createDemoGroup(owner.id, getFramework('fr'), demoLabels(), { sessions: 4, participants: 6 });
		const versions = listVersions(demoId);
		expect(versions.map((v) => v.number)).toEqual([1, 2]);
		expect(versionDiff(demoId, 1, 2)).toEqual([expect.objectContaining({ kind: 'changed', part: 'rules' })]);
		expect(listSignatures(demoId)).toHaveLength(5);
		expect(listMeasures(demoId).map((m) => m.status)).toEqual(['done', 'carried', 'dropped']);
		expect(versions[0]!.content.clauses.some((c) => c.disagreement !== '')).toBe(true);

		const exported = JSON.parse(JSON.stringify(exportGroup(demoId)));
		expect(JSON.stringify(exported.pact)).not.toContain('public_slug');
		const parsed = parseGroupExport(exported);
		if (!('data' in parsed)) throw new Error(parsed.problem);
		const copyId = importGroup(parsed.data, owner.id);
		const copy = listVersions(copyId);
		expect(copy.map((v) => [v.number, v.adoptedOn])).toEqual(versions.map((v) => [v.number, v.adoptedOn]));
		expect(copy[1]!.content.clauses.map((c) => c.text)).toEqual(versions[1]!.content.clauses.map((c) => c.text));
		expect(versionDiff(copyId, 1, 2)).toEqual(versionDiff(demoId, 1, 2));
		expect(listSignatures(copyId).map((s) => s.name)).toEqual(listSignatures(demoId).map((s) => s.name));
		expect(listMeasures(copyId).map((m) => [m.text, m.status, m.note])).toEqual(
			listMeasures(demoId).map((m) => [m.text, m.status, m.note])
		);
		expect(listParties(copyId).map((p) => p.name)).toEqual(listParties(demoId).map((p) => p.name));

		const tampered = structuredClone(exported);
		tampered.pact.clauses[0].state = 'adopted';
		expect(parseGroupExport(tampered)).toMatchObject({ problem: expect.stringContaining('pact.clauses.0.state') });
		delete exported.pact;
		expect(parseGroupExport(exported)).toHaveProperty('data');
	});
});

describe('the migration of ground rules into the pact', () => {
	it('brings each group’s ground rules into the draft’s rules of dialogue and of decision', () => {
		const raw = new Database(':memory:');
		migrate(
			raw,
			migrations.filter((m) => m.version < 9)
		);
		raw.prepare("INSERT INTO groups (id, name, created_at) VALUES (1, 'COP', 0)").run();
		raw
			.prepare(
				"INSERT INTO ground_rules (group_id, position, text) VALUES (1, 1, 'On parle en « je »'), (1, 2, 'On tient les délais')"
			)
			.run();
		migrate(raw);
		expect(raw.prepare('SELECT part, position, text, state FROM pact_clauses ORDER BY position').all()).toEqual([
			{ part: 'rules', position: 1, text: 'On parle en « je »', state: 'draft' },
			{ part: 'rules', position: 2, text: 'On tient les délais', state: 'draft' }
		]);
		expect(raw.prepare('SELECT COUNT(*) FROM ground_rules').pluck().get()).toBe(2);
		raw.close();
	});
});
