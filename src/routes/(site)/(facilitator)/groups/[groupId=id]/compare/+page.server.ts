import type { PageServerLoad } from './$types';
import { compareCells } from '$lib/scoring/compare-cells';
import { getFramework } from '$lib/server/framework';
import { describeResults, publishedHistory } from '$lib/server/sessions/results';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { group } = await parent();
	const framework = getFramework(getLocale());
	const history = publishedHistory(group.id);
	const pick = (param: string, fallback: number) => {
		const id = Number(url.searchParams.get(param));
		return history.find((entry) => entry.sessionId === id) ?? history.at(fallback);
	};
	const before = pick('a', -2);
	const after = pick('b', -1);
	const sessions = history.map(({ sessionId, title, heldOn, instrumentVersion }) => ({
		sessionId,
		title,
		heldOn,
		instrumentVersion
	}));
	const participation = (entry: NonNullable<typeof before>) => ({
		title: entry.title,
		joined: entry.participantCount,
		respondents: entry.respondentCount,
		version: entry.instrumentVersion
	});
	const base = {
		sessions,
		levels: framework.levels.map(({ id, label }) => ({ id, label })),
		principles: framework.principles.map(({ id, title }) => ({ id, title }))
	};
	if (!before || !after || before.sessionId === after.sessionId) return { ...base, comparison: null };
	const sameVersion = before.instrumentVersion === after.instrumentVersion;
	return {
		...base,
		comparison: {
			before: { sessionId: before.sessionId, title: before.title, heldOn: before.heldOn, cells: before.cells },
			after: { sessionId: after.sessionId, title: after.title, heldOn: after.heldOn },
			sameVersion,
			versions: [before.instrumentVersion, after.instrumentVersion],
			// Across instrument versions only who took part compares; the scores answer other statements.
			participation: [participation(before), participation(after)],
			results: describeResults(after.cells, after.anonymityThreshold, framework, after.respondentCount),
			changes: sameVersion
				? compareCells(
						before.cells,
						after.cells,
						framework.levels.map((level) => level.id),
						framework.principles.map((principle) => principle.id)
					)
				: []
		}
	};
};
