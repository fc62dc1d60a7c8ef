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
import { projectForDevice } from '../../dialogs/projection'
import type { Audience } from '../../dialogs/sharing'
import { recordAccess, stepsInView } from '../audit/access-log'
import { gesprekFor } from '../auth/access'
import { CHILD_IDLE_MS, devicePrincipal, devicePrincipalByHash, touchDevice } from '../auth/join-codes'
import { kamerPrincipal, touchKamer } from '../auth/kamer'
import type { DevicePrincipal, Principal } from '../auth/principal'
import { TokenBucket } from '../auth/rate-limit'
import { sessionCookieName, sessionPrincipal, sessionPrincipalByHash } from '../auth/sessions'
import { soloCluster, type Cluster } from '../cluster/cluster'
import type { Deps } from '../deps'
import { DEVICE_END_PHASES, endGesprekDevices, revokeDeviceByHash } from '../gesprek/devices'
import { RoomFrames, type Frame } from '../gesprek/delta'
import type { CommandResult, GesprekHost, SeqFor, SeqReader } from '../gesprek/host'
import { errorFields } from '../log'
import { ownOrigins } from '../http/security'
import { deadlineOf, freshPrincipal } from './deadlines'
import type { RevocationNotice, RevocationReason } from './revocations'

/**
 * `deadline`: when the principal runs out by itself (expiry, idle) as far as this socket knows; looked
 * at again then. `touchedAt`: when a begeleider's session was last kept alive through this socket.
 */
