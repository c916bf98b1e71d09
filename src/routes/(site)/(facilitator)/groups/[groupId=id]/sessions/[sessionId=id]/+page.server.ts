import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addCommitment,
	listOpenCommitments,
	removeCommitment,
	sessionCommitments,
	setCommitmentStatus
} from '$lib/server/db/commitments';
import { countSessionAnswers, deleteSessionAnswers } from '$lib/server/db/answers';
import { listCards, setCardStatus } from '$lib/server/db/cards';
import { listFeedback } from '$lib/server/db/feedback';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { sessionForMember } from '$lib/server/sessions/access';
import { liveCounts } from '$lib/server/sessions/counts';
import {
	closeSession,
	editPlanStage,
	finalizeSession,
	moveStage,
	openSession,
	setPhase,
	setRevealed,
	setTimer,
	touchSession
} from '$lib/server/sessions/lifecycle';
import { computeResults, previousResults } from '$lib/server/sessions/results';
import { roomSummary } from '$lib/server/sessions/room';
import { parseForm, readForm } from '$lib/server/validation/form';
import { cardRef, commitment, commitmentRef, commitmentReview, planStage, timer } from '$lib/server/validation/session';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	const { session, framework, plan, group } = sessionForMember(event, 'read');
	return {
		session,
		plan: plan.map((stage) => ({ ...stage, title: framework.stages.find((s) => s.id === stage.stageId)?.title ?? '' })),
		levels: framework.levels,
		counts: liveCounts(session, plan, framework),
		cards: listCards(session.id),
		commitments: sessionCommitments(session.id),
		rawAnswers: countSessionAnswers(session.id),
		toReview: listOpenCommitments(group.id).filter((c) => c.sessionId !== session.id),
		feedback: session.status === 'live' ? [] : listFeedback(session.id),
		room: roomSummary(session.id, group.anonymityThreshold, listGroundRules(group.id)),
		results: computeResults(session.id, group.anonymityThreshold, framework),
		previous: previousResults(session),
		principles: framework.principles.map(({ id, title }) => ({ id, title })),
		joinUrl: session.joinCode ? `${event.url.origin}/j/${session.joinCode}` : null
	};
};

type Event = RequestEvent<{ groupId: string; sessionId: string }>;
const run = (event: Event) => sessionForMember(event, 'edit');

export const actions: Actions = {
	open: (event) => {
		const { session, plan } = run(event);
		openSession(session, plan);
	},
	next: (event) => {
		const { session, plan } = run(event);
		moveStage(session, plan, 1);
	},
	previous: (event) => {
		const { session, plan } = run(event);
		moveStage(session, plan, -1);
	},
	openActivity: (event) => setPhase(run(event).session, 'open'),
	closeActivity: (event) => setPhase(run(event).session, 'closed'),
	reveal: (event) => setRevealed(run(event).session, true),
	hide: (event) => setRevealed(run(event).session, false),
	timer: async (event) => {
		const { session } = run(event);
		const parsed = parseForm(timer, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		setTimer(session, parsed.data.minutes);
	},
	stopTimer: (event) => setTimer(run(event).session, null),
	plan: async (event) => {
		const { session, framework } = run(event);
		const parsed = parseForm(planStage, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		const levelIds = framework.levels.map((level) => level.id);
		const levels = [...new Set(parsed.data.levels)];
		if (levels.some((level) => !levelIds.includes(level))) return fail(400, { message: m.error_invalid_form() });
		const stage = run(event).plan.find((s) => s.position === parsed.data.position);
		if (!stage) throw error(404, m.error_not_found());
		if (stage.activity === 'questionnaire' && levels.length === 0) return fail(400, { message: m.plan_error_levels() });
		editPlanStage(
			session,
			stage.position,
			parsed.data.skipped === 'on',
			stage.activity === 'questionnaire' ? levels : []
		);
	},
	close: (event) => closeSession(run(event).session),
	finalize: (event) => finalizeSession(run(event).session),
	approveCard: (event) => moderate(event, 'approved'),
	rejectCard: (event) => moderate(event, 'rejected'),
	addCommitment: async (event) => {
		const { session, group } = run(event);
		const parsed = parseForm(commitment, await readForm(event.request));
		if (!parsed.success) return fail(400, { commitmentMessage: parsed.message, values: parsed.values });
		addCommitment(group.id, session.id, parsed.data);
		touchSession(session);
	},
	// The snapshot stays: the session's results and the group's history do not change.
	deleteAnswers: (event) => {
		const { session } = run(event);
		if (session.status !== 'closed') throw error(409, m.session_error_status());
		deleteSessionAnswers(session.id);
		touchSession(session);
	},
	reviewCommitment: async (event) => {
		const { session, group } = run(event);
		const parsed = parseForm(commitmentReview, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (!setCommitmentStatus(group.id, parsed.data.commitmentId, parsed.data.status))
			throw error(404, m.error_not_found());
		touchSession(session);
	},
	removeCommitment: async (event) => {
		const { session } = run(event);
		const parsed = parseForm(commitmentRef, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (!removeCommitment(session.id, parsed.data.commitmentId)) return fail(404, { message: m.error_item_missing() });
		touchSession(session);
	}
};

async function moderate(event: Event, status: 'approved' | 'rejected') {
	const { session } = run(event);
	const parsed = parseForm(cardRef, await readForm(event.request));
	if (!parsed.success) return fail(400, { message: parsed.message });
	if (!setCardStatus(session.id, parsed.data.cardId, status)) throw error(404, m.error_not_found());
	touchSession(session);
}
