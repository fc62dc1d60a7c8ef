import { CHILD_IDLE_MS, devicePrincipalByHash } from '../auth/join-codes'
import { KAMER_IDLE_MS, kamerPrincipalByHash } from '../auth/kamer'
import type { Principal } from '../auth/principal'
import { SESSION_IDLE_MS, sessionPrincipalByHash } from '../auth/sessions'
import type { Deps } from '../deps'

/**
 * When an open socket's right runs out by itself (absolute expiry or idle), read from the row behind
 * it. Activity elsewhere (an HTTP request, another socket) may have moved the row on since: the socket
 * layer looks again at this moment and only ends the socket if the row says so too.
 */
export async function deadlineOf(deps: Deps, p: Principal): Promise<number> {
  const row =
    p.role === 'begeleider'
      ? await deps.db
          .selectFrom('sessions')
          .select(['expires_at', 'last_seen_at'])
          .where('id_hash', '=', p.sessionHash)
          .executeTakeFirst()
      : await deps.db
          .selectFrom(p.kamer ? 'kamer_tokens' : 'device_tokens')
          .select(['expires_at', 'last_seen_at'])
          .where('token_hash', '=', p.tokenHash)
          .executeTakeFirst()
  if (!row) return 0
  const idle = p.role === 'begeleider' ? SESSION_IDLE_MS : p.kamer ? KAMER_IDLE_MS : CHILD_IDLE_MS
  return Math.min(Date.parse(row.expires_at), Date.parse(row.last_seen_at) + idle)
}

/** The principal as the database has it now (null: ended), with its next deadline. */
export async function freshPrincipal(deps: Deps, p: Principal): Promise<{ p: Principal; deadline: number } | null> {
  const fresh: Principal | null =
    p.role === 'begeleider'
      ? await sessionPrincipalByHash(deps, p.sessionHash)
      : p.kamer
        ? await kamerPrincipalByHash(deps, p.tokenHash)
        : await devicePrincipalByHash(deps, p.tokenHash)
  if (!fresh) return null
  return { p: fresh, deadline: await deadlineOf(deps, fresh) }
}
