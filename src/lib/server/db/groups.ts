import type { Role } from '$lib/server/auth/permissions';
import { sql, transaction } from './connection';

export interface Group {
	id: number;
	name: string;
	description: string;
	anonymityThreshold: number;
}

export interface GroupFields {
	name: string;
	description: string;
	anonymityThreshold: number;
}

export interface Member {
	userId: number;
	name: string;
	email: string;
	role: Role;
}

const columns = 'g.id, g.name, g.description, g.anonymity_threshold AS anonymityThreshold';

/** Creates a group with its creator as owner; returns its id. */
export function createGroup(ownerId: number, fields: GroupFields): number {
	return transaction(() => {
		const id = Number(
			sql('INSERT INTO groups (name, description, anonymity_threshold, created_at) VALUES (?, ?, ?, ?)').run(
				fields.name,
				fields.description,
				fields.anonymityThreshold,
				Date.now()
			).lastInsertRowid
		);
		addMember(id, ownerId, 'owner');
		return id;
	});
}

/** The groups a user belongs to, with the user's role in each, by name. */
export function listGroupsForUser(userId: number): (Group & { role: Role; memberCount: number })[] {
	return sql(
		`SELECT ${columns}, m.role,
		   (SELECT COUNT(*) FROM memberships x WHERE x.group_id = g.id) AS memberCount
		 FROM groups g JOIN memberships m ON m.group_id = g.id
		 WHERE m.user_id = ? ORDER BY g.name COLLATE NOCASE`
	).all(userId) as (Group & { role: Role; memberCount: number })[];
}

/** A group and the user's role in it, or undefined when the user is not a member. */
export function findGroupForUser(groupId: number, userId: number): { group: Group; role: Role } | undefined {
	const row = sql(
		`SELECT ${columns}, m.role FROM groups g
		 JOIN memberships m ON m.group_id = g.id AND m.user_id = ? WHERE g.id = ?`
	).get(userId, groupId) as (Group & { role: Role }) | undefined;
	if (!row) return undefined;
	const { role, ...group } = row;
	return { group, role };
}

/** Changes a group's name, description and anonymity threshold. */
export function updateGroup(groupId: number, fields: GroupFields): void {
	sql('UPDATE groups SET name = ?, description = ?, anonymity_threshold = ? WHERE id = ?').run(
		fields.name,
		fields.description,
		fields.anonymityThreshold,
		groupId
	);
}

/** Deletes a group and, through foreign keys, everything that belongs to it. */
export function deleteGroup(groupId: number): void {
	sql('DELETE FROM groups WHERE id = ?').run(groupId);
}

/** Adds a member; a user who already belongs keeps their role. */
export function addMember(groupId: number, userId: number, role: Role): void {
	sql('INSERT OR IGNORE INTO memberships (group_id, user_id, role) VALUES (?, ?, ?)').run(groupId, userId, role);
}

/** The members of a group, owners first. */
export function listMembers(groupId: number): Member[] {
	return sql(
		`SELECT u.id AS userId, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
		 WHERE m.group_id = ?
		 ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'facilitator' THEN 1 ELSE 2 END, u.name COLLATE NOCASE`
	).all(groupId) as Member[];
}

/** Changes a member's role; false when the user is not a member of the group. */
export function setMemberRole(groupId: number, userId: number, role: Role): boolean {
	return (
		sql('UPDATE memberships SET role = ? WHERE group_id = ? AND user_id = ?').run(role, groupId, userId).changes > 0
	);
}

/** Removes a member from a group; false when the user is not one. */
export function removeMember(groupId: number, userId: number): boolean {
	return sql('DELETE FROM memberships WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes > 0;
}

/** How many owners a group has (a group always keeps at least one). */
export function countOwners(groupId: number): number {
	return sql("SELECT COUNT(*) FROM memberships WHERE group_id = ? AND role = 'owner'").pluck().get(groupId) as number;
}

/** A group by id, for the pages that reach it through a session rather than a membership. */
export function findGroup(groupId: number): Group | undefined {
	return sql(`SELECT ${columns} FROM groups g WHERE g.id = ?`).get(groupId) as Group | undefined;
}
