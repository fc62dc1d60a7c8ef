import { iso } from '../clock'
import type { Deps } from '../deps'
import { hashToken, newToken } from '../ids'
import { writerOf } from '../store/sqlite-writer'
import type { BegeleiderPrincipal } from './principal'

export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000
const SESSION_COOKIE = 'kg_session'
/**
 * Behind TLS the cookie carries the __Host- prefix: browsers then accept it only with Secure, Path=/
 * and no Domain, so no other host under the same domain can set or shadow it. Over plain http (local
 * trials, tests) a browser would refuse a prefixed cookie, so there it keeps the plain name.
 */
export const sessionCookieName = (deps: Deps) => (deps.config.secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE)

/** Server-side begeleider sessions; the cookie holds a random token, the database only its hash. */
export async function createSession(deps: Deps, begeleiderId: string): Promise<string> {
  const token = newToken()
  await deps.db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      begeleider_id: begeleiderId,
      created_at: iso(deps.clock),
      last_seen_at: iso(deps.clock),
      expires_at: iso(deps.clock, SESSION_ABSOLUTE_MS),
    })
    .execute()
  return token
}

export async function sessionPrincipal(deps: Deps, token: string | undefined): Promise<BegeleiderPrincipal | null> {
  if (!token || token.length > 100) return null
  return sessionPrincipalByHash(deps, hashToken(token))
}

/** The same check by the stored hash: an open socket re-checks its session without the cookie. */
export async function sessionPrincipalByHash(deps: Deps, idHash: string): Promise<BegeleiderPrincipal | null> {
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('begeleiders', 'begeleiders.id', 'sessions.begeleider_id')
    .select([
      'sessions.id_hash',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'begeleiders.id',
      'begeleiders.organisation_id',
      'begeleiders.team_id',
      'begeleiders.role',
      'begeleiders.active',
      'begeleiders.display_name',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row) return null
  const now = deps.clock.now()
  if (!row.active || Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + SESSION_IDLE_MS <= now) {
    await deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
    return null
  }
  // Touch at most once a minute: a write per request would be wasted I/O.
  if (Date.parse(row.last_seen_at) + 60_000 <= now) await touchSession(deps, idHash)
  return {
    role: 'begeleider',
    begeleiderId: row.id,
    organisationId: row.organisation_id,
    teamId: row.team_id,
    admin: row.role === 'admin',
    displayName: row.display_name,
    sessionHash: idHash,
  }
}

export async function endSession(deps: Deps, idHash: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
}

export async function endAllSessions(deps: Deps, begeleiderId: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('begeleider_id', '=', begeleiderId).execute()
}

const touches = new WeakMap<Deps['db'], { hashes: Set<string>; written: Promise<void> }>()

/**
 * Sessions seen in one turn of the loop (a reconnect storm brings a caseload's sockets back at once)
 * are touched in one transaction, on the embedded database's writer thread: on the main thread each
 * touch waited for the write lock and its own disk sync while no socket was read (docs/decisions/0120).
 */
function touchSession(deps: Deps, idHash: string): Promise<void> {
  let batch = touches.get(deps.db)
  if (!batch) {
    const hashes = new Set<string>()
    const written = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        touches.delete(deps.db)
        const at = iso(deps.clock)
        const writer = writerOf(deps.db)
        const sql = 'update sessions set last_seen_at = ? where id_hash = ?'
        const done = writer
          ? writer.run([...hashes].map((h) => [sql, [at, h]]))
          : deps.db
              .updateTable('sessions')
              .set({ last_seen_at: at })
              .where('id_hash', 'in', [...hashes])
              .execute()
        done.then(() => resolve(), reject)
      }),
    )
    touches.set(deps.db, (batch = { hashes, written }))
  }
  batch.hashes.add(idHash)
  return batch.written
}
