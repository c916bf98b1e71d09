import { describe, expect, it } from 'vitest';
import { buildFrameworks, FrameworkError } from '$lib/framework/load';
import type { ContentFile } from '$lib/framework/types';

const locales = ['fr', 'en'] as const;
type Locale = (typeof locales)[number];

function frameworkMeta(locale: Locale) {
	return {
		title: `Framework ${locale}`,
		summary: 'A summary.',
		instrumentVersion: 1,
		levels: [
			{ id: 'je', label: 'Je', description: 'The person.' },
			{ id: 'nous', label: 'Nous', description: 'The collective.' },
			{ id: 'dans', label: 'Dans', description: 'The milieu.' }
		],
		scale: ['0', '1', '2', '3', '4'],
		cantSay: "Can't say"
	};
}

function pole(label: string) {
	return { label, prompts: { je: `${label} for me.`, nous: `${label} for us.`, dans: `${label} around us.` } };
}

function principleMeta(id: string, order: number) {
	return {
		id,
		order,
		title: `Principle ${id}`,
		summary: 'Two logics.',
		source: 'Seed guide',
		poleA: pole(`${id} A`),
		poleB: pole(`${id} B`)
	};
}

function stageMeta(id: string, order: number, activity: string, levels?: string[]) {
	return {
		id,
		order,
		title: `Stage ${id}`,
		activity,
		...(levels ? { levels } : {}),
		purpose: 'Why.',
		participantPrompt: 'Do this.',
		duration: 10,
		formats: { twoHours: 10, ninetyMinutes: activity === 'checkin' ? 0 : 5 },
		shortened: 'Shorter.'
	};
}

/** A good two-locale framework, its files deliberately out of order. */
function goodFiles(): ContentFile[] {
	return locales.flatMap((locale) => [
		{ path: `content/${locale}/framework.md`, metadata: frameworkMeta(locale) },
		{ path: `content/${locale}/principles/second.md`, metadata: principleMeta('second', 2) },
		{ path: `content/${locale}/principles/first.md`, metadata: principleMeta('first', 1) },
		{ path: `content/${locale}/stages/ask.md`, metadata: stageMeta('ask', 2, 'questionnaire', ['je', 'nous']) },
		{ path: `content/${locale}/stages/arrive.md`, metadata: stageMeta('arrive', 1, 'checkin') },
		{ path: `content/${locale}/help/scores.md`, metadata: { title: 'Not part of the framework' } }
	]);
}

/** The good files with one file's metadata changed (or the file removed when change returns undefined). */
function withFile(path: string, change: (metadata: Record<string, unknown>) => unknown): ContentFile[] {
	const files = goodFiles();
	const index = files.findIndex((file) => file.path === path);
	if (index === -1) throw new Error(`No fixture file ${path}`);
	const metadata = change(structuredClone(files[index]!.metadata) as Record<string, unknown>);
	if (metadata === undefined) files.splice(index, 1);
	else files[index] = { path, metadata };
	return files;
}

function errorOf(files: ContentFile[]): FrameworkError {
	try {
		buildFrameworks(files, locales);
	} catch (error) {
		expect(error).toBeInstanceOf(FrameworkError);
		return error as FrameworkError;
	}
	throw new Error('buildFrameworks accepted a broken framework');
}

function expectRefused(files: ContentFile[], file: string, field: string, detail?: string | RegExp) {
	const error = errorOf(files);
	expect(error.file).toBe(file);
	expect(error.field).toBe(field);
	expect(error.message).toContain(file);
	expect(error.message).toContain(field);
	if (typeof detail === 'string') expect(error.message).toContain(detail);
	else if (detail) expect(error.message).toMatch(detail);
}

