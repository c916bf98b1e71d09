import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { Activity, Framework } from '$lib/framework/types';
import { saveAnswer } from '$lib/server/db/answers';
import { saveCheckin } from '$lib/server/db/checkins';
import { saveRoomName } from '$lib/server/db/room-names';
import { saveConsent } from '$lib/server/db/consents';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { countParticipants, setActorKind } from '$lib/server/db/participants';
import type { Session } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import { livePlan } from '$lib/server/sessions/live-session';
import { sessionByCode } from '$lib/server/sessions/code-access';
import { sendCard, sendFeedback } from '$lib/server/sessions/contributions';
import { noteParticipantFrom } from '$lib/server/limits/room-addresses';
import { isPublished } from '$lib/session/acceptance';
import type { PlanStage } from '$lib/session/plan';
import {
	countsChanged,
	currentParticipant,
	acceptingStage,
	currentStage,
	joinSession,
	requireParticipant,
	type Phone
} from '$lib/server/sessions/participation';
import { joinRefusal, noteJoin } from '$lib/server/sessions/join-throttle';
import { activityData } from '$lib/server/sessions/participant-view';
import { previousResults, sessionResults } from '$lib/server/sessions/results';
import { parseForm, readForm } from '$lib/server/validation/form';
import { answer, card, checkin, consent, feedback, identity } from '$lib/server/validation/participation';
import { clauseConsent } from '$lib/server/validation/pact';
import { consentToClause } from '$lib/server/pact/rounds';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type CodeEvent = Parameters<typeof sessionByCode>[0];

function liveSession(event: CodeEvent) {
	const session = sessionByCode(event);
	const framework = getFramework(getLocale());
	return { session, framework, plan: livePlan(session, framework) };
}

export const load: PageServerLoad = (event) => {
	const { params, cookies } = event;
	const { session, framework, plan } = liveSession(event);
	const stage = currentStage(session, plan);
	const info = framework.stages.find((s) => s.id === stage?.stageId);
	const participant = currentParticipant(session, cookies);
	return {
		code: params.code,
		session: {
			id: session.id,
			title: session.title,
			status: session.status,
			phase: session.phase,
			version: session.version,
			timerEndsAt: session.timerEndsAt
		},
		stage:
			info && stage
				? {
						position: stage.position,
						title: info.title,
						prompt: info.participantPrompt,
						conversation: info.conversation ?? null,
						activity: stage.activity,
						published: isPublished(session, stage.activity)
					}
				: null,
		joined: Boolean(participant),
		activity:
			participant && stage && session.status === 'live' ? activityData(session, stage, participant, framework) : null,
		results: session.revealed ? sessionResults(session.id, framework) : null,
		previous: session.revealed ? previousResults(session) : null,
		levels: framework.levels.map(({ id, label }) => ({ id, label })),
		principles: framework.principles.map(({ id, title }) => ({ id, title }))
	};
};

type Event = RequestEvent<{ code: string }>;

interface Accepting {
	session: Session;
	framework: Framework;
	participant: Phone;
	stage: PlanStage;
}

/**
 * A participant's action for one activity. It runs only while that activity takes input; a send
 * that arrives after the facilitator closed it (a phone slow to follow) is refused with a message
 * on the page, which keeps following the session.
 */
function forActivity<Result>(activity: Activity, act: (event: Event, accepting: Accepting) => Promise<Result>) {
	return async (event: Event) => {
		const { session, framework, plan } = liveSession(event);
		const participant = requireParticipant(session, event.cookies);
		const stage = acceptingStage(session, plan, activity);
		if (!stage) return fail(409, { message: m.participant_error_closed() });
		return act(event, { session, framework, participant, stage });
	};
}

