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
import type { Audience } from '../../dialogs/sharing'
import { recordAccess, stepsInView } from '../audit/access-log'
import { gesprekFor } from '../auth/access'
import { devicePrincipal, devicePrincipalByHash, touchDevice } from '../auth/join-codes'
import { kamerPrincipal, kamerPrincipalByHash, touchKamer } from '../auth/kamer'
import type { Principal } from '../auth/principal'
import { TokenBucket } from '../auth/rate-limit'
import { SESSION_COOKIE, sessionPrincipal, sessionPrincipalByHash } from '../auth/sessions'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { errorFields } from '../log'

/** `checkedAt`: when the principal was last confirmed against the database (handshake or re-check). */
export type SocketData = {
  principal: Principal
  bucket: TokenBucket
  checkedAt: number
  /** Gesprekken this socket's child principal was found to own since the last re-check. */
  reaches?: Set<string>
}

/**
 * How long an open socket trusts its principal before looking again. Deactivation or a revoked token from
 * another process (the CLI) never reaches this process's rooms, so each socket re-checks on its own.
 */
export const PRINCIPAL_RECHECK_MS = 30_000
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** One room per gesprek and audience: a socket only ever receives its own audience's projection (SEC-01). */
export const roomOf = (gesprekId: string, audience: Audience) => `g:${gesprekId}:${audience}`
/** One room per session or device token, so a logout or revocation can reach its sockets. */
export const principalRoom = (p: Principal) => `p:${p.role === 'kind' ? p.tokenHash : p.sessionHash}`
/** One room per begeleider across all their sessions: logout everywhere and deactivation reach every socket. */
export const begeleiderRoom = (begeleiderId: string) => `b:${begeleiderId}`

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

