import { describe, expect, it } from 'vitest';
import { levelColor, levelMarks } from '$lib/components/charts/level-colors';
import { wrap } from '$lib/components/charts/radar';
import { planClock } from '$lib/session/plan-clock';
import { presenterAction, presenterCommand } from '$lib/session/presenter-keys';

describe('radar labels', () => {
	it('never split a « quotation » across lines', () => {
		// At 17 characters the words alone gave "Le « je » et le «" / "nous »".
		for (let width = 8; width <= 24; width++) {
			const lines = wrap('Le « je » et le « nous »', width);
			for (const line of lines) expect((line.match(/«/g) ?? []).length, line).toBe((line.match(/»/g) ?? []).length);
			expect(lines.join(' ').replace(/\u00a0/g, ' ')).toBe('Le « je » et le « nous »');
		}
	});

	it('still wrap long labels by words', () => {
		const lines = wrap('Coopérer par-delà les différences de statut et de pouvoir', 18);
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(18);
	});
});

describe('level marks', () => {
	it('give each level its own dash and marker, so grey prints keep them apart', () => {
		const marks = ['je', 'nous', 'dans'].map((level, index) => levelMarks(levelColor(level, index)));
		expect(new Set(marks.map((mark) => mark.point)).size).toBe(3);
		expect(new Set(marks.map((mark) => mark.dash.join(','))).size).toBe(3);
	});
});

describe('presenter keys', () => {
	const key = (k: string, extra: object = {}) => presenterCommand({ key: k, ...extra });

	it('map a clicker and the arrows to the next and previous stage', () => {
		expect(key('PageDown')).toBe('next');
		expect(key('ArrowRight')).toBe('next');
		expect(key('PageUp')).toBe('previous');
		expect(key('ArrowLeft')).toBe('previous');
		expect(key('F')).toBe('fullscreen');
		expect(key('o')).toBe('activity');
	});

	it('leave typing and browser shortcuts alone', () => {
		expect(key('r', { ctrlKey: true })).toBeNull();
		expect(key('ArrowRight', { target: { tagName: 'INPUT' } })).toBeNull();
		expect(key('t', { target: { tagName: 'TEXTAREA' } })).toBeNull();
		expect(key('x')).toBeNull();
	});

	it('run the action the state allows, and none it forbids', () => {
		const state = {
			phase: 'waiting',
			revealed: false,
			takesInput: true,
			canOpen: true,
			canReveal: false,
			timer: false
		};
		expect(presenterAction('activity', state)).toBe('openActivity');
		expect(presenterAction('activity', { ...state, phase: 'open' })).toBe('closeActivity');
		// A questionnaire whose results went out is not opened again.
		expect(presenterAction('activity', { ...state, canOpen: false })).toBeNull();
		expect(presenterAction('reveal', state)).toBeNull();
		expect(presenterAction('reveal', { ...state, canReveal: true })).toBe('reveal');
		expect(presenterAction('reveal', { ...state, revealed: true })).toBe('hide');
		expect(presenterAction('timer', { ...state, timer: true })).toBe('stopTimer');
	});
});

describe('the running clock', () => {
	const plan = [
		{ position: 1, skipped: false, planned: 10 },
		{ position: 2, skipped: false, planned: 10 },
		{ position: 3, skipped: true, planned: 15 },
		{ position: 4, skipped: false, planned: 20 }
	];
	const at = (minutes: number) => minutes * 60_000;

	it('plans only the stages that are not skipped', () => {
		const clock = planClock(plan, 1, { openedAt: 0, stageStartedAt: 0, now: 0 });
		expect(clock.sessionPlanned).toBe(40);
		expect(clock.stagePlanned).toBe(10);
	});

	it('counts a late start and an overrun as behind, spare time in a stage as neither', () => {
		expect(planClock(plan, 4, { openedAt: 0, stageStartedAt: at(20), now: at(25) }).drift).toBe(0);
		expect(planClock(plan, 4, { openedAt: 0, stageStartedAt: at(26), now: at(30) }).drift).toBe(6);
		expect(planClock(plan, 2, { openedAt: 0, stageStartedAt: at(10), now: at(25) }).drift).toBe(5);
		expect(planClock(plan, 2, { openedAt: 0, stageStartedAt: at(6), now: at(8) }).drift).toBe(-4);
	});
});
