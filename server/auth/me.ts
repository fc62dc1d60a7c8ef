import { BegeleiderPicture, type Me, type SessionsOut } from '../../dialogs/contract/http'
import type { Deps } from '../deps'
import type { BegeleiderPrincipal } from './principal'

/** The account a login names, if it is active (the caller compares the password either way). */
export const activeBegeleider = (deps: Deps, username: string) =>
  deps.db
    .selectFrom('begeleiders')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst()

/** Who is logged in, as the begeleider's own screens show it. */
export async function meOf(deps: Deps, p: BegeleiderPrincipal): Promise<Me> {
  const org = await deps.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', p.organisationId)
    .executeTakeFirstOrThrow()
  const team = await deps.db.selectFrom('teams').select('name').where('id', '=', p.teamId).executeTakeFirstOrThrow()
  const mine = await deps.db
    .selectFrom('begeleiders')
    .select('picture')
    .where('id', '=', p.begeleiderId)
    .executeTakeFirst()
  const picture = BegeleiderPicture.safeParse(mine?.picture)
  return {
    id: p.begeleiderId,
    displayName: p.displayName,
    picture: picture.success ? picture.data : null,
    role: p.admin ? 'admin' : 'begeleider',
    organisation: org.name,
    team: team.name,
  }
}

/** The picture children see beside this begeleider's name; only the begeleider sets their own. */
export async function setPicture(deps: Deps, p: BegeleiderPrincipal, picture: BegeleiderPicture | null) {
  await deps.db.updateTable('begeleiders').set({ picture }).where('id', '=', p.begeleiderId).execute()
}

/** Every open session of this begeleider (other devices, an old login), newest first. */
export async function sessionsOf(deps: Deps, p: BegeleiderPrincipal): Promise<SessionsOut> {
  const rows = await deps.db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at'])
    .where('begeleider_id', '=', p.begeleiderId)
    .orderBy('created_at', 'desc')
    .execute()
  return {
    sessions: rows.map((r) => ({
      // A short, stable label, not the stored hash itself.
      id: r.id_hash.slice(0, 10),
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      current: r.id_hash === p.sessionHash,
    })),
  }
}

/** The stored hashes of this begeleider's other sessions (all but the one asking). */
export async function otherSessions(deps: Deps, p: BegeleiderPrincipal): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('sessions')
    .select('id_hash')
    .where('begeleider_id', '=', p.begeleiderId)
    .where('id_hash', '!=', p.sessionHash)
    .execute()
  return rows.map((r) => r.id_hash)
}