describe('buildFrameworks with good content', () => {
	it('builds one framework per locale', () => {
		const frameworks = buildFrameworks(goodFiles(), locales);
		expect([...frameworks.keys()]).toEqual(['fr', 'en']);
		const fr = frameworks.get('fr')!;
		expect(fr.locale).toBe('fr');
		expect(fr.title).toBe('Framework fr');
		expect(frameworks.get('en')!.title).toBe('Framework en');
		expect(fr.levels.map((level) => level.id)).toEqual(['je', 'nous', 'dans']);
		expect(fr.scale).toHaveLength(5);
	});

	it('sorts principles and stages by their order, not by file', () => {
		const fr = buildFrameworks(goodFiles(), locales).get('fr')!;
		expect(fr.principles.map((principle) => principle.id)).toEqual(['first', 'second']);
		expect(fr.stages.map((stage) => stage.id)).toEqual(['arrive', 'ask']);
	});

	it('gives a stage without levels an empty list and keeps a questionnaire’s levels', () => {
		const fr = buildFrameworks(goodFiles(), locales).get('fr')!;
		expect(fr.stages[0]!.levels).toEqual([]);
		expect(fr.stages[1]!.levels).toEqual(['je', 'nous']);
	});

	it('trims text fields', () => {
		const files = withFile('content/fr/principles/first.md', (meta) => ({ ...meta, title: '  Spaced  ' }));
		const fr = buildFrameworks(files, locales).get('fr')!;
		expect(fr.principles[0]!.title).toBe('Spaced');
	});
});

describe('buildFrameworks refuses a broken file, naming the file and the field', () => {
	it('a principle without poleB', () => {
		const path = 'content/fr/principles/first.md';
		const files = withFile(path, (meta) => {
			delete meta.poleB;
			return meta;
		});
		expectRefused(files, path, 'poleB', 'missing');
	});

	it('a pole without its label', () => {
		const path = 'content/en/principles/second.md';
		const files = withFile(path, (meta) => {
			delete (meta.poleA as Record<string, unknown>).label;
			return meta;
		});
		expectRefused(files, path, 'poleA.label', 'missing');
	});

	it('a pole with an empty label', () => {
		const path = 'content/fr/principles/second.md';
		const files = withFile(path, (meta) => {
			(meta.poleA as Record<string, unknown>).label = '   ';
			return meta;
		});
		expectRefused(files, path, 'poleA.label');
	});

	it('a pole without the prompt of one level', () => {
		const path = 'content/fr/principles/first.md';
		const files = withFile(path, (meta) => {
			delete (meta.poleB as { prompts: Record<string, string> }).prompts.dans;
			return meta;
		});
		expectRefused(files, path, 'poleB.prompts.dans', 'missing');
	});

	it('a principle whose id is not a slug', () => {
		const path = 'content/fr/principles/first.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, id: 'First One' })),
			path,
			'id'
		);
	});

	it('a principle whose id is not its file name', () => {
		const path = 'content/fr/principles/first.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, id: 'premier' })),
			path,
			'id',
			'must match the file name'
		);
	});

	it('two stages with the same order', () => {
		const path = 'content/en/stages/arrive.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, order: 2 })),
			path,
			'order',
			'used twice'
		);
	});

	it('a principle without front matter', () => {
		const path = 'content/fr/principles/first.md';
		expectRefused(
			withFile(path, () => null),
			path,
			'id',
			'missing'
		);
	});

	it('a stage with an unknown activity', () => {
		const path = 'content/fr/stages/arrive.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, activity: 'dance' })),
			path,
			'activity',
			'dance'
		);
	});

	it('a questionnaire stage without levels', () => {
		const path = 'content/en/stages/ask.md';
		expectRefused(
			withFile(path, (meta) => {
				delete meta.levels;
				return meta;
			}),
			path,
			'levels',
			'missing'
		);
	});

	it('a stage asking a level the framework does not have', () => {
		const path = 'content/fr/stages/ask.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, levels: ['je', 'eux'] })),
			path,
			'levels',
			'unknown level "eux"'
		);
	});

	it('a stage with a duration of zero', () => {
		const path = 'content/fr/stages/arrive.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, duration: 0 })),
			path,
			'duration'
		);
	});

	it('a short format longer than the full one', () => {
		const path = 'content/fr/stages/arrive.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, formats: { twoHours: 12, ninetyMinutes: 5 } })),
			path,
			'formats.twoHours',
			'longer than the full duration (10)'
		);
	});

	it('a short format that skips a questionnaire', () => {
		const path = 'content/en/stages/ask.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, formats: { twoHours: 10, ninetyMinutes: 0 } })),
			path,
			'formats.ninetyMinutes',
			'a questionnaire stage cannot be skipped'
		);
	});

	it('timings that differ between languages', () => {
		const path = 'content/en/stages/arrive.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, duration: 15 })),
			'content/en/stages',
			'duration',
			'timings differ between languages'
		);
	});

	it('a missing framework.md', () => {
		const files = withFile('content/en/framework.md', () => undefined);
		expectRefused(files, 'content/en/framework.md', 'file', 'missing');
	});

	it('a scale of four labels instead of five', () => {
		const path = 'content/fr/framework.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, scale: ['0', '1', '2', '3'] })),
			path,
			'scale'
		);
	});

	it('a framework.md without levels', () => {
		const path = 'content/fr/framework.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, levels: [] })),
			path,
			'levels'
		);
	});

	it('a locale with no principle at all', () => {
		const files = goodFiles().filter((file) => !file.path.startsWith('content/en/principles/'));
		expectRefused(files, 'content/en/principles', 'files', 'no principle');
	});

	it('a locale whose folder is missing', () => {
		const files = goodFiles().filter((file) => !file.path.startsWith('content/en/'));
		expectRefused(files, 'content/en', 'folder', 'missing');
	});
});

