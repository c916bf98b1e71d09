// Plain JavaScript so that svelte.config.js (the markdown bodies) and the framework loader (the
// front matter) apply the same rules.

const nbsp = '\u00a0';
const narrow = '\u202f';
const units = 'min|minutes?|h|heures?|s|secondes?|jours?|mois|ans|semaines?|km|m|cm|Mo|Ko|Go|%|€';

/**
 * French typography for one piece of text: a non-breaking space before « : ; ? ! » and »,
 * after «, and between a number and its unit, so that no line starts with a lone sign.
 * A space the author typed becomes non-breaking; « ; ? ! » glued to a word get a narrow one.
 * @param {string} text
 * @returns {string}
 */
export function frenchTypography(text) {
	return text
		.replace(/[ \t]+([:;?!»])/g, `${nbsp}$1`)
		.replace(/«[ \t]+/g, `«${nbsp}`)
		.replace(/([\p{L}\p{N})\]’'"»…])([;?!])/gu, `$1${narrow}$2`)
		.replace(/«(?=[^\s\u00a0\u202f])/g, `«${nbsp}`)
		.replace(/([^\s\u00a0\u202f])»/g, `$1${nbsp}»`)
		.replace(new RegExp(`(\\d)[ \\t]+(${units})(?![\\p{L}\\p{N}])`, 'gu'), `$1${nbsp}$2`);
}

/**
 * Where French typography is still due in a text: each offending excerpt (a plain space or
 * none before « : ; ? ! », after « or before », or between a number and its unit).
 * @param {string} text
 * @returns {string[]}
 */
export function missingFrenchSpaces(text) {
	const patterns = [
		/\S{0,12}(?: [:;?!»]|« |[\p{L}\p{N}][;?!]|«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»)\S{0,12}/gu,
		/(?<![:/])[\p{L}][:](?=\s)\S{0,12}/gu,
		new RegExp(`\\d (?:${units})(?![\\p{L}\\p{N}])`, 'gu')
	];
	return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
}

/**
 * Applies frenchTypography to every string inside a value (front matter), leaving keys alone.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function frenchTypographyDeep(value) {
	if (typeof value === 'string') return /** @type {T} */ (frenchTypography(value));
	if (Array.isArray(value)) return /** @type {T} */ (value.map((item) => frenchTypographyDeep(item)));
	if (value && typeof value === 'object') {
		return /** @type {T} */ (
			Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frenchTypographyDeep(item)]))
		);
	}
	return value;
}

/**
 * A remark plugin for mdsvex: French typography in the text of the French content pages
 * (content/fr/...), never in code.
 * @returns {(tree: any, file: any) => void}
 */
export function remarkFrenchTypography() {
	/** @param {any} node */
	const walk = (node) => {
		if (node.type === 'text' && typeof node.value === 'string') node.value = frenchTypography(node.value);
		if (Array.isArray(node.children)) node.children.forEach(walk);
	};
	return (tree, file) => {
		const name = String(file?.filename ?? file?.path ?? file?.history?.[0] ?? '');
		if (/(^|[/\\])content[/\\]fr[/\\]/.test(name)) walk(tree);
	};
}