export type SocketData = {
  principal: Principal
  deadline: number
  touchedAt: number
  /** Per gesprek a begeleider watches: which parts are logged as seen. */
  seen?: Map<string, { childId: string; steps: Set<string> }>
  /** Gesprekken this socket's child principal was found to own since its principal was last refreshed. */
  reaches?: Set<string>
  /** A later screen not yet approved: the seq of the last view it was sent, in its own units (ADR 0050). */
  pendingSeq?: number
}

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
/** Unapproved child devices of a gesprek: each gets its own view (ADR 0010). */
export const pendingRoomOf = (gesprekId: string) => `g:${gesprekId}:pending`
/** The child's own devices, as a standing: they see everything the child's own devices made. */
const CHILD_OWN = { deviceId: '', trusted: true }
/** Every child device of one guided gesprek: the end of the gesprek reaches them all. */
export const devicesRoom = (gesprekId: string) => `d:${gesprekId}`
const principalKey = (p: Principal) => principalRoom(p)
/** Whose seq a principal is told (ADR 0050): a later screen the child has not approved counts its own. */
const readerOf = (p: Principal): SeqReader =>
  p.role !== 'kind' ? 'begeleider' : p.kamer || p.trusted ? 'kind' : { pending: p.deviceId }

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
      // Our origins never come from the Host header the client sent (server/http/security.ts).
      const origin = req.headers.origin
      cb(null, !origin || ownOrigins(deps).includes(origin))
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
      : sessionPrincipal(deps, cookieValue(socket.request, sessionCookieName(deps)))
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
      // With other nodes a notice may still be on its way: a join reads the gesprek from the database.
      if (cluster.adapter) host.forget(gesprekId)
      if (p.role === 'kind') {
        const device = p.kamer ? null : p
        // An unapproved device has its own view (ADR 0010): never the child's room.
        await socket.join(device && !device.trusted ? pendingRoomOf(gesprekId) : roomOf(gesprekId, 'kind'))
        await touchDevice(deps, p.tokenHash)
        const { seq, view } = await host.view(gesprekId, 'kind', readerOf(p))
        const shown = device ? await viewForDevice(view, gesprekId, device) : view
        if (!device || device.trusted) frames.joined(roomOf(gesprekId, 'kind'), seq, shown)
        else socket.data.pendingSeq = Math.max(seq, socket.data.pendingSeq ?? 0)
        if (device) setImmediate(() => void announcePending(gesprekId))
        return { seq, view: lastSeq === seq ? null : shown }
      }
      const room = roomOf(gesprekId, 'begeleider')
      await socket.join(room)
      const { seq, view } = await host.view(gesprekId, 'begeleider')
      // A begeleider's look is logged before they get anything; no log line, no live view (docs/deelafspraak.md).
      const stepIds = stepsInView(view)
      await recordAccess(deps, {
        begeleiderId: p.begeleiderId,
        childId: row.child_id,
        gesprekId,
        stepIds,
        what: 'live',
      }).catch(async (err: unknown) => {
        await socket.leave(room)
        throw err
      })
      socket.data.seen ??= new Map()
      socket.data.seen.set(gesprekId, { childId: row.child_id, steps: new Set(stepIds) })
      frames.joined(room, seq, view)
      return { seq, view: lastSeq === seq ? null : view }
    })
    handle(socket, 'device:answer', async ({ gesprekId, deviceId, allow }) => {
      const p = socket.data.principal
      // Only a screen the child already holds says yes or no to another one.
      if (p.role !== 'kind' || p.kamer || !p.trusted || p.gesprekId !== gesprekId)
        throw new CodedError('forbidden', 403)
      const target = await deps.db
        .selectFrom('device_tokens')
        .select(['token_hash', 'trusted', 'revoked_at'])
        .where('gesprek_id', '=', gesprekId)
        .where('device_id', '=', deviceId)
        .executeTakeFirst()
      if (!target || target.revoked_at || target.trusted === 1) throw new CodedError('not_found', 404)
      if (allow) {
        await deps.db
          .updateTable('device_tokens')
          .set({ trusted: 1 })
          .where('token_hash', '=', target.token_hash)
          .execute()
        host.devices.noteTrusted(gesprekId, deviceId)
        await deps.revocations.publish({ kind: 'device', tokenHash: target.token_hash })
      } else await revokeDeviceByHash(deps, target.token_hash)
      setImmediate(() => void announcePending(gesprekId))
      return {}
    })
    handle(socket, 'gesprek:command', async ({ gesprekId, clientMsgId, event }, reply) => {
      const p = socket.data.principal
      await kamerStillOpen(p)
      await mayReach(socket, gesprekId)
      if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
      // Acked from inside the host, after the commit and before the broadcast (architecture, the path).
      // Everyone is acked in their own seq: the child's private edits move only the child's (ADR 0050).
      const seqOf = (r: CommandResult) => r.seqFor(readerOf(p))
      const result = await host.command(p, gesprekId, clientMsgId, event, (r) => reply({ seq: seqOf(r) }))
      return { seq: seqOf(result) }
    })
    socket.onAny((event: unknown, ...args: unknown[]) => {
      // Own keys only: with `in`, 'toString' or '__proto__' counted as known and went unanswered (fuzz finding).
      if (typeof event === 'string' && Object.hasOwn(C2S, event)) return
      const ack = args.at(-1)
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: 'unknown_event' })
      else socket.disconnect(true)
    })
  })

  /** Per room, what its last frame showed: the next one is a patch on it. */
  const frames = new RoomFrames()
  io.of('/').adapter.on('delete-room', (room: string) => frames.drop(room))
  /** One broadcast at a time per gesprek, so frames leave in commit order. */
  const broadcasts = new Map<string, Promise<void>>()
  const queueBroadcast = (gesprekId: string, seq: number, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor) => {
    const before = broadcasts.get(gesprekId) ?? Promise.resolve()
    const run = before
      .then(() => broadcast(gesprekId, seq, viewFor, seqFor))
      .catch((err: unknown) => deps.log.error('broadcast failed', errorFields(err)))
    broadcasts.set(gesprekId, run)
    void run.then(() => {
      if (broadcasts.get(gesprekId) === run) broadcasts.delete(gesprekId)
    })
    return run
  }
  const hasLocalSockets = (room: string) => (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0

  host.onCommitted((gesprekId, seq, viewFor, seqFor) => {
    const run = queueBroadcast(gesprekId, seq, viewFor, seqFor)
    // The other nodes hear only "gesprek G is at seq N" and project for their own sockets from the database.
    void cluster.publish({ t: 'seq', g: gesprekId, s: seq })
    const kindView = viewFor('kind')
    if (kindView.setting === 'begeleid' && DEVICE_END_PHASES.includes(kindView.phase))
      // After the command's ack and this frame have gone out: the child's screen has the last view (its
      // keepsake, ADR 0085) before its token ends.
      void run.then(() =>
        setImmediate(
          () =>
            void endGesprekDevices(deps, gesprekId).catch((err: unknown) =>
              deps.log.error('ending devices failed', errorFields(err)),
            ),
        ),
      )
  })

  /**
   * The one place that sends views. Only to this node's own sockets (io.local, per-socket emits):
   * a projection never travels through Redis; other nodes project from the database after a seq notice.
   */
  async function broadcast(gesprekId: string, seq: number, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor) {
    const kindRoom = roomOf(gesprekId, 'kind')
    const pendingRoom = pendingRoomOf(gesprekId)
    const hasKind = hasLocalSockets(kindRoom)
    const pending = socketsIn(io, pendingRoom)
    if (!hasKind) frames.drop(kindRoom)
    if (hasKind || pending.length > 0) {
      const view = viewFor('kind')
      const book = await host.devices.book(gesprekId)
      const kindSeq = seqFor('kind')
      if (hasKind && !frames.holds(kindRoom, kindSeq)) {
        const own = { ...view, items: projectForDevice(view.items, CHILD_OWN, book) }
        emitFrame(kindRoom, gesprekId, kindSeq, frames.frame(kindRoom, kindSeq, own, false))
      }
      // Each later screen sees its own items too: a whole view each (there are few, and rarely), in its
      // own seq, and only when that seq moved: the child's private edits send it nothing (ADR 0050).
      for (const s of pending) {
        const p = s.data.principal
        // Approved meanwhile: the approval sends the child's view in the child's seq.
        if (p.role !== 'kind' || p.kamer || p.trusted) continue
        const own = seqFor({ pending: p.deviceId })
        if (own <= (s.data.pendingSeq ?? -1)) continue
        s.data.pendingSeq = own
        s.emit('gesprek:view', { gesprekId, seq: own, view: { ...view, items: projectForDevice(view.items, p, book) } })
      }
    }
    const room = roomOf(gesprekId, 'begeleider')
    const watchers = socketsIn(io, room)
    if (watchers.length === 0) return frames.drop(room)
    // The begeleider's frames count in their own seq (ADR 0050), bases included: a private edit moves
    // neither, so a patch's base never says how many private edits came before it. An unmoved seq means
    // their view did not change: no frame.
    const shownSeq = seqFor('begeleider')
    if (frames.holds(room, shownSeq)) return
    const view = viewFor('begeleider')
    // Nothing they may see changed: no frame, so the timing of private work stays private.
    const frame = frames.frame(room, shownSeq, view, true)
    if (frame.kind === 'patch' && !frame.changed) return
    const stepIds = stepsInView(frame.kind === 'view' ? view : { items: frame.upserted })
    const without: string[] = []
    for (const s of watchers) {
      const p = s.data.principal
      const seen = s.data.seen?.get(gesprekId)
      // Still being logged at its join: it gets its view from the join's answer, not from here.
      if (p.role !== 'begeleider' || !seen) {
        without.push(s.id)
        continue
      }
      const fresh = stepIds.filter((id) => !seen.steps.has(id))
      if (fresh.length === 0) continue
      // Parts that reach this screen after the join are on the child's receipt too; no log line, no frame.
      const logged = await recordAccess(deps, {
        begeleiderId: p.begeleiderId,
        childId: seen.childId,
        gesprekId,
        stepIds: fresh,
        what: 'live',
      }).then(
        () => true,
        (err: unknown) => {
          deps.log.error('live access not logged', errorFields(err))
          return false
        },
      )
      if (!logged) {
        without.push(s.id)
        await s.leave(room)
        continue
      }
      for (const id of fresh) seen.steps.add(id)
    }
    emitFrame(room, gesprekId, shownSeq, frame, without)
  }

  /**
   * One frame to a whole room, encoded once for all its sockets; this node's sockets only (io.local):
   * a projection never travels through Redis.
   */
  function emitFrame(room: string, gesprekId: string, seq: number, frame: Frame, without: string[] = []) {
    const to = without.length > 0 ? io.local.to(room).except(without) : io.local.to(room)
    if (frame.kind === 'view') to.emit('gesprek:view', { gesprekId, seq, view: frame.view })
    else to.emit('gesprek:patch', { gesprekId, seq, base: frame.base, patch: frame.patch })
  }

  /** The child's own screens learn which later screens wait for their yes ("Mag dit scherm ook meedoen?"). */
  async function announcePending(gesprekId: string) {
    try {
      const now = deps.clock.now()
      const rows = await deps.db
        .selectFrom('device_tokens')
        .select(['device_id', 'created_at', 'expires_at', 'last_seen_at'])
        .where('gesprek_id', '=', gesprekId)
        .where('trusted', '=', 0)
        .where('revoked_at', 'is', null)
        .execute()
      const devices = rows
        .filter(
          (r) => r.device_id && Date.parse(r.expires_at) > now && Date.parse(r.last_seen_at) + CHILD_IDLE_MS > now,
        )
        .map((r) => ({ deviceId: r.device_id!, joinedAt: r.created_at }))
      io.to(roomOf(gesprekId, 'kind')).emit('devices:pending', { gesprekId, devices })
    } catch (err) {
      deps.log.warn('pending devices not announced', errorFields(err))
    }
  }

  async function viewForDevice(view: GesprekView, gesprekId: string, device: DevicePrincipal): Promise<GesprekView> {
    const book = await host.devices.book(gesprekId)
    return { ...view, items: projectForDevice(view.items, device, book) }
  }

  /** The child approved a device: its sockets move to the child's room and get the child's view. */
  const unsubscribeDevices = deps.revocations.subscribe(async (notice) => {
    if (notice.kind !== 'device') return
    for (const s of socketsIn(io, `p:${notice.tokenHash}`)) {
      const fresh = await devicePrincipalByHash(deps, notice.tokenHash)
      if (!fresh) {
        endPrincipalSockets(io, s.data.principal, 'expired')
        return
      }
      s.data.principal = fresh
      if (!fresh.trusted || !s.rooms.has(pendingRoomOf(fresh.gesprekId))) continue
      // The approval may have been given on another node: this node's ledger learns it too.
      host.devices.noteTrusted(fresh.gesprekId, fresh.deviceId)
      await s.leave(pendingRoomOf(fresh.gesprekId))
      await s.join(roomOf(fresh.gesprekId, 'kind'))
      const { seq, view } = await host.view(fresh.gesprekId, 'kind')
      s.emit('gesprek:view', {
        gesprekId: fresh.gesprekId,
        seq,
        view: await viewForDevice(view, fresh.gesprekId, fresh),
      })
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

  cluster.onNotice((notice) => {
    if (notice.t === 'erased') {
      deps.keys.forget(notice.child)
      return host.forgetChild(notice.child)
    }
    if (notice.t !== 'seq') return
    const gesprekId = notice.g
    const watched = [roomOf(gesprekId, 'kind'), pendingRoomOf(gesprekId), roomOf(gesprekId, 'begeleider')]
    if (!watched.some(hasLocalSockets)) return host.forget(gesprekId) // nobody here watches it: drop the cached copy
    // Another node's commit: bring the cache up to its seq, then the same broadcast as after a local commit.
    host.refresh(gesprekId, notice.s).then(
      (fresh) => fresh && queueBroadcast(gesprekId, fresh.seq, fresh.viewFor, fresh.seqFor),
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
      socket.data.reaches = undefined
      return
    }
    // After the error ack has gone out, so the client learns why the line closed.
    setImmediate(() => endPrincipalSockets(io, p, p.role === 'kind' && p.kamer ? 'locked' : 'expired'))
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
      if (!buckets.take(socket.data.principal)) return fail('rate_limited')
      // A key that JSON keeps but an object drops (`__proto__`) was accepted as a no-op before: refuse it.
      if (hasPrototypeKey(raw)) return fail('invalid_payload')
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
    unsubscribeDevices()
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
      // A kamer token that ended takes its kamer's key out of this node's memory too, not only its sockets.
      deps.kamerKeys.forgetToken(notice.tokenHash)
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

/** Deeper than any valid payload nests; a deeper one is refused outright. */
const MAX_PAYLOAD_DEPTH = 32

/**
 * Whether a parsed JSON payload has an own `__proto__`, `constructor` or `prototype` key anywhere, or nests
 * deeper than MAX_PAYLOAD_DEPTH. Iterative, so no depth can overflow the stack (fuzz finding).
 */
export function hasPrototypeKey(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.value === null || typeof top.value !== 'object') continue
    if (top.depth > MAX_PAYLOAD_DEPTH) return true
    for (const key of Object.keys(top.value)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return true
      stack.push({ value: (top.value as Record<string, unknown>)[key], depth: top.depth + 1 })
    }
  }
  return false
}
