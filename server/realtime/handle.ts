import type * as z from 'zod'
import { CodedError, type ErrorCode } from '../../dialogs/contract/errors'
import { AckData, C2S, type C2SName } from '../../dialogs/contract/socket'
import { touchKamer } from '../auth/kamer'
import type { Principal } from '../auth/principal'
import { TokenBucket } from '../auth/rate-limit'
import type { Deps } from '../deps'
import { errorFields } from '../log'
import { freshPrincipal } from './deadlines'
import { endPrincipalSockets } from './endings'
import { principalRoom } from './rooms'
import type { AppServer, AppSocket, Realtime } from './types'

/** A live begeleider socket keeps its session alive like a page does: at most one write a minute. */
const SESSION_TOUCH_MS = 60_000
/** Commands per token or session, across all its sockets: a steady rate with a burst. */
const COMMANDS_PER_SEC = 10
const COMMAND_BURST = 40

/** The handler of one client event: its parsed payload in, its ack's data out (or a CodedError). */
export type Handler<K extends C2SName> = (
  data: z.output<(typeof C2S)[K]>,
  /** Acks early (the command path acks before it broadcasts); the returned value is then not sent. */
  reply: (data: z.input<(typeof AckData)[K]>) => void,
) => Promise<z.input<(typeof AckData)[K]>>

export type Handle = <K extends C2SName>(socket: AppSocket, event: K, fn: Handler<K>) => void

/**
 * What every client event passes before its handler runs, in this order: the command budget of its
 * token or session, no prototype keys, the zod schema of `dialogs/contract/socket.ts`, the principal
 * still valid and a kamer still open. Who may send a command is the host's next step (authorizeCommand,
 * server/auth/commands.ts). Every answer is an ack, `{ ok: true, data }` or `{ ok: false, error }` with a stable code;
 * an error that is not a CodedError is logged (without payload) and answers `internal`.
 */
export function createHandle(rt: Pick<Realtime, 'io' | 'deps'>): { handle: Handle; prune: (now: number) => void } {
  const { io, deps } = rt
  const buckets = new PrincipalBuckets(deps)
  const handle: Handle = (socket, event, fn) => {
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
        await principalStillValid(io, deps, socket)
        await kamerStillOpen(io, deps, socket.data.principal)
        const data = await fn(parsed.data as z.output<(typeof C2S)[typeof event]>, (d) => reply({ ok: true, data: d }))
        reply({ ok: true, data })
      } catch (err) {
        if (err instanceof CodedError) return fail(err.code)
        deps.log.error('socket handler failed', { event, ...errorFields(err) })
        fail('internal')
      }
    }
    socket.on(event as never, listener as never)
  }
  return { handle, prune: (now) => buckets.prune(now) }
}

/**
 * Before every event: past its deadline, or (for a begeleider) a minute since the session was last
 * kept alive, the principal is read again. Revocations do not wait for this: they arrive as notices.
 */
async function principalStillValid(io: AppServer, deps: Deps, socket: AppSocket) {
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

/** A kamer locks after a few idle minutes: checked before every event, not only at the handshake. */
async function kamerStillOpen(io: AppServer, deps: Deps, p: Principal) {
  if (p.role !== 'kind' || !p.kamer || (await touchKamer(deps, p))) return
  // After the error ack has gone out, so the client learns why the line closed.
  setImmediate(() => endPrincipalSockets(io, p, 'locked'))
  throw new CodedError('session_expired', 401)
}

/** Command budgets per token or session, shared by all its sockets (one token, many sockets: one budget). */
class PrincipalBuckets {
  private buckets = new Map<string, { bucket: TokenBucket; used: number }>()
  constructor(private readonly deps: Deps) {}
  take(p: Principal): boolean {
    const key = principalRoom(p)
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

/** Deeper than any valid payload nests; a deeper one is refused outright. */
const MAX_PAYLOAD_DEPTH = 32

/**
 * Whether a parsed JSON payload has an own `__proto__`, `constructor` or `prototype` key anywhere, or nests
 * deeper than MAX_PAYLOAD_DEPTH. Iterative, so no depth can overflow the stack (fuzz finding).
 */
function hasPrototypeKey(value: unknown): boolean {
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
