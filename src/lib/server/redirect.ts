/** A same-site path to go back to, or the home page: never another origin. */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return fallback;
	if (target.includes('\\')) return fallback;
	return target;
}
