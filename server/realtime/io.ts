import type { IncomingMessage, Server as HttpServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import type * as z from 'zod'
import { CodedError, type ErrorCode } from '../../dialogs/contract/errors'
import {
  AckData,
  C2S,
  HandshakeAuth,
  type C2SName,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
} from '../../dialogs/contract/socket'
import type { GesprekView } from '../../dialogs/contract/view'
import type { Audience } from '../../dialogs/sharing'
import { recordAccess, stepsInView } from '../audit/access-log'
import { gesprekFor } from '../auth/access'
import { devicePrincipal, touchDevice } from '../auth/join-codes'
import { kamerPrincipal, touchKamer } from '../auth/kamer'
import type { Principal } from '../auth/principal'
import { TokenBucket } from '../auth/rate-limit'
import { SESSION_COOKIE, sessionPrincipal, sessionPrincipalByHash } from '../auth/sessions'
import { soloCluster, type Cluster } from '../cluster/cluster'
import type { Deps } from '../deps'
import { DEVICE_END_PHASES, endGesprekDevices } from '../gesprek/devices'
import type { GesprekHost } from '../gesprek/host'
import { errorFields } from '../log'
import { deadlineOf, freshPrincipal } from './deadlines'
import type { RevocationNotice, RevocationReason } from './revocations'

/**
 * `deadline`: when the principal runs out by itself (expiry, idle) as far as this socket knows; looked
 * at again then. `touchedAt`: when a begeleider's session was last kept alive through this socket.
 */
export type SocketData = { principal: Principal; deadline: number; touchedAt: number }

/**
 * How often open sockets are held against their deadlines: a session or token that expires or goes
 * idle loses its sockets within a second, also when nothing is sent (revocations arrive as notices).
 */
export const DEADLINE_SWEEP_MS = 250
/** A live begeleider socket keeps its session alive like a page does: at most one write a minute. */
const SESSION_TOUCH_MS = 60_000
/** Commands per token or session, across all its sockets: a steady rate with a burst. */
const COMMANDS_PER_SEC = 10
const COMMAND_BURST = 40
/** Open sockets per token or session: a tablet, a reconnect in flight and some slack, not 25. */
export const MAX_SOCKETS_PER_PRINCIPAL = 5
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** One room per gesprek and audience: a socket only ever receives its own audience's projection (SEC-01). */
export const roomOf = (gesprekId: string, audience: Audience) => `g:${gesprekId}:${audience}`
/** One room per session or device token, so a logout or revocation can reach its sockets. */
export const principalRoom = (p: Principal) => `p:${p.role === 'kind' ? p.tokenHash : p.sessionHash}`
/** One room per begeleider across all their sessions: logout everywhere and deactivation reach every socket. */
export const begeleiderRoom = (begeleiderId: string) => `b:${begeleiderId}`
/** Every child device of one guided gesprek: the end of the gesprek reaches them all. */
export const devicesRoom = (gesprekId: string) => `d:${gesprekId}`
const principalKey = (p: Principal) => principalRoom(p)

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

export function createRealtime(
  httpServer: HttpServer,
  deps: Deps,
  host: GesprekHost,
  cluster: Cluster = soloCluster(),
): AppServer {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Several nodes: room broadcasts (logout, revocation, deactivation) reach every node's sockets.
    ...(cluster.adapter ? { adapter: cluster.adapter as never } : {}),
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // WebSockets are not covered by CORS: check Origin ourselves (stack-notes pitfall 15).
    allowRequest: (req, cb) => {
      const origin = req.headers.origin
      const own = `${deps.config.secure ? 'https' : 'http'}://${req.headers.host ?? ''}`
      cb(null, !origin || origin === own || deps.config.origins.includes(origin))
    },
  })

  const buckets = new PrincipalBuckets(deps)

  // Runs on every connection, reconnects included: a revoked session or token never gets back in.
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {})
    if (!auth.success) return next(new Error('invalid_payload'))
    const token = auth.data.token
    // A token is a guided gesprek's device token or a jongere's kamer token; both are 192-bit random.
    const resolve: Promise<Principal | null> = token
      ? devicePrincipal(deps, token).then(
          (p): Promise<Principal | null> | Principal => p ?? kamerPrincipal(deps, token),
        )
      : sessionPrincipal(deps, cookieValue(socket.request, SESSION_COOKIE))
    resolve
      .then(async (principal) => (principal ? { principal, deadline: await deadlineOf(deps, principal) } : null))
      .then(
        (found) => {
          if (!found) return next(new Error('not_logged_in'))
          const room = io.sockets.adapter.rooms.get(principalRoom(found.principal))
          if ((room?.size ?? 0) >= MAX_SOCKETS_PER_PRINCIPAL) return next(new Error('too_many_connections'))
          socket.data.principal = found.principal
          socket.data.deadline = found.deadline
          socket.data.touchedAt = deps.clock.now()
          next()
        },
        (err: unknown) => {
          deps.log.warn('socket auth failed', errorFields(err))
          next(new Error('internal'))
        },
      )
  })

  io.on('connection', (socket) => {
    const first = socket.data.principal
    void socket.join(principalRoom(first))
    if (first.role === 'begeleider') void socket.join(begeleiderRoom(first.begeleiderId))
    else if (!first.kamer) void socket.join(devicesRoom(first.gesprekId))
    handle(socket, 'gesprek:join', async ({ gesprekId, lastSeq }) => {
      const p = socket.data.principal
      await kamerStillOpen(p)
      const row = await gesprekFor(deps, p, gesprekId)
      const audience: Audience = p.role === 'kind' ? 'kind' : 'begeleider'
      await socket.join(roomOf(gesprekId, audience))
      if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
      // With other nodes a notice may still be on its way: a join reads the gesprek from the database.
      if (cluster.adapter) host.forget(gesprekId)
      const { seq, view } = await host.view(gesprekId, audience)
      // A begeleider's look is logged before they get anything; no log line, no live view (SEC-08).
      if (p.role === 'begeleider') {
        const entry = { begeleiderId: p.begeleiderId, childId: row.child_id, gesprekId, stepIds: stepsInView(view) }
        await recordAccess(deps, { ...entry, what: 'live' }).catch(async (err: unknown) => {
          await socket.leave(roomOf(gesprekId, audience))
          throw err
        })
      }
      return { seq, view: lastSeq === seq ? null : view }
    })
    handle(socket, 'gesprek:command', async ({ gesprekId, clientMsgId, event }) => {
      const p = socket.data.principal
      await kamerStillOpen(p)
      await gesprekFor(deps, p, gesprekId)
      const { seq } = await host.command(p, gesprekId, clientMsgId, event)
      if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
      return { seq }
    })
    socket.onAny((event: unknown, ...args: unknown[]) => {
      // Own keys only: with `in`, 'toString' or '__proto__' counted as known and went unanswered (fuzz finding).
      if (typeof event === 'string' && Object.hasOwn(C2S, event)) return
      const ack = args.at(-1)
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: 'unknown_event' })
      else socket.disconnect(true)
    })
  })

  /**
   * Views go to this node's own sockets only (io.local): a projection never travels through Redis.
   * Other nodes hear "gesprek G is at seq N" and project for their own sockets from the database.
   */
  const projectLocally = (gesprekId: string, seq: number, viewFor: (audience: Audience) => GesprekView) => {
    for (const audience of ['kind', 'begeleider'] as const) {
      const room = roomOf(gesprekId, audience)
      if (!hasLocalSockets(room)) continue
      io.local.to(room).emit('gesprek:view', { gesprekId, seq, view: viewFor(audience) })
    }
  }
  const hasLocalSockets = (room: string) => (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0

  host.onCommitted((gesprekId, seq, viewFor) => {
    projectLocally(gesprekId, seq, viewFor)
    void cluster.publish({ t: 'seq', g: gesprekId, s: seq })
    const kindView = viewFor('kind')
    if (kindView.setting === 'begeleid' && DEVICE_END_PHASES.includes(kindView.phase))
      // After the command's ack has gone out: the child sees "stopped", then the screen empties.
      setImmediate(
        () =>
          void endGesprekDevices(deps, gesprekId).catch((err: unknown) =>
            deps.log.error('ending devices failed', errorFields(err)),
          ),
      )
  })

  cluster.onNotice((notice) => {
    if (notice.t === 'erased') {
      deps.keys.forget(notice.child)
      return host.forgetChild(notice.child)
    }
    if (notice.t !== 'seq') return
    const gesprekId = notice.g
    if (!hasLocalSockets(roomOf(gesprekId, 'kind')) && !hasLocalSockets(roomOf(gesprekId, 'begeleider')))
      return host.forget(gesprekId) // nobody here watches it: just stop trusting the cached copy
    host.refresh(gesprekId, notice.s).then(
      (fresh) => fresh && projectLocally(gesprekId, fresh.seq, fresh.viewFor),
      (err: unknown) => deps.log.warn('refresh after notice failed', errorFields(err)),
    )
  })

  /** A kamer locks after a few idle minutes: checked before every event, not only at the handshake. */
  async function kamerStillOpen(p: Principal) {
    if (p.role !== 'kind' || !p.kamer || (await touchKamer(deps, p))) return
    // After the error ack has gone out, so the client learns why the line closed.
    setImmediate(() => endPrincipalSockets(io, p, 'locked'))
    throw new CodedError('session_expired', 401)
  }

  /**
   * Before every event: past its deadline, or (for a begeleider) a minute since the session was last
   * kept alive, the principal is read again. Revocations do not wait for this: they arrive as notices.
   */
  async function principalStillValid(socket: AppSocket) {
    const p = socket.data.principal
    const now = deps.clock.now()
    const touch =
      p.role === 'begeleider' && (now - socket.data.touchedAt >= SESSION_TOUCH_MS || now < socket.data.touchedAt)
    if (now < socket.data.deadline && !touch) return
    const fresh = await freshPrincipal(deps, p)
    if (fresh) {
      socket.data.principal = fresh.p
      socket.data.deadline = fresh.deadline
      socket.data.touchedAt = now
      return
    }
    // After the error ack has gone out, so the client learns why the line closed.
    setImmediate(() => endPrincipalSockets(io, p, p.role === 'kind' && p.kamer ? 'locked' : 'expired'))
    throw new CodedError('session_expired', 401)
  }

  function handle<K extends C2SName>(
    socket: AppSocket,
    event: K,
    fn: (data: z.output<(typeof C2S)[K]>) => Promise<z.input<(typeof AckData)[K]>>,
  ) {
    const listener = async (raw: unknown, ack: unknown) => {
      // An event without an ack callback is a protocol violation from a client we did not write.
      if (typeof ack !== 'function') return void socket.disconnect(true)
      const reply = ack as (r: unknown) => void
      const fail = (error: ErrorCode) => reply({ ok: false, error })
      if (!buckets.take(socket.data.principal)) return fail('rate_limited')
      const parsed = C2S[event].safeParse(raw)
      if (!parsed.success) return fail('invalid_payload')
      try {
        await principalStillValid(socket)
        reply({ ok: true, data: await fn(parsed.data as z.output<(typeof C2S)[K]>) })
      } catch (err) {
        if (err instanceof CodedError) return fail(err.code)
        deps.log.error('socket handler failed', { event, ...errorFields(err) })
        fail('internal')
      }
    }
    socket.on(event as never, listener as never)
  }

  // Expiry and idle end sockets by themselves, also when nothing is sent (docs/kamer.md, docs/security.md).
  const rechecking = new Set<string>()
  const sweep = setInterval(() => {
    const now = deps.clock.now()
    for (const socket of io.of('/').sockets.values()) {
      const p = socket.data.principal
      if (!p || now < socket.data.deadline) continue
      const key = principalKey(p)
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
    buckets.prune(now)
  }, DEADLINE_SWEEP_MS)
  sweep.unref()
  const unsubscribe = deps.revocations.subscribe((notice) => applyRevocation(io, deps, notice))
  httpServer.once('close', () => {
    clearInterval(sweep)
    unsubscribe()
  })

  return io
}

/** Command budgets per token or session, shared by all its sockets (one token, many sockets: one budget). */
class PrincipalBuckets {
  private buckets = new Map<string, { bucket: TokenBucket; used: number }>()
  constructor(private readonly deps: Deps) {}
  take(p: Principal): boolean {
    const key = principalKey(p)
    let entry = this.buckets.get(key)
    if (!entry)
      this.buckets.set(
        key,
        (entry = { bucket: new TokenBucket(this.deps.clock, COMMANDS_PER_SEC, COMMAND_BURST), used: 0 }),
      )
    entry.used = this.deps.clock.now()
    return entry.bucket.take()
  }
  /** A bucket unused for a minute is full again anyway: forget it. */
  prune(now: number) {
    if (this.buckets.size < 1000) return
    for (const [k, v] of this.buckets) if (now - v.used > 60_000) this.buckets.delete(k)
  }
}

function socketsIn(io: AppServer, room: string): AppSocket[] {
  const ids = io.sockets.adapter.rooms.get(room)
  if (!ids) return []
  return [...ids].flatMap((id) => {
    const s = io.sockets.sockets.get(id)
    return s ? [s] : []
  })
}

/** Ends this node's sockets that a notice covers; the notice reaches the other nodes on its own. */
export async function applyRevocation(io: AppServer, deps: Deps, notice: RevocationNotice): Promise<void> {
  switch (notice.kind) {
    case 'begeleider':
      return endRoom(io, begeleiderRoom(notice.begeleiderId), notice.reason)
    case 'session':
      return endRoom(io, `p:${notice.sessionHash}`, notice.reason)
    case 'token':
      return endRoom(io, `p:${notice.tokenHash}`, notice.reason)
    case 'gesprek':
      return endRoom(io, devicesRoom(notice.gesprekId), notice.reason)
    case 'child':
      return recheckChildRooms(io, deps, notice.childId)
    case 'device':
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
