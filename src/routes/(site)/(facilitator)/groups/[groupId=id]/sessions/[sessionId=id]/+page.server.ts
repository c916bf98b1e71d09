import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addCommitment,
	listOpenCommitments,
	removeCommitment,
	sessionCommitments,
	setCommitmentStatus
} from '$lib/server/db/commitments';
import { listCards, setCardStatus } from '$lib/server/db/cards';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { listRoomNames } from '$lib/server/db/room-names';
import { sessionForMember } from '$lib/server/sessions/access';
import { liveCounts } from '$lib/server/sessions/counts';
import { canOpen, canReveal } from '$lib/server/sessions/publication';
import {
	closeSession,
	editPlanStage,
	finalizeSession,
	moveStage,
	openSession,
	recallResults,
	setPhase,
	setProjectorTheme,
	setRevealed,
	setTimer,
	touchSession
} from '$lib/server/sessions/lifecycle';
import { releasedFeedback, roomSummary } from '$lib/server/sessions/releases';
import { sessionPactView } from '$lib/server/pact/session-view';
import { previousResults, sessionResults } from '$lib/server/sessions/results';
import { parseForm, readForm } from '$lib/server/validation/form';
import {
	cardRef,
	commitment,
	commitmentRef,
	commitmentReview,
	planStage,
	projectorTheme,
	recall,
	stageMove,
	timer
} from '$lib/server/validation/session';
import { m } from '$lib/paraglide/messages';
import { stageTiming } from './_control/stage-timing';

export const load: PageServerLoad = (event) => {
	const { session, framework, plan, group } = sessionForMember(event, 'read');
	return {
		session,
		plan: plan.map((stage) => ({
			...stage,
			...stageTiming(
				framework.stages.find((s) => s.id === stage.stageId),
				session.format
			)
		})),
		levels: framework.levels,
		counts: liveCounts(session, plan, framework),
		cards: listCards(session.id),
		commitments: sessionCommitments(session.id),
		toReview: listOpenCommitments(group.id).filter((c) => c.sessionId !== session.id),
		feedback: releasedFeedback(session, group.anonymityThreshold),
		room: roomSummary(session.id, listGroundRules(group.id)),
		pact: sessionPactView(session, group),
		names: session.status === 'live' ? listRoomNames(session.id) : [],
		results: sessionResults(session.id, framework),
		threshold: group.anonymityThreshold,
		canOpen: canOpen(session, plan),
		canReveal: canReveal(session, plan),
		previous: previousResults(session),
		principles: framework.principles.map(({ id, title }) => ({ id, title })),
		joinUrl: session.joinCode ? `${event.url.origin}/j/${session.joinCode}` : null
	};
};

type Event = RequestEvent<{ groupId: string; sessionId: string }>;
const run = (event: Event) => sessionForMember(event, 'edit');

export const actions: Actions = {
	open: (event) => {
		const { session, plan, framework } = run(event);
		openSession(session, plan, framework.instrumentVersion);
	},
	next: (event) => move(event, 1),
	previous: (event) => move(event, -1),
	// The server decides: an activity whose figures went out is not opened again, and the results
	// are first revealed at a reveal stage only.
	openActivity: (event) => {
		const { session, plan } = run(event);
		if (!canOpen(session, plan)) return fail(409, { message: m.activity_error_published() });
		setPhase(session, plan, 'open');
	},
	closeActivity: (event) => {
		const { session, plan } = run(event);
		setPhase(session, plan, 'closed');
	},
	reveal: (event) => {
		const { session, plan } = run(event);
		if (!canReveal(session, plan)) return fail(409, { message: m.reveal_error_stage() });
		setRevealed(session, plan, true);
	},
	hide: (event) => {
		const { session, plan } = run(event);
		setRevealed(session, plan, false);
	},
	timer: async (event) => {
		const { session } = run(event);
		const parsed = parseForm(timer, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		setTimer(session, parsed.data.minutes);
	},
	stopTimer: (event) => setTimer(run(event).session, null),
	projectorTheme: async (event) => {
		const parsed = parseForm(projectorTheme, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		setProjectorTheme(run(event).session, parsed.data.theme);
	},
	recall: async (event) => {
		const { session } = run(event);
		const parsed = parseForm(recall, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (parsed.data.recalled === 'on' && !session.revealed) return fail(409, { message: m.reveal_error_stage() });
		recallResults(session, parsed.data.recalled === 'on');
	},
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

async function move(event: Event, direction: 1 | -1) {
	const { session, plan } = run(event);
	const parsed = parseForm(stageMove, await readForm(event.request));
	if (!parsed.success) return fail(400, { message: parsed.message });
	if (parsed.data.from !== undefined && parsed.data.from !== session.stagePosition) {
		return fail(409, { message: m.control_error_moved() });
	}
	moveStage(session, plan, direction);
}

async function moderate(event: Event, status: 'approved' | 'rejected') {
	const { session } = run(event);
	const parsed = parseForm(cardRef, await readForm(event.request));
	if (!parsed.success) return fail(400, { message: parsed.message });
	if (!setCardStatus(session.id, parsed.data.cardId, status)) throw error(404, m.error_not_found());
	touchSession(session);
}