describe('buildFrameworks refuses translations that differ', () => {
	it('a principle present in French but missing in English', () => {
		const files = withFile('content/en/principles/second.md', () => undefined);
		expectRefused(files, 'content/en/principles/second.md', 'file', 'missing translation');
	});

	it('a stage present in French but missing in English', () => {
		const files = withFile('content/en/stages/arrive.md', () => undefined);
		expectRefused(files, 'content/en/stages/arrive.md', 'file', 'missing translation');
	});

	it('an extra principle in English', () => {
		const files = [...goodFiles(), { path: 'content/en/principles/third.md', metadata: principleMeta('third', 3) }];
		expectRefused(files, 'content/en/principles/third.md', 'id', 'not in content/fr');
	});

	it('levels that differ between languages', () => {
		// English names its third level "within", with prompts for it, so only the level ids differ.
		const files = goodFiles().map((file) => {
			if (!file.path.startsWith('content/en/')) return file;
			const meta = structuredClone(file.metadata) as Record<string, unknown>;
			if (file.path.endsWith('framework.md')) {
				meta.levels = (meta.levels as { id: string }[]).map((level) =>
					level.id === 'dans' ? { ...level, id: 'within' } : level
				);
			}
			for (const pole of [meta.poleA, meta.poleB] as ({ prompts: Record<string, string> } | undefined)[]) {
				if (pole) pole.prompts.within = pole.prompts.dans!;
			}
			return { ...file, metadata: meta };
		});
		expectRefused(files, 'content/en/framework.md', 'levels', 'differ between languages');
	});

	it('an instrument version that differs between languages', () => {
		const path = 'content/en/framework.md';
		expectRefused(
			withFile(path, (meta) => ({ ...meta, instrumentVersion: 2 })),
			path,
			'instrumentVersion',
			'differs between languages'
		);
	});
});

