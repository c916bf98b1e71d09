import QRCode from 'qrcode';
import type { PageServerLoad } from './$types';
import { plannedMinutes } from '$lib/framework/formats';
import { permissionsOf } from '$lib/server/auth/permissions';
import { canOpen, canReveal } from '$lib/server/sessions/publication';
import { listCards } from '$lib/server/db/cards';
import { listOpenCommitments, sessionCommitments } from '$lib/server/db/commitments';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { listRoomNames } from '$lib/server/db/room-names';
import { sessionForMember } from '$lib/server/sessions/access';
import { liveCounts } from '$lib/server/sessions/counts';
import { currentStage } from '$lib/server/sessions/participation';
import { roomSummary } from '$lib/server/sessions/releases';
import { projectorPact } from '$lib/server/pact/session-view';
import { previousResults, sessionResults } from '$lib/server/sessions/results';

export const load: PageServerLoad = async (event) => {
	const { session, framework, plan, group, role } = sessionForMember(event, 'read');
	const stage = currentStage(session, plan);
	const info = framework.stages.find((s) => s.id === stage?.stageId);
	const joinUrl = session.joinCode ? `${event.url.origin}/j/${session.joinCode}` : null;
	const activity = stage?.activity;
	// The radar belongs to the reveal stage; later, only when the facilitator recalls it.
	const showResults = session.revealed && (activity === 'reveal' || session.resultsRecalled);
	return {
		session: {
			id: session.id,
			title: session.title,
			status: session.status,
			phase: session.phase,
			revealed: session.revealed,
			version: session.version,
			joinCode: session.joinCode,
			timerEndsAt: session.timerEndsAt,
			theme: session.projectorTheme,
			published: !canOpen(session, plan),
			canReveal: canReveal(session, plan)
		},
		group: { id: group.id, name: group.name },
		canEdit: permissionsOf(role).edit,
		stage:
			info && stage
				? {
						title: info.title,
						prompt: info.participantPrompt,
						conversation: info.conversation ?? null,
						activity: stage.activity,
						position: stage.position,
						minutes: plannedMinutes(info, session.format) || info.duration
					}
				: null,
		joinUrl,
		qr: joinUrl ? await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null,
		counts: liveCounts(session, plan, framework),
		cards: activity === 'cards' ? listCards(session.id, 'approved') : [],
		rules: activity === 'frame' ? roomSummary(session.id, listGroundRules(group.id)).rules : [],
		pact: activity === 'frame' ? projectorPact(session, group) : null,
		names: activity === 'connect' && session.status === 'live' ? listRoomNames(session.id) : [],
		commitments:
			activity === 'frame'
				? listOpenCommitments(group.id).filter((c) => c.sessionId !== session.id)
				: activity === 'feedback' || activity === 'settle'
					? sessionCommitments(session.id)
					: [],
		results: showResults ? sessionResults(session.id, framework) : null,
		previous: showResults ? previousResults(session) : null,
		levels: framework.levels.map(({ id, label }) => ({ id, label })),
		principles: framework.principles.map(({ id, title }) => ({ id, title }))
	};
};
