import { describe, expect, it } from 'vitest';
import { acceptsInput } from '$lib/session/acceptance';
import { generateJoinCode, isJoinCode, joinCodeAlphabet, normalizeJoinCode } from '$lib/session/join-code';
import { questionnaireItems, stepPosition, type PlanStage } from '$lib/session/plan';
import { canTransition } from '$lib/session/status';

describe('join codes', () => {
	it('are six characters without look-alikes', () => {
		for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(joinCodeAlphabet).not.toContain(lookAlike);
		for (let i = 0; i < 500; i++) {
			const code = generateJoinCode();
			expect(code).toHaveLength(6);
			expect(isJoinCode(code)).toBe(true);
		}
	});

	it('use every symbol of the alphabet', () => {
		const seen = new Set([...Array.from({ length: 400 }, () => generateJoinCode()).join('')]);
		expect(seen.size).toBe(joinCodeAlphabet.length);
	});

	it('are read back whatever the case and spacing', () => {
		expect(normalizeJoinCode(' ab2-c3d ')).toBe('AB2C3D');
		expect(isJoinCode('AB0C3D')).toBe(false);
		expect(isJoinCode('ABC')).toBe(false);
	});
});

describe('session status', () => {
	it('moves forward one step at a time: no jump from draft to closed', () => {
		expect(canTransition('draft', 'live')).toBe(true);
		expect(canTransition('live', 'settling')).toBe(true);
		expect(canTransition('settling', 'closed')).toBe(true);
		expect(canTransition('draft', 'closed')).toBe(false);
		expect(canTransition('draft', 'settling')).toBe(false);
		expect(canTransition('closed', 'live')).toBe(false);
		expect(canTransition('live', 'draft')).toBe(false);
	});
});

describe('accepting input', () => {
	it('takes input only for the current open activity of a live session', () => {
		const live = { status: 'live' as const, activity: 'questionnaire' as const, phase: 'open' as const, published: [] };
		expect(acceptsInput(live, 'questionnaire')).toBe(true);
		expect(acceptsInput({ ...live, phase: 'closed' }, 'questionnaire')).toBe(false);
		expect(acceptsInput({ ...live, phase: 'waiting' }, 'questionnaire')).toBe(false);
		expect(acceptsInput(live, 'cards')).toBe(false);
		expect(acceptsInput({ ...live, status: 'closed' }, 'questionnaire')).toBe(false);
		expect(acceptsInput({ ...live, status: 'draft' }, 'questionnaire')).toBe(false);
		// Once its figures went out, an activity takes nothing more, even open again.
		expect(acceptsInput({ ...live, published: ['questionnaire'] }, 'questionnaire')).toBe(false);
		expect(acceptsInput({ ...live, activity: 'checkin', published: ['questionnaire'] }, 'checkin')).toBe(true);
	});

	it('takes late reflections, and only them, while the session settles', () => {
		const settling = {
			status: 'settling' as const,
			activity: 'settle' as const,
			phase: 'closed' as const,
			published: []
		};
		expect(acceptsInput(settling, 'feedback')).toBe(true);
		expect(acceptsInput(settling, 'questionnaire')).toBe(false);
	});
});

describe('the plan', () => {
	const plan: PlanStage[] = [1, 2, 3, 4].map((position) => ({
		position,
		stageId: `s${position}`,
		activity: 'checkin',
		skipped: position === 3,
		levels: []
	}));

	it('steps over skipped stages and stops at the ends', () => {
		expect(stepPosition(plan, 2, 1)).toBe(4);
		expect(stepPosition(plan, 4, -1)).toBe(2);
		expect(stepPosition(plan, 4, 1)).toBeNull();
		expect(stepPosition(plan, 1, -1)).toBeNull();
		expect(stepPosition(plan, 0, 1)).toBe(1);
	});

	it('asks every principle at each level in turn', () => {
		expect(questionnaireItems(['nous', 'dans'], ['a', 'b'])).toEqual([
			{ level: 'nous', principleId: 'a' },
			{ level: 'nous', principleId: 'b' },
			{ level: 'dans', principleId: 'a' },
			{ level: 'dans', principleId: 'b' }
		]);
	});
});
