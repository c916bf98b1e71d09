/** No figure is ever shown for fewer respondents than this, whatever a group sets. */
export const minimumThreshold = 3;

/** The threshold in force for a group: its own, never below the minimum. */
export function effectiveThreshold(groupThreshold: number): number {
	return Math.max(minimumThreshold, Math.floor(groupThreshold));
}

/** Whether a figure over n respondents may be shown under a group's threshold. */
export function isShown(n: number, groupThreshold: number): boolean {
	return n >= effectiveThreshold(groupThreshold);
}
