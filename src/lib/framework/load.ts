import * as v from 'valibot';
import { frameworkMeta, principleMeta, stageMeta } from './schema';
import { formatBudgets, plannedTotal } from './formats';
import { frenchTypographyDeep } from './french-typography.js';
import type { ContentFile, Framework, Principle, ShortFormat, Stage } from './types';

/** A content problem, naming the file and the field so that whoever edits content can fix it. */
export class FrameworkError extends Error {
	constructor(
		readonly file: string,
		readonly field: string,
		detail: string
	) {
		super(`${file}: ${field}: ${detail}`);
		this.name = 'FrameworkError';
	}
}

const pathPattern = /content\/([a-z]{2})\/(?:(framework)|(principles|stages)\/([^/]+))\.md$/;

// French pages get their non-breaking spaces when they load, whatever the author typed.
function parse<S extends v.GenericSchema>(schema: S, file: ContentFile): v.InferOutput<S> {
	const metadata = file.path.startsWith('content/fr/') ? frenchTypographyDeep(file.metadata) : file.metadata;
	const result = v.safeParse(schema, metadata ?? {});
	if (result.success) return result.output;
	return fail(file, result.issues);
}

function fail(file: ContentFile, issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): never {
	const issue = issues[0];
	const field = v.getDotPath(issue) ?? '(front matter)';
	const detail = issue.input === undefined ? 'missing' : issue.message;
	throw new FrameworkError(file.path, field, detail);
}

interface LocaleFiles {
	meta?: ContentFile;
	principles: ContentFile[];
	stages: ContentFile[];
}

function groupByLocale(files: ContentFile[]): Map<string, LocaleFiles> {
	const byLocale = new Map<string, LocaleFiles>();
	for (const file of files) {
		const match = pathPattern.exec(file.path);
		if (!match) continue;
		const [, locale, isMeta, kind] = match as unknown as [string, string, string?, string?];
		const entry = byLocale.get(locale) ?? { principles: [], stages: [] };
		if (isMeta) entry.meta = file;
		else if (kind === 'principles') entry.principles.push(file);
		else entry.stages.push(file);
		byLocale.set(locale, entry);
	}
	return byLocale;
}

function buildOne(locale: string, files: LocaleFiles): Framework {
	if (!files.meta) throw new FrameworkError(`content/${locale}/framework.md`, 'file', 'missing');
	const meta = parse(frameworkMeta, files.meta);
	const levelIds = meta.levels.map((level) => level.id);

	const principles: Principle[] = files.principles.map((file) => {
		const principle = parse(principleMeta, file);
		for (const pole of ['poleA', 'poleB'] as const) {
			for (const level of levelIds) {
				if (!principle[pole].prompts[level]) {
					throw new FrameworkError(file.path, `${pole}.prompts.${level}`, 'missing');
				}
			}
		}
		return principle;
	});
	const stages: Stage[] = files.stages.map((file) => {
		const stage = parse(stageMeta, file);
		const unknown = stage.levels.find((level) => !levelIds.includes(level));
		if (unknown) throw new FrameworkError(file.path, 'levels', `unknown level "${unknown}"`);
		if (stage.activity === 'questionnaire' && stage.levels.length === 0) {
			throw new FrameworkError(file.path, 'levels', 'missing');
		}
		checkFormats(file, stage);
		return stage;
	});
	ensureUnique(files.principles, principles);
	ensureUnique(files.stages, stages);
	if (principles.length === 0) {
		throw new FrameworkError(`content/${locale}/principles`, 'files', 'no principle');
	}
	if (stages.length === 0) throw new FrameworkError(`content/${locale}/stages`, 'files', 'no stage');

	const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
	stages.sort(byOrder);
	for (const format of shortFormats) {
		const total = plannedTotal(stages, format);
		if (total > formatBudgets[format]) {
			throw new FrameworkError(
				`content/${locale}/stages`,
				`formats.${format}`,
				`the stages add up to ${total} minutes, more than ${formatBudgets[format]}`
			);
		}
	}
	return { locale, ...meta, principles: principles.sort(byOrder), stages };
}

const shortFormats = Object.keys(formatBudgets) as ShortFormat[];

// A short format shortens a stage or skips it, never lengthens it; the stages the results are made
// of (the questionnaires and the reveal) are never skipped.
function checkFormats(file: ContentFile, stage: Stage) {
	for (const format of shortFormats) {
		const minutes = stage.formats[format];
		if (minutes > stage.duration) {
			throw new FrameworkError(file.path, `formats.${format}`, `longer than the full duration (${stage.duration})`);
		}
		if (minutes === 0 && (stage.activity === 'questionnaire' || stage.activity === 'reveal')) {
			throw new FrameworkError(file.path, `formats.${format}`, `a ${stage.activity} stage cannot be skipped`);
		}
	}
}

// Each item's id is its file's name, and no two items share an id or an order.
function ensureUnique(files: ContentFile[], items: { id: string; order: number }[]) {
	const seenOrders = new Set<number>();
	items.forEach((item, index) => {
		const file = files[index] as ContentFile;
		if (!file.path.endsWith(`/${item.id}.md`)) throw new FrameworkError(file.path, 'id', 'must match the file name');
		if (seenOrders.has(item.order)) throw new FrameworkError(file.path, 'order', `${item.order} is used twice`);
		seenOrders.add(item.order);
	});
}

function ensureSameShape(base: Framework, other: Framework) {
	const where = (kind: string, id: string) => `content/${other.locale}/${kind}/${id}.md`;
	for (const [kind, ours, theirs] of [
		['principles', base.principles, other.principles],
		['stages', base.stages, other.stages]
	] as const) {
		const theirIds = new Set(theirs.map((item) => item.id));
		const missing = ours.find((item) => !theirIds.has(item.id));
		if (missing) throw new FrameworkError(where(kind, missing.id), 'file', 'missing translation');
		const ourIds = new Set(ours.map((item) => item.id));
		const extra = theirs.find((item) => !ourIds.has(item.id));
		if (extra) {
			throw new FrameworkError(where(kind, extra.id), 'id', `not in content/${base.locale}`);
		}
	}
	const levels = (f: Framework) => f.levels.map((level) => level.id).join(',');
	if (levels(base) !== levels(other)) {
		throw new FrameworkError(`content/${other.locale}/framework.md`, 'levels', 'differ between languages');
	}
	const timings = (f: Framework) =>
		f.stages
			.map((stage) => [stage.id, stage.duration, ...shortFormats.map((x) => stage.formats[x])].join(':'))
			.join(',');
	if (timings(base) !== timings(other)) {
		throw new FrameworkError(`content/${other.locale}/stages`, 'duration', 'timings differ between languages');
	}
	if (base.instrumentVersion !== other.instrumentVersion) {
		throw new FrameworkError(`content/${other.locale}/framework.md`, 'instrumentVersion', 'differs between languages');
	}
}

/**
 * Builds and validates one framework per locale from content files; throws a FrameworkError
 * naming the file and field at the first problem, including a translation missing in any locale.
 */
export function buildFrameworks(files: ContentFile[], locales: readonly string[]): Map<string, Framework> {
	const byLocale = groupByLocale(files);
	const frameworks = new Map<string, Framework>();
	for (const locale of locales) {
		const localeFiles = byLocale.get(locale);
		if (!localeFiles) throw new FrameworkError(`content/${locale}`, 'folder', 'missing');
		frameworks.set(locale, buildOne(locale, localeFiles));
	}
	const [base, ...others] = [...frameworks.values()];
	if (base) for (const other of others) ensureSameShape(base, other);
	return frameworks;
}
