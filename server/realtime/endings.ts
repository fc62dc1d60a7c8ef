import { gesprekFor } from '../auth/access'
import type { Principal } from '../auth/principal'
import { sessionPrincipalByHash } from '../auth/sessions'
import type { Deps } from '../deps'
import { errorFields } from '../log'
import { freshPrincipal } from './deadlines'
import type { RevocationNotice, RevocationReason } from './revocations'
import { begeleiderRoom, devicesRoom, hashRoom, principalRoom, roomOf, socketsIn } from './rooms'
import type { AppServer } from './types'

/**
 * When a right ends, its open sockets end within a second (docs/security.md, ADR 0011): by a revocation
 * notice when someone ends it, by the deadline sweep when it runs out by itself (expiry, idle).
 */

/**
 * How often open sockets are held against their deadlines: a session or token that expires or goes
 * idle loses its sockets within a second, also when nothing is sent (revocations arrive as notices).
 */
const DEADLINE_SWEEP_MS = 250

/** Ends this node's sockets that a notice covers; the notice reaches the other nodes on its own. */
export async function applyRevocation(io: AppServer, deps: Deps, notice: RevocationNotice): Promise<void> {
  switch (notice.type) {
    case 'begeleider':
      return endRoom(io, begeleiderRoom(notice.begeleiderId), notice.reason)
    case 'session':
      return endRoom(io, hashRoom(notice.sessionHash), notice.reason)
    case 'token':
      // A kamer token that ended takes its kamer's key out of this node's memory too, not only its sockets.
      deps.kamerKeys.forgetToken(notice.tokenHash)
      return endRoom(io, hashRoom(notice.tokenHash), notice.reason)
    case 'gesprek':
      return endRoom(io, devicesRoom(notice.gesprekId), notice.reason)
    case 'child':
      return recheckChildRooms(io, deps, notice.childId)
    case 'device':
      // A device's standing changed: the devices handler moves its sockets (handlers/devices.ts).
      return
  }
}

/**
 * Who may see a child changed (a team move, erasure): every begeleider socket in one of the child's
 * gesprek rooms is held against the database again and leaves the rooms it no longer may be in.
 */
async function recheckChildRooms(io: AppServer, deps: Deps, childId: string): Promise<void> {
  const rows = await deps.db.selectFrom('gesprekken').select('id').where('child_id', '=', childId).execute()
  for (const { id } of rows) {
    const room = roomOf(id, 'begeleider')
    for (const socket of socketsIn(io, room)) {
      const p = socket.data.principal
      if (p.role !== 'begeleider') continue
      const fresh = await sessionPrincipalByHash(deps, p.sessionHash)
      if (!fresh) {
        endPrincipalSockets(io, p, 'expired')
        continue
      }
      socket.data.principal = fresh
      const still = await gesprekFor(deps, fresh, id).then(
        () => true,
        () => false,
      )
      if (still) continue
      await socket.leave(room)
      socket.emit('gesprek:ended', { gesprekId: id })
    }
  }
}

function endRoom(io: AppServer, room: string, reason: RevocationReason) {
  io.local.to(room).emit('session:ended', { reason })
  io.local.in(room).disconnectSockets(true)
}

/** Ends every socket of a session or device token (logout, lock, revocation), on every node. */
export function endPrincipalSockets(io: AppServer, p: Principal, reason: 'logout' | 'expired' | 'locked') {
  const room = principalRoom(p)
  io.to(room).emit('session:ended', { reason })
  io.in(room).disconnectSockets(true)
}

/**
 * Expiry and idle end sockets by themselves, also when nothing is sent (docs/kamer.md, docs/security.md):
 * every socket past its deadline has its principal read again, once per principal at a time. Returns
 * the stop.
 */
export function sweepDeadlines(io: AppServer, deps: Deps, alsoEachTurn: (now: number) => void): () => void {
  const rechecking = new Set<string>()
  const sweep = setInterval(() => {
    const now = deps.clock.now()
    for (const socket of io.of('/').sockets.values()) {
      const p = socket.data.principal
      if (!p || now < socket.data.deadline) continue
      const key = principalRoom(p)
      if (rechecking.has(key)) continue
      rechecking.add(key)
      void freshPrincipal(deps, p)
        .then((fresh) => {
          if (!fresh) return endPrincipalSockets(io, p, p.role === 'kind' && p.kamer ? 'locked' : 'expired')
          for (const s of socketsIn(io, principalRoom(p))) {
            s.data.principal = fresh.p
            s.data.deadline = fresh.deadline
          }
        })
        .catch((err: unknown) => deps.log.warn('deadline check failed', errorFields(err)))
        .finally(() => rechecking.delete(key))
    }
    alsoEachTurn(now)
  }, DEADLINE_SWEEP_MS)
  sweep.unref()
  return () => clearInterval(sweep)
}