export const actions: Actions = {
	join: (event) => {
		const { params, cookies, url, getClientAddress } = event;
		const { session, framework } = liveSession(event);
		if (!currentParticipant(session, cookies)) {
			const refusal = joinRefusal(session.id, getClientAddress(), countParticipants(session.id));
			if (refusal === 'full') return fail(429, { message: m.join_error_full() });
			if (refusal) return fail(429, { message: m.join_error_too_many_joins() });
			noteJoin(session.id, getClientAddress());
			noteParticipantFrom(session.id, getClientAddress(), () => countParticipants(session.id));
		}
		joinSession(session, cookies, url);
		countsChanged(session.id, framework);
		throw redirect(303, `/j/${params.code}`);
	},
	checkin: forActivity('checkin', async (event, { session, framework, participant }) => {
		const parsed = parseForm(checkin, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		saveCheckin(session.id, participant.keys.checkin, parsed.data.availability, parsed.data.word);
		countsChanged(session.id, framework);
		return { saved: true };
	}),
	// The first name is kept apart from the participant, so that no query joins it to answers.
	identity: forActivity('connect', async (event, { session, framework, participant }) => {
		const parsed = parseForm(identity, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		saveRoomName(session.id, participant.keys.name, parsed.data.displayName);
		setActorKind(participant.id, parsed.data.actorKind);
		countsChanged(session.id, framework);
		return { saved: true };
	}),
	consent: forActivity('frame', async (event, { session, framework, participant }) => {
		const parsed = parseForm(consent, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (!listGroundRules(session.groupId).some((rule) => rule.id === parsed.data.ruleId)) {
			return fail(400, { message: m.error_invalid_form() });
		}
		saveConsent(session.id, participant.keys.consent, parsed.data.ruleId, parsed.data.choice);
		countsChanged(session.id, framework);
		return { saved: true };
	}),
	// A clause of the pact is answered while the facilitator puts it to the room at stage 3.
	clauseConsent: forActivity('frame', async (event, { session, framework, participant }) => {
		const parsed = parseForm(clauseConsent, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		const { clauseId, choice, reason } = parsed.data;
		if (!consentToClause(session, participant.keys.consent, clauseId, choice, reason)) {
			return fail(409, { message: m.participant_error_closed() });
		}
		countsChanged(session.id, framework);
		return { saved: true };
	}),
	answer: forActivity('questionnaire', async (event, { session, framework, participant, stage }) => {
		const form = await readForm(event.request);
		const step = Number(form.get('step') ?? 0) || 0;
		const go = form.get('go');
		// Without JavaScript, the form also moves to the next or previous screen; a screen left
		// blank is simply passed.
		const move = () => redirect(303, `/j/${event.params.code}?step=${Math.max(0, step + (go === 'next' ? 1 : -1))}`);
		if ((go === 'next' || go === 'previous') && !form.has('a') && !form.has('b')) throw move();
		const parsed = parseForm(answer, form);
		if (!parsed.success) return fail(400, { message: parsed.message, step });
		const { level, principleId, a, b } = parsed.data;
		if (!stage.levels.includes(level) || !framework.principles.some((p) => p.id === principleId)) {
			return fail(400, { message: m.error_invalid_form(), step });
		}
		saveAnswer(participant.id, session.id, { level, principleId, a, b });
		countsChanged(session.id, framework);
		if (go === 'next' || go === 'previous') throw move();
		return { saved: true };
	}),
	card: forActivity('cards', async (event, { session, framework, participant }) => {
		const parsed = parseForm(card, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message, text: parsed.values.text ?? '' });
		const refusal = sendCard(session.id, participant, event.getClientAddress(), parsed.data.text);
		if (refusal) return fail(429, { message: refusal, text: parsed.data.text });
		countsChanged(session.id, framework);
		return { cardSent: true };
	}),
	feedback: forActivity('feedback', async (event, { session, framework, participant }) => {
		const parsed = parseForm(feedback, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message, values: parsed.values });
		const refusal = sendFeedback(session.id, participant, event.getClientAddress(), parsed.data);
		if (refusal) return fail(429, { message: refusal, values: parsed.data });
		countsChanged(session.id, framework);
		return { feedbackSent: true };
	})
};
