/**
 * A same-site path to go back to, or the fallback: never another origin. Browsers drop tabs and
 * line breaks from a URL and read `\` as `/`, so `/\t/host` would become `//host`: any control
 * character or backslash is refused, as is anything that does not stay on this origin.
 */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	const base = 'http://same.invalid';
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return fallback;
	}
	return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}
