// Every form action of the app, with its fields: the tests of bad input run over this table, and
// bad-input-coverage.test.ts fails when a route gains an action that is not in it.
import fc from 'fast-check';
import type { Activity } from '$lib/framework/types';
import { roles } from '$lib/server/auth/permissions';
import { consentChoices } from '$lib/server/db/consents';
import { clauseChoices, measureStatuses, pactParts, partyKinds, spaceKinds } from '$lib/pact/pact';
import { actorKinds } from '$lib/server/db/participants';
import { getFramework } from '$lib/server/framework';
import { textOutside, tooLong, unknownId, wrongType } from '../support/bad-values';
import { choice, date, id, integer, list, text, type Field } from './bad-input-fields';
import type { World } from './bad-input-world';
import { actions as accountPage } from '../../src/routes/(site)/(facilitator)/account/+page.server';
import { actions as groups } from '../../src/routes/(site)/(facilitator)/groups/+page.server';
import { actions as members } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/members/+page.server';
import { actions as rules } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/rules/+page.server';
import { actions as pact } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/pact/+page.server';
import { actions as pactVersions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/pact/versions/+page.server';
import { actions as pactRounds } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/pact/+page.server';
import { actions as sessions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/+page.server';
import { actions as control } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/+page.server';
import { actions as settings } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/settings/+page.server';
import { actions as invite } from '../../src/routes/(site)/invite/[token]/+page.server';
import { actions as locale } from '../../src/routes/(site)/locale/+page.server';
import { actions as setup } from '../../src/routes/(site)/setup/+page.server';
import { actions as signIn } from '../../src/routes/(site)/sign-in/+page.server';
import { actions as signOut } from '../../src/routes/(site)/sign-out/+page.server';
import { actions as joinCode } from '../../src/routes/j/+page.server';
import { actions as phone } from '../../src/routes/j/[code=joincode]/+page.server';

export interface ActionSpec {
	fields: Record<string, Field>;
	/** The activity a participant's action belongs to. */
	activity?: Activity;
	/** A session status in which a control action is refused (409). */
	refusedOn?: 'draft' | 'live';
	/** The role that lacks the right to do it (403), for a group's actions. */
	lacking?: 'viewer' | 'facilitator';
}

type AnyAction = ((event: never) => unknown) | undefined;

export interface RouteSpec {
	actions: Record<string, AnyAction>;
	specs: Record<string, ActionSpec>;
}

const framework = getFramework('fr');
const levelIds = framework.levels.map((level) => level.id);
const allPrinciples = framework.principles.map((principle) => principle.id);
const rating = choice(['0', '1', '2', '3', '4', 'x']);
const name = (max: number) => text(max, 'COP locale');
const ruleId = id((w: World) => String(w.ruleIds[0]));
const password = {
	valid: () => 'une phrase assez longue',
	bad: fc.oneof(
		fc.string({ maxLength: 11 }),
		textOutside([]).map((t) => `${t}\u0000 phrase assez longue`)
	)
} satisfies Field;
const account = {
	name: text(80, 'Camille'),
	email: {
		valid: () => 'camille@example.org',
		bad: fc.oneof(
			fc.string({ maxLength: 30 }).filter((t) => !t.includes('@')),
			fc.constantFrom('a@', '@example.org', 'a b@example.org', `${'a'.repeat(250)}@example.org`),
			wrongType('camille@example.org')
		)
	},
	password,
	passwordConfirm: { valid: password.valid, bad: fc.constantFrom(undefined, 'une autre phrase longue') }
} satisfies Record<string, Field>;
const groupFields = {
	name: name(120),
	description: text(2000, '', { required: false }),
	anonymityThreshold: integer(3, 50, '4', { optional: true })
};
const fieldless = (refusedOn: 'draft' | 'live'): ActionSpec => ({ fields: {}, refusedOn, lacking: 'viewer' });
const onLive: Pick<ActionSpec, 'lacking'> = { lacking: 'viewer' };
const clauseId = id((w: World) => String(w.clauseId));
const partyId = id((w: World) => String(w.partyId));
/** A party's id, or nothing (left out or empty) for a clause shared by all parties. */
const optionalPartyId = {
	valid: (w: World) => String(w.partyId),
	bad: fc.oneof(
		unknownId.filter((value) => value !== ''),
		wrongType('1')
	)
} satisfies Field;
const party = { name: text(160, 'Ville de Redon'), kind: choice(partyKinds) };

/** Route folder (below src/routes) → its actions and what each takes. */
export const routes: Record<string, RouteSpec> = {
	j: { actions: joinCode, specs: { default: { fields: { code: text(20, 'ABCDEF') } } } },
	'j/[code=joincode]': {
		actions: phone,
		specs: {
			join: { fields: {} },
			checkin: {
				activity: 'checkin',
				fields: { availability: choice(['3', '1', '2', '4', '5']), word: text(30, 'curieuse', { required: false }) }
			},
			identity: {
				activity: 'connect',
				fields: { displayName: text(40, 'Lou', { required: false }), actorKind: choice(actorKinds, { optional: true }) }
			},
			consent: { activity: 'frame', fields: { ruleId, choice: choice(consentChoices) } },
			clauseConsent: {
				activity: 'frame',
				fields: { clauseId, choice: choice(clauseChoices), reason: text(300, '', { required: false }) }
			},
			answer: {
				activity: 'questionnaire',
				fields: { level: choice(levelIds), principleId: choice(allPrinciples), a: rating, b: rating }
			},
			card: { activity: 'cards', fields: { text: text(280, 'Une idée') } },
			feedback: {
				activity: 'feedback',
				fields: {
					keep: text(1000, 'Le rythme', { required: false }),
					missing: text(1000, '', { required: false }),
					lived: text(1000, '', { required: false })
				}
			}
		}
	},
	'(site)/(facilitator)/groups': { actions: groups, specs: { create: { fields: groupFields } } },
	'(site)/(facilitator)/groups/[groupId=id]/settings': {
		actions: settings,
		specs: {
			update: { fields: groupFields, lacking: 'viewer' },
			delete: {
				fields: {
					confirmName: {
						valid: (w) => w.groupName,
						bad: textOutside([]).filter((typed) => typed.trim() !== 'COP locale')
					}
				},
				lacking: 'facilitator'
			}
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/rules': {
		actions: rules,
		specs: {
			add: { fields: { text: text(500, 'On s’écoute') }, ...onLive },
			edit: { fields: { ruleId, text: text(500, 'On s’écoute') }, ...onLive },
			move: { fields: { ruleId, direction: choice(['down', 'up']) }, ...onLive },
			remove: { fields: { ruleId }, ...onLive }
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/pact': {
		actions: pact,
		specs: {
			profile: {
				fields: {
					spaceKind: choice(spaceKinds, { optional: true }),
					territory: text(500, 'Redon', { required: false })
				},
				...onLive
			},
			addParty: { fields: party, ...onLive },
			editParty: { fields: { partyId, ...party }, ...onLive },
			removeParty: { fields: { partyId }, ...onLive },
			pick: { fields: { libraryId: text(80, 'parole-egale') }, ...onLive },
			add: { fields: { part: choice(pactParts), text: text(800, 'Une clause'), partyId: optionalPartyId }, ...onLive },
			edit: { fields: { clauseId, text: text(800, 'Une clause'), partyId: optionalPartyId }, ...onLive },
			move: { fields: { clauseId, direction: choice(['down', 'up']) }, ...onLive },
			remove: { fields: { clauseId }, ...onLive },
			disagreement: { fields: { clauseId, note: text(800, 'La ville préfère un vote') }, ...onLive },
			addMeasure: {
				fields: { clauseId: id((w) => String(w.commitmentClauseId)), text: text(300, 'Salle') },
				...onLive
			},
			followMeasure: {
				fields: {
					measureId: id((w) => String(w.measureId)),
					status: choice(measureStatuses),
					note: text(500, '', { required: false })
				},
				...onLive
			},
			removeMeasure: { fields: { measureId: id((w) => String(w.measureId)) }, ...onLive },
			adopt: { fields: { adoptedOn: date() }, ...onLive },
			publish: { fields: { on: choice(['on', 'off']) }, ...onLive }
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/pact/versions': {
		actions: pactVersions,
		specs: {
			sign: {
				fields: {
					version: id(() => '1'),
					partyId,
					name: text(160, 'Anne Martin'),
					role: text(160, '', { required: false }),
					signedOn: date()
				},
				...onLive
			},
			unsign: { fields: { version: id(() => '1'), partyId }, ...onLive }
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/pact': {
		actions: pactRounds,
		specs: {
			put: { fields: { clauseId }, refusedOn: 'draft', lacking: 'viewer' },
			close: fieldless('draft'),
			followMeasure: {
				fields: {
					measureId: id((w) => String(w.measureId)),
					status: choice(measureStatuses),
					note: text(500, '', { required: false })
				},
				lacking: 'viewer'
			}
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/members': {
		actions: members,
		specs: {
			invite: { fields: { role: choice(['viewer', 'facilitator']) }, ...onLive },
			withdraw: {
				fields: {
					invitationId: {
						valid: () => '0'.repeat(64),
						bad: fc.oneof(unknownId, fc.stringMatching(/^[0-9a-f]{64}$/), wrongType('0'.repeat(64)))
					}
				},
				...onLive
			},
			setRole: { fields: { userId: id((w) => String(w.facilitator.id)), role: choice(roles) }, lacking: 'facilitator' },
			remove: { fields: { userId: id((w) => String(w.viewer.id)) }, lacking: 'facilitator' }
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/sessions': {
		actions: sessions,
		specs: {
			create: {
				fields: {
					title: text(120, 'Revue'),
					heldOn: date(),
					settleDays: integer(0, 60, '7', { optional: true }),
					format: choice(['ninetyMinutes', 'full', 'twoHours'], { optional: true })
				},
				...onLive
			}
		}
	},
	'(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]': {
		actions: control,
		specs: {
			open: fieldless('live'),
			next: fieldless('draft'),
			previous: fieldless('draft'),
			openActivity: fieldless('draft'),
			closeActivity: fieldless('draft'),
			reveal: fieldless('draft'),
			hide: fieldless('draft'),
			stopTimer: fieldless('draft'),
			close: fieldless('draft'),
			finalize: fieldless('draft'),
			timer: { fields: { minutes: integer(1, 120, '5') }, refusedOn: 'draft', lacking: 'viewer' },
			projectorTheme: { fields: { theme: choice(['dark', 'light']) }, ...onLive },
			recall: {
				fields: { recalled: choice(['off', 'on'], { optional: true }) },
				refusedOn: 'draft',
				lacking: 'viewer'
			},
			plan: {
				fields: { position: id(() => '6'), skipped: choice(['on'], { optional: true }), levels: list(levelIds) },
				...onLive
			},
			approveCard: { fields: { cardId: id((w) => String(w.cardId)) }, ...onLive },
			rejectCard: { fields: { cardId: id((w) => String(w.cardId)) }, ...onLive },
			addCommitment: {
				fields: {
					text: text(300, 'Relire'),
					owner: text(80, 'Lou', { required: false }),
					dueOn: date({ optional: true })
				},
				...onLive
			},
			reviewCommitment: {
				fields: { commitmentId: id((w) => String(w.commitmentId)), status: choice(['done', 'carried', 'dropped']) },
				...onLive
			},
			removeCommitment: { fields: { commitmentId: id((w) => String(w.commitmentId)) }, ...onLive }
		}
	},
	'(site)/invite/[token]': { actions: invite, specs: { join: { fields: {} }, register: { fields: account } } },
	'(site)/locale': { actions: locale, specs: { default: { fields: {} } } },
	'(site)/setup': { actions: setup, specs: { default: { fields: account } } },
	'(site)/sign-in': {
		actions: signIn,
		specs: {
			default: {
				fields: {
					email: account.email,
					password: { valid: password.valid, bad: fc.oneof(tooLong(256), fc.constantFrom(undefined, '')) }
				}
			}
		}
	},
	'(site)/sign-out': { actions: signOut, specs: { default: { fields: {} } } },
	'(site)/(facilitator)/account': {
		actions: accountPage,
		specs: {
			changePassword: {
				fields: {
					current: { valid: password.valid, bad: fc.oneof(tooLong(256), fc.constantFrom(undefined, '')) },
					password,
					passwordConfirm: account.passwordConfirm
				}
			},
			signOutOne: {
				fields: {
					id: {
						valid: () => '0'.repeat(64),
						bad: fc.oneof(unknownId, fc.stringMatching(/^[0-9a-f]{64}$/), wrongType('0'.repeat(64)))
					}
				}
			},
			signOutEverywhere: { fields: {} }
		}
	}
};