describe('the framework shipped in content/', () => {
	const stages = [
		['disponible', 'checkin', [], 'Se rendre disponible', 'Becoming available'],
		['lien', 'connect', [], 'Se mettre en lien', 'Connecting'],
		['cadre', 'frame', [], 'Poser le cadre', 'Setting the frame'],
		['introspecter', 'questionnaire', ['je'], 'Introspecter', 'Introspecting'],
		['derouter', 'cards', [], 'Se dérouter', 'Stepping off the path'],
		['perception', 'questionnaire', ['nous', 'dans'], 'Changer de position de perception', 'Shifting viewpoint'],
		['maturite', 'reveal', [], 'Éprouver sa maturité coopérative', 'Testing our maturity'],
		['retour', 'feedback', [], 'Nourrir en retour', 'Feeding back'],
		['decanter', 'settle', [], 'Décanter', 'Letting it settle']
	] as const;

	// [id, pole A fr, pole A en, pole B fr, pole B en], from FRAMEWORK.md.
	// Instrument version 2's pole labels (English keeps the French parentheses); French typography
	// puts a non-breaking space inside « ».
	const principles = [
		['role-identite', 'Rôle', 'Role', 'Identité', 'Identity'],
		['place', 'La place que l’on prend', 'Taking one’s place', 'La place que l’on laisse', 'Leaving room'],
		['transformation', 'Transformation personnelle', 'Personal change', 'Transformation sociale', 'Social change'],
		[
			'je-nous',
			'Des «\u00a0je\u00a0» pleins et entiers',
			'Whole selves (the “I”)',
			'Un «\u00a0nous\u00a0» qui tient',
			'A “we” that holds'
		],
		['sachant-apprenant', 'Sachant', 'Knowing', 'Apprenant', 'Learning'],
		[
			'oeuvre-auteurs',
			'Réaliser l’œuvre commune',
			'The common work',
			'L’épanouissement des auteurs',
			'The authors’ growth'
		],
		[
			'projet-processus',
			'Le projet (ce que l’on fait)',
			'The project (what we do)',
			'Le processus (comment on coopère)',
			'The process (how we work together)'
		],
		['accord-desaccord', 'Converger', 'Agreeing', 'Vivre le désaccord', 'Living with disagreement'],
		['dedans-dehors', 'Souder le collectif', 'Binding the group', 'S’ouvrir aux tiers', 'Opening to others'],
		[
			'explicite-implicite',
			'Le visible (règles écrites)',
			'The explicit (written rules)',
			'L’implicite (non-dits, ambiances)',
			'The implicit (the unsaid, the mood)'
		],
		['guider-emerger', 'Guider', 'Leading', 'Laisser émerger', 'Letting things emerge'],
		['urgence-temps', 'L’urgence d’agir', 'The urgency to act', 'Le temps du changement', 'Time for change']
	] as const;

	// The first import compiles every content page through mdsvex: slow on a loaded machine.
	it('loads in French and English with the three levels, nine stages and twelve principles', async () => {
		const { loadFrameworks } = await import('$lib/server/framework');
		const frameworks = loadFrameworks();
		expect([...frameworks.keys()].sort()).toEqual(['en', 'fr']);
		const fr = frameworks.get('fr')!;
		const en = frameworks.get('en')!;

		expect(fr.levels.map((level) => [level.id, level.label])).toEqual([
			['je', 'Je'],
			['nous', 'Nous'],
			['dans', 'Dans']
		]);
		expect(en.levels.map((level) => [level.id, level.label])).toEqual([
			['je', 'I'],
			['nous', 'We'],
			['dans', 'Within']
		]);
		expect(fr.instrumentVersion).toBe(en.instrumentVersion);

		for (const [framework, title] of [
			[fr, 3],
			[en, 4]
		] as const) {
			expect(framework.stages.map((stage) => [stage.id, stage.activity, stage.levels, stage.title])).toEqual(
				stages.map((stage) => [stage[0], stage[1], stage[2], stage[title]])
			);
			expect(framework.stages.map((stage) => stage.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		}

		for (const [framework, a, b] of [
			[fr, 1, 3],
			[en, 2, 4]
		] as const) {
			expect(framework.principles.map((principle) => principle.id)).toEqual(principles.map((p) => p[0]));
			expect(framework.principles.map((principle) => principle.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
			expect(framework.principles.map((principle) => [principle.poleA.label, principle.poleB.label])).toEqual(
				principles.map((p) => [p[a], p[b]])
			);
			for (const principle of framework.principles) {
				for (const pole of [principle.poleA, principle.poleB]) {
					expect(Object.keys(pole.prompts).sort(), `${framework.locale} ${principle.id}`).toEqual([
						'dans',
						'je',
						'nous'
					]);
				}
			}
		}
	}, 60_000);
});
