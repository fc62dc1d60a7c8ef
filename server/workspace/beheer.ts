import { CodedError } from '../../dialogs/contract/errors'
import type { BeheerOut } from '../../dialogs/contract/workspace'
import { hashPassword, passwordIsStrongEnough } from '../auth/passwords'
import { endAllSessions } from '../auth/sessions'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { DEFAULT_RETENTION_DAYS } from '../jobs/retention'

/**
 * Accounts, teams and warm handovers within ONE organisation: every function takes the organisation
 * as its scope and answers "not found" for anything outside it. Used by /api/beheer and the CLI.
 */
export type Scope = { organisationId: string; actorId: string }

export async function teamIn(deps: Deps, scope: Scope, teamId: string) {
  const team = await deps.db
    .selectFrom('teams')
    .selectAll()
    .where('id', '=', teamId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  if (!team) throw new CodedError('not_found', 404)
  return team
}

export async function begeleiderIn(deps: Deps, scope: Scope, begeleiderId: string) {
  const row = await deps.db
    .selectFrom('begeleiders')
    .select(['id', 'team_id', 'organisation_id', 'active', 'role'])
    .where('id', '=', begeleiderId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  return row
}

export async function overview(deps: Deps, scope: Scope): Promise<BeheerOut> {
  const org = await deps.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', scope.organisationId)
    .executeTakeFirstOrThrow()
  const teams = await deps.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('name')
    .execute()
  const people = await deps.db
    .selectFrom('begeleiders')
    .leftJoin('sessions', 'sessions.begeleider_id', 'begeleiders.id')
    .select([
      'begeleiders.id',
      'begeleiders.team_id',
      'begeleiders.username',
      'begeleiders.display_name',
      'begeleiders.role',
      'begeleiders.active',
      (eb) => eb.fn.count<number>('sessions.id_hash').as('sessions'),
    ])
    .where('begeleiders.organisation_id', '=', scope.organisationId)
    .groupBy('begeleiders.id')
    .orderBy('begeleiders.display_name')
    .execute()
  const children = await deps.db
    .selectFrom('children')
    .select(['id', 'nickname', 'team_id', 'begeleider_id', 'age_band', 'closed_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('key_wrapped', 'is not', null)
    // Closed trajectories stay listed until retention erases them: inzage and erasure still apply.
    .orderBy('closed_at')
    .orderBy('nickname')
    .execute()
  const retentionDays = deps.config.retentionDays ?? DEFAULT_RETENTION_DAYS
  const handovers = await deps.db
    .selectFrom('child_handovers')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()
  return {
    organisation: org.name,
    retentionDays,
    teams,
    begeleiders: people.map((b) => ({
      id: b.id,
      teamId: b.team_id,
      username: b.username,
      displayName: b.display_name,
      admin: b.role === 'admin',
      active: b.active === 1,
      sessions: Number(b.sessions),
    })),
    children: children.map((ch) => ({
      id: ch.id,
      nickname: ch.nickname,
      teamId: ch.team_id,
      begeleiderId: ch.begeleider_id,
      ageBand: ch.age_band,
      closedAt: ch.closed_at,
      eraseAfter: ch.closed_at
        ? new Date(Date.parse(ch.closed_at) + retentionDays * 24 * 60 * 60_000).toISOString()
        : null,
    })),
    handovers: handovers.map((h) => ({
      childId: h.child_id,
      fromTeamId: h.from_team_id,
      toTeamId: h.to_team_id,
      fromBegeleiderId: h.from_begeleider_id,
      toBegeleiderId: h.to_begeleider_id,
      byBegeleiderId: h.by_begeleider_id,
      at: h.created_at,
    })),
  }
}

export async function addTeam(deps: Deps, scope: Scope, name: string): Promise<string> {
  const id = newId()
  await deps.db
    .insertInto('teams')
    .values({ id, organisation_id: scope.organisationId, name, created_at: iso(deps.clock) })
    .execute()
  deps.log.info('team created', { team: id, by: scope.actorId })
  return id
}

export async function addBegeleider(
  deps: Deps,
  scope: Scope,
  input: { teamId: string; username: string; displayName: string; password: string; admin: boolean },
): Promise<string> {
  const team = await teamIn(deps, scope, input.teamId)
  if (!passwordIsStrongEnough(input.password)) throw new CodedError('password_too_short', 400)
  const username = input.username.toLowerCase()
  const taken = await deps.db.selectFrom('begeleiders').select('id').where('username', '=', username).executeTakeFirst()
  if (taken) throw new CodedError('username_taken', 409)
  const id = newId()
  await deps.db
    .insertInto('begeleiders')
    .values({
      id,
      organisation_id: scope.organisationId,
      team_id: team.id,
      username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      role: input.admin ? 'admin' : 'begeleider',
      active: 1,
      created_at: iso(deps.clock),
    })
    .execute()
  deps.log.info('begeleider created', { begeleider: id, by: scope.actorId })
  return id
}

/** Deactivation ends every session and, through the revocation channel, every open socket at once. */
export async function setActive(deps: Deps, scope: Scope, begeleiderId: string, active: boolean): Promise<void> {
  const row = await begeleiderIn(deps, scope, begeleiderId)
  // An admin cannot lock themself out; another admin can.
  if (!active && row.id === scope.actorId) throw new CodedError('not_allowed_now', 400)
  await deps.db
    .updateTable('begeleiders')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', row.id)
    .execute()
  if (!active) {
    await endAllSessions(deps, row.id)
    await deps.revocations.publish({ type: 'begeleider', begeleiderId: row.id, reason: 'locked' })
  }
  deps.log.info(active ? 'begeleider activated' : 'begeleider deactivated', { begeleider: row.id, by: scope.actorId })
}

/** A reset password also ends every session: whoever had the old one is out. */
export async function resetPassword(deps: Deps, scope: Scope, begeleiderId: string, password: string): Promise<void> {
  const row = await begeleiderIn(deps, scope, begeleiderId)
  if (!passwordIsStrongEnough(password)) throw new CodedError('password_too_short', 400)
  await deps.db
    .updateTable('begeleiders')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', row.id)
    .execute()
  await endAllSessions(deps, row.id)
  await deps.revocations.publish({ type: 'begeleider', begeleiderId: row.id, reason: 'locked' })
  deps.log.info('password reset', { begeleider: row.id, by: scope.actorId })
}

export async function endSessionsOf(deps: Deps, scope: Scope, begeleiderId: string): Promise<void> {
  const row = await begeleiderIn(deps, scope, begeleiderId)
  await endAllSessions(deps, row.id)
  await deps.revocations.publish({ type: 'begeleider', begeleiderId: row.id, reason: 'locked' })
}

/**
 * Warm handover: the child moves to another begeleider (and maybe team) of the same organisation,
 * with everything they made; the move is logged (ids only). The receiving begeleider must be active.
 */
export async function moveChild(
  deps: Deps,
  scope: Scope,
  childId: string,
  to: { teamId: string; begeleiderId: string },
): Promise<void> {
  const child = await deps.db
    .selectFrom('children')
    .select(['id', 'team_id', 'begeleider_id'])
    .where('id', '=', childId)
    .where('organisation_id', '=', scope.organisationId)
    .where('key_wrapped', 'is not', null)
    .executeTakeFirst()
  if (!child) throw new CodedError('not_found', 404)
  const team = await teamIn(deps, scope, to.teamId)
  const receiver = await begeleiderIn(deps, scope, to.begeleiderId)
  if (receiver.team_id !== team.id || !receiver.active) throw new CodedError('not_allowed_now', 400)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('children')
      .set({ team_id: team.id, begeleider_id: receiver.id })
      .where('id', '=', child.id)
      .execute()
    await trx
      .insertInto('child_handovers')
      .values({
        id: newId(),
        organisation_id: scope.organisationId,
        child_id: child.id,
        from_team_id: child.team_id,
        to_team_id: team.id,
        from_begeleider_id: child.begeleider_id,
        to_begeleider_id: receiver.id,
        by_begeleider_id: scope.actorId,
        created_at: iso(deps.clock),
      })
      .execute()
  })
  // The old team's open live views of this child end now, not at their next reconnect.
  await deps.revocations.publish({ type: 'child', childId: child.id })
  deps.log.info('child moved', { child: child.id, toTeam: team.id, toBegeleider: receiver.id, by: scope.actorId })
}