export function createRealtime(httpServer: HttpServer, deps: Deps, host: GesprekHost): AppServer {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
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
    resolve.then(
      (principal) => {
        if (!principal) return next(new Error('not_logged_in'))
        socket.data.principal = principal
        socket.data.bucket = new TokenBucket(deps.clock, 10, 40)
        socket.data.checkedAt = deps.clock.now()
        next()
      },
      (err: unknown) => {
        deps.log.warn('socket auth failed', errorFields(err))
        next(new Error('internal'))
      },
    )
  })

  io.on('connection', (socket) => {
    void socket.join(principalRoom(socket.data.principal))
    if (socket.data.principal.role === 'begeleider')
      void socket.join(begeleiderRoom(socket.data.principal.begeleiderId))
    handle(socket, 'gesprek:join', async ({ gesprekId, lastSeq }) => {
      const p = socket.data.principal
      await kamerStillOpen(p)
      const row = await gesprekFor(deps, p, gesprekId)
      const audience: Audience = p.role === 'kind' ? 'kind' : 'begeleider'
      await socket.join(roomOf(gesprekId, audience))
      if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
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
    handle(socket, 'gesprek:command', async ({ gesprekId, clientMsgId, event }, reply) => {
      const p = socket.data.principal
      await kamerStillOpen(p)
      await mayReach(socket, gesprekId)
      if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
      // Acked from inside the host, after the commit and before the broadcast (architecture, the path).
      const { seq } = await host.command(p, gesprekId, clientMsgId, event, (r) => reply({ seq: r.seq }))
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

  // One frame per audience, encoded once for its whole room: a patch on the seq before, or a whole view.
  host.onCommitted((gesprekId, seq, frameFor) => {
    for (const audience of ['kind', 'begeleider'] as const) {
      const room = roomOf(gesprekId, audience)
      if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) === 0) continue
      const frame = frameFor(audience)
      if ('patch' in frame) io.to(room).emit('gesprek:patch', { gesprekId, seq, patch: frame.patch })
      else io.to(room).emit('gesprek:view', { gesprekId, seq, view: frame.view })
    }
  })

  /**
   * The ownership check, remembered per socket for a child: a device or kamer token is bound to its
   * gesprek or child for good, so after one look in the database the answer cannot change until the
   * principal is re-checked (which forgets it). Begeleiders are looked up on every command: a child can
   * move to another team at any moment.
   */
  async function mayReach(socket: AppSocket, gesprekId: string) {
    const p = socket.data.principal
    if (p.role === 'kind' && socket.data.reaches?.has(gesprekId)) return
    await gesprekFor(deps, p, gesprekId)
    if (p.role === 'kind') (socket.data.reaches ??= new Set()).add(gesprekId)
  }

  /** A kamer locks after a few idle minutes: checked before every event, not only at the handshake. */
  async function kamerStillOpen(p: Principal) {
    if (p.role !== 'kind' || !p.kamer || (await touchKamer(deps, p))) return
    // After the error ack has gone out, so the client learns why the line closed.
    setImmediate(() => endPrincipalSockets(io, p, 'locked'))
    throw new CodedError('session_expired', 401)
  }

  /**
   * At most once per PRINCIPAL_RECHECK_MS per socket: is the session or device token still there? A kamer
   * token is checked on every event by kamerStillOpen already. A fresh principal replaces the old one, so a
   * team move reaches open sockets too.
   */
  async function principalStillValid(socket: AppSocket) {
    const p = socket.data.principal
    const now = deps.clock.now()
    if (
      (p.role === 'kind' && p.kamer) ||
      (now - socket.data.checkedAt < PRINCIPAL_RECHECK_MS && now >= socket.data.checkedAt)
    )
      return
    const fresh: Principal | null =
      p.role === 'begeleider'
        ? await sessionPrincipalByHash(deps, p.sessionHash)
        : await devicePrincipalByHash(deps, p.tokenHash)
    if (fresh) {
      socket.data.principal = fresh
      socket.data.checkedAt = now
      socket.data.reaches = undefined
      return
    }
    // After the error ack has gone out, so the client learns why the line closed.
    setImmediate(() => endPrincipalSockets(io, p, 'expired'))
    throw new CodedError('session_expired', 401)
  }

  function handle<K extends C2SName>(
    socket: AppSocket,
    event: K,
    fn: (
      data: z.output<(typeof C2S)[K]>,
      /** Acks early (the command path acks before it broadcasts); the returned value is then not sent. */
      reply: (data: z.input<(typeof AckData)[K]>) => void,
    ) => Promise<z.input<(typeof AckData)[K]>>,
  ) {
    const listener = async (raw: unknown, ack: unknown) => {
      // An event without an ack callback is a protocol violation from a client we did not write.
      if (typeof ack !== 'function') return void socket.disconnect(true)
      let replied = false
      const reply = (r: unknown) => {
        if (replied) return
        replied = true
        ;(ack as (r: unknown) => void)(r)
      }
      const fail = (error: ErrorCode) => reply({ ok: false, error })
      if (!socket.data.bucket.take()) return fail('rate_limited')
      const parsed = C2S[event].safeParse(raw)
      if (!parsed.success) return fail('invalid_payload')
      try {
        await principalStillValid(socket)
        const data = await fn(parsed.data as z.output<(typeof C2S)[K]>, (d) => reply({ ok: true, data: d }))
        reply({ ok: true, data })
      } catch (err) {
        if (err instanceof CodedError) return fail(err.code)
        deps.log.error('socket handler failed', { event, ...errorFields(err) })
        fail('internal')
      }
    }
    socket.on(event as never, listener as never)
  }

  // A kamer left open on a phone locks by itself, also when nothing is sent any more (docs/kamer.md).
  const sweep = setInterval(() => void sweepIdleKamers(io, deps), KAMER_SWEEP_MS)
  sweep.unref()
  httpServer.once('close', () => clearInterval(sweep))

  return io
}

export const KAMER_SWEEP_MS = 30_000

/** Ends the sockets of kamer tokens that went idle, expired or were revoked since their last event. */
export async function sweepIdleKamers(io: AppServer, deps: Deps): Promise<number> {
  let ended = 0
  for (const socket of io.of('/').sockets.values()) {
    const p = socket.data.principal
    if (!p || p.role !== 'kind' || !p.kamer) continue
    try {
      if (await kamerPrincipalByHash(deps, p.tokenHash)) continue
    } catch (err) {
      deps.log.warn('kamer sweep failed', errorFields(err))
      continue
    }
    endPrincipalSockets(io, p, 'locked')
    ended++
  }
  return ended
}

/** Ends every socket of a session or device token (logout, lock, revocation). */
export function endPrincipalSockets(io: AppServer, p: Principal, reason: 'logout' | 'expired' | 'locked') {
  const room = principalRoom(p)
  io.to(room).emit('session:ended', { reason })
  io.in(room).disconnectSockets(true)
}

/** Ends every socket of every session of one begeleider. */
export function endBegeleiderSockets(io: AppServer, begeleiderId: string, reason: 'logout' | 'expired' | 'locked') {
  const room = begeleiderRoom(begeleiderId)
  io.to(room).emit('session:ended', { reason })
  io.in(room).disconnectSockets(true)
}
