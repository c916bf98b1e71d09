import { describe, expect, it } from 'vitest';
import {
	joinRefusal,
	maxJoinsPerAddress,
	maxParticipantsPerSession,
	noteJoin
} from '../../src/lib/server/sessions/join-throttle';

describe('the limits on joining a session', () => {
	it('closes a session at its largest size, whatever the address', () => {
		expect(joinRefusal(1, '10.0.0.1', maxParticipantsPerSession - 1)).toBeNull();
		expect(joinRefusal(1, '10.0.0.2', maxParticipantsPerSession)).toBe('full');
	});

	it('stops one address after its burst in one session only, for ten minutes', () => {
		const t0 = Date.UTC(2026, 0, 1);
		for (let i = 0; i < maxJoinsPerAddress; i++) noteJoin(7, '10.0.0.3', t0);
		expect(joinRefusal(7, '10.0.0.3', 0, t0 + 1000)).toBe('tooMany');
		expect(joinRefusal(8, '10.0.0.3', 0, t0 + 1000)).toBeNull();
		expect(joinRefusal(7, '10.0.0.4', 0, t0 + 1000)).toBeNull();
		expect(joinRefusal(7, '10.0.0.3', 0, t0 + 10 * 60 * 1000 + 1)).toBeNull();
	});
});
