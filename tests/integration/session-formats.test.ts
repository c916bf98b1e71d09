// A session prepared in a short format, and the state the projector follows (clock, theme, recall).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plannedTotal } from '$lib/framework/formats';
import { createGroup } from '$lib/server/db/groups';
import { findSession, type Session } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import {
	createDraftSession,
	moveStage,
	openSession,
	recallResults,
	sessionPlan,
	setProjectorTheme
} from '$lib/server/sessions/lifecycle';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
let groupId: number;
const framework = () => getFramework('fr');

beforeEach(() => {
	cleanup = useTempDatabase().cleanup;
	useLocale('fr');
	groupId = createGroup(makeUser().id, { name: 'COP locale', description: '', anonymityThreshold: 3 });
});

afterEach(() => cleanup());

const fields = { title: 'Revue', heldOn: '2026-03-21', settleDays: 7 };

describe('a session prepared in a format', () => {
	it('skips the stages its format skips, and keeps its format', () => {
		const id = createDraftSession(groupId, { ...fields, format: 'ninetyMinutes' }, framework());
		const skipped = sessionPlan(id, framework()).filter((stage) => stage.skipped);
		const expected = framework().stages.filter((stage) => stage.formats.ninetyMinutes === 0);
		expect(expected.length).toBeGreaterThan(0);
		expect(skipped.map((stage) => stage.stageId)).toEqual(expected.map((stage) => stage.id));
		expect(findSession(id)?.format).toBe('ninetyMinutes');
		expect(plannedTotal(framework().stages, 'ninetyMinutes')).toBeLessThanOrEqual(90);
	});

	it('runs every stage in the full format, the default', () => {
		const id = createDraftSession(groupId, fields, framework());
		expect(sessionPlan(id, framework()).some((stage) => stage.skipped)).toBe(false);
		expect(findSession(id)?.format).toBe('full');
	});
});

describe('what the projector follows', () => {
	it('restarts the stage clock at each move and puts recalled results away', () => {
		const id = createDraftSession(groupId, fields, framework());
		const current = () => findSession(id) as Session;
		const plan = sessionPlan(id, framework());
		openSession(current(), plan, framework().instrumentVersion);
		expect(current().openedAt).not.toBeNull();
		const started = current().stageStartedAt!;
		expect(started).toBeGreaterThan(0);
		// Nothing revealed yet: there is nothing to recall.
		expect(() => recallResults(current(), true)).toThrow();
		setProjectorTheme(current(), 'dark');
		expect(current().projectorTheme).toBe('dark');
		moveStage(current(), plan, 1);
		expect(current().stageStartedAt).toBeGreaterThanOrEqual(started);
		expect(current().resultsRecalled).toBe(false);
	});
});
