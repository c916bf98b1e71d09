/** What a facilitator can do from the keyboard or a presenter's clicker. */
export type PresenterCommand = 'next' | 'previous' | 'activity' | 'reveal' | 'timer' | 'fullscreen';

/** The keys of each command, as listed on the control view; clickers send PageDown and PageUp. */
export const presenterKeys: Record<PresenterCommand, string[]> = {
	next: ['ArrowRight', 'PageDown'],
	previous: ['ArrowLeft', 'PageUp'],
	activity: ['o'],
	reveal: ['r'],
	timer: ['t'],
	fullscreen: ['f']
};

/** The command of a key press, or null (typing in a field or with a modifier is never a command). */
export function presenterCommand(event: {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	target?: EventTarget | null;
}): PresenterCommand | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	const target = event.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
	if (target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '')) return null;
	const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
	const found = Object.entries(presenterKeys).find(([, keys]) => keys.includes(key));
	return (found?.[0] as PresenterCommand | undefined) ?? null;
}

/**
 * The control view's form action a command runs, given the session's state; null when it does
 * nothing now (no activity to open at a reveal stage, nothing to reveal before the reveal stage).
 */
export function presenterAction(
	command: PresenterCommand,
	state: { phase: string; revealed: boolean; takesInput: boolean; canOpen: boolean; canReveal: boolean; timer: boolean }
): string | null {
	switch (command) {
		case 'next':
		case 'previous':
			return command;
		case 'activity':
			if (!state.takesInput) return null;
			if (state.phase === 'open') return 'closeActivity';
			return state.canOpen ? 'openActivity' : null;
		case 'reveal':
			if (state.revealed) return 'hide';
			return state.canReveal ? 'reveal' : null;
		case 'timer':
			return state.timer ? 'stopTimer' : 'timer';
		default:
			return null;
	}
}
