import type { PageServerLoad } from './$types';
import { compareCells } from '$lib/scoring/compare-cells';
import { listCards } from '$lib/server/db/cards';
import { sessionCommitments } from '$lib/server/db/commitments';
import { findSnapshot } from '$lib/server/db/snapshots';
import { countParticipants } from '$lib/server/db/participants';
import { countRespondents } from '$lib/server/db/answers';
import { sessionForMember } from '$lib/server/sessions/access';
import { kindBreakdown, previousResults, sessionResults } from '$lib/server/sessions/results';

export const load: PageServerLoad = (event) => {
	const { session, framework, plan } = sessionForMember(event, 'read');
	const results = sessionResults(session.id, framework);
	const previous = previousResults(session);
	const snapshot = findSnapshot(session.id);
	const levelIds = framework.levels.map((level) => level.id);
	const principleIds = framework.principles.map((principle) => principle.id);
	return {
		session,
		final: session.status === 'closed',
		participation: {
			joined: snapshot?.participantCount ?? countParticipants(session.id),
			respondents: snapshot?.respondentCount ?? countRespondents(session.id)
		},
		stagesRun: plan
			.filter((stage) => !stage.skipped)
			.map((stage) => framework.stages.find((s) => s.id === stage.stageId)?.title ?? stage.stageId),
		results,
		previous,
		breakdown: kindBreakdown(session.id, framework),
		changes: previous && results ? compareCells(previous.cells, results.cells, levelIds, principleIds) : null,
		cards: listCards(session.id, 'approved'),
		commitments: sessionCommitments(session.id),
		levels: framework.levels.map(({ id, label }) => ({ id, label })),
		principles: framework.principles.map(({ id, title }) => ({ id, title }))
	};
};
