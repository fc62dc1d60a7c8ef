import { iso } from '../clock'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { hashPassword } from './passwords'

/** Organisations, teams and begeleider accounts: used by the CLI, the demo seed and beheer. */
export async function createOrganisation(
  deps: Deps,
  input: {
    organisation: string
    team: string
    username: string
    displayName: string
    password: string
    role: 'admin' | 'begeleider'
  },
): Promise<{ organisationId: string; teamId: string; begeleiderId: string }> {
  const organisationId = newId()
  const teamId = newId()
  const begeleiderId = newId()
  const passwordHash = await hashPassword(input.password)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: organisationId, name: input.organisation, created_at: iso(deps.clock) })
      .execute()
    await trx
      .insertInto('teams')
      .values({ id: teamId, organisation_id: organisationId, name: input.team, created_at: iso(deps.clock) })
      .execute()
    await trx
      .insertInto('begeleiders')
      .values({
        id: begeleiderId,
        organisation_id: organisationId,
        team_id: teamId,
        username: input.username.toLowerCase(),
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        active: 1,
        created_at: iso(deps.clock),
      })
      .execute()
  })
  return { organisationId, teamId, begeleiderId }
}

export async function createBegeleider(
  deps: Deps,
  input: { teamId: string; username: string; displayName: string; password: string; role: 'admin' | 'begeleider' },
): Promise<string> {
  const team = await deps.db.selectFrom('teams').selectAll().where('id', '=', input.teamId).executeTakeFirstOrThrow()
  const id = newId()
  await deps.db
    .insertInto('begeleiders')
    .values({
      id,
      organisation_id: team.organisation_id,
      team_id: team.id,
      username: input.username.toLowerCase(),
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      role: input.role,
      active: 1,
      created_at: iso(deps.clock),
    })
    .execute()
  return id
}

export async function createTeam(deps: Deps, organisationId: string, name: string): Promise<string> {
  const id = newId()
  await deps.db
    .insertInto('teams')
    .values({ id, organisation_id: organisationId, name, created_at: iso(deps.clock) })
    .execute()
  return id
}
