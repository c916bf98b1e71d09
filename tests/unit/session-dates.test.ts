import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { commitment, sessionFields } from '$lib/server/validation/session';

const session = (heldOn: string) => v.safeParse(sessionFields, { title: 'Revue', heldOn, settleDays: '7' }).success;
const due = (dueOn: string) => v.safeParse(commitment, { text: 'Relire la charte', owner: '', dueOn }).success;

describe('dates typed into forms', () => {
	it('take days that exist, leap days included', () => {
		expect(session('2026-03-21')).toBe(true);
		expect(session('2028-02-29')).toBe(true);
		expect(due('2026-12-31')).toBe(true);
		expect(due('')).toBe(true);
	});

	it('refuse days that do not exist', () => {
		expect(session('2026-02-31')).toBe(false);
		expect(session('2027-02-29')).toBe(false);
		expect(due('2026-04-31')).toBe(false);
	});
});
