import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { frenchTypography, missingFrenchSpaces } from '$lib/framework/french-typography.js';
import { loadFrameworks } from '$lib/server/framework';
import { loadPactLibraries } from '$lib/server/pact-library';

const root = join(import.meta.dirname, '../..');
const frameworks = loadFrameworks();
const fr = frameworks.get('fr')!;
const bodies = import.meta.glob<{ default: Component }>('/content/*/**/*.md', { eager: true });

// A phone screen of the questionnaire: the principle's title, its two pole labels and the two
// statements of one level (the twelve scale buttons are the same on every screen and are learnt
// on the first). 20 seconds a screen leaves about 15 for reading once the two taps are done; a
// hesitant reader reads about 150 words a minute on a phone, hence 38 words, and 14 words a
// statement keeps it to one idea.
const screenBound = 38;
const statementBound = 14;
const words = (text: string) => text.split(/[\s\u00a0\u202f]+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

function text(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;/g, '\u00a0')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

/** Sums the "(… N min)" marks of a guide's "how to run it" section. */
function guideMinutes(locale: string, stageId: string): number[] {
	const source = readFileSync(join(root, `content/${locale}/stages/${stageId}.md`), 'utf8');
	const heading = locale === 'fr' ? '### Comment l’animer' : '### How to run it';
	const start = source.indexOf(heading);
	if (start === -1) return [];
	const section = source.slice(start + heading.length).split(/\n### /)[0] ?? '';
	return [...section.matchAll(/\((?:[^()]*?[\s\u00a0])?(\d+)[\s\u00a0]min\)/g)].map((match) => Number(match[1]));
}

describe('French typography', () => {
	it('puts non-breaking spaces before : ; ? ! », after « and before units', () => {
		expect(frenchTypography('Bonjour : « oui » ? Non ! 20 min ; 5 %')).toBe(
			'Bonjour\u00a0: «\u00a0oui\u00a0»\u00a0? Non\u00a0! 20\u00a0min\u00a0; 5\u00a0%'
		);
		expect(frenchTypography('Et si…? «Non»')).toBe('Et si…\u202f? «\u00a0Non\u00a0»');
		expect(frenchTypography('https://instercoop.fr et 10:30')).toBe('https://instercoop.fr et 10:30');
	});

	it('finds what is missing, and nothing in a well set text', () => {
		expect(missingFrenchSpaces('Règle : « oui »')).not.toEqual([]);
		expect(missingFrenchSpaces('Règle: oui')).not.toEqual([]);
		expect(missingFrenchSpaces('Durée 20 min')).not.toEqual([]);
		expect(missingFrenchSpaces(frenchTypography('Règle : « oui » ? 20 min'))).toEqual([]);
	});

	it('is applied to the front matter of every French page', () => {
		const missing = [
			fr.title,
			fr.summary,
			fr.cantSay,
			...strings(fr.levels),
			...fr.scale,
			...fr.principles.flatMap(strings),
			...fr.stages.flatMap(strings)
		].flatMap(missingFrenchSpaces);
		expect(missing).toEqual([]);
	});

	it('is applied to the pact library of clauses', () => {
		const library = loadPactLibraries().get('fr')!;
		const missing = library
			.flatMap((part) => [part.title, part.intro, ...strings(part.clauses)])
			.flatMap(missingFrenchSpaces);
		expect(missing).toEqual([]);
	});

	it('is applied to the body of every French page of the framework', () => {
		const pages = Object.keys(bodies).filter((path) => path.startsWith('/content/fr/'));
		expect(pages.length).toBeGreaterThanOrEqual(23);
		let spaced = 0;
		for (const path of pages) {
			const { body } = render(bodies[path]!.default);
			// The pact library's files carry their clauses in front matter and a line of body.
			if (!path.includes('/pact/')) expect(body.length, path).toBeGreaterThan(200);
			expect(missingFrenchSpaces(text(body)), path).toEqual([]);
			spaced += text(body).match(/\u00a0[:;?!»]|«\u00a0/g)?.length ?? 0;
		}
		// The authors type plain spaces: these come from the load.
		expect(spaced).toBeGreaterThan(300);
	});
});

describe('the framework content', () => {
	it('is instrument version 2 in every language', () => {
		for (const framework of frameworks.values()) expect(framework.instrumentVersion).toBe(2);
	});

	it('gives every principle a source line that labels our own text', () => {
		for (const framework of frameworks.values()) {
			for (const principle of framework.principles) {
				expect(principle.source, `${framework.locale} ${principle.id}`).toMatch(/Entre-deux/);
				expect(principle.source, `${framework.locale} ${principle.id}`).toMatch(/InsTerCoop|Réseau Cohérence/);
			}
		}
		const urgency = fr.principles.find((principle) => principle.id === 'urgence-temps')!;
		expect(urgency.source).toMatch(/Assises/);
		expect(urgency.source).not.toMatch(/ADEFPAT/);
	});

	it('gives every pole a statement at every level, short enough for a phone screen', () => {
		for (const framework of frameworks.values()) {
			for (const principle of framework.principles) {
				for (const level of framework.levels) {
					const where = `${framework.locale} ${principle.id} ${level.id}`;
					const a = principle.poleA.prompts[level.id];
					const b = principle.poleB.prompts[level.id];
					expect(a, where).toBeTruthy();
					expect(b, where).toBeTruthy();
					expect(words(a!), where).toBeLessThanOrEqual(statementBound);
					expect(words(b!), where).toBeLessThanOrEqual(statementBound);
					const screen = [principle.title, principle.poleA.label, principle.poleB.label, a, b].join(' ');
					expect(words(screen), where).toBeLessThanOrEqual(screenBound);
				}
			}
		}
	});

	it('gives every guide timed steps that add up to its duration', () => {
		for (const framework of frameworks.values()) {
			for (const stage of framework.stages) {
				const minutes = guideMinutes(framework.locale, stage.id);
				expect(minutes.length, `${framework.locale} ${stage.id}`).toBeGreaterThanOrEqual(2);
				expect(
					minutes.reduce((sum, step) => sum + step, 0),
					`${framework.locale} ${stage.id}`
				).toBe(stage.duration);
			}
		}
	});
});
