import type { ErrorCode } from '../../dialogs/contract/errors'
import { ackOf, AckData, S2C } from '../../dialogs/contract/socket'
import type { GesprekView, ViewPatch } from '../../dialogs/contract/view'
import { applyPatch } from './patch'
import type { AppSocket } from './socket'

const JoinAck = ackOf(AckData['gesprek:join'])

type Buffered = { seq: number; base: number; patch: ViewPatch }
type Followed = { seq: number; view: GesprekView }

/**
 * The latest view and seq per gesprek (in memory only). The server sends a whole view on join and a
 * patch per command after that (docs/protocol.md): a patch applies only on the view of the seq before
 * it. Views may arrive out of order (a join ack racing a broadcast): an older one is dropped, so a screen
 * never steps back in time; patches that arrive while a join is under way wait for its answer.
 */
export class ViewSeqs {
  private readonly seqs = new Map<string, number>()
  private readonly views = new Map<string, GesprekView>()
  private readonly waiting = new Map<string, Buffered[]>()

  /** What to send as `lastSeq` when (re)joining: nothing before the first view. */
  last(gesprekId: string): number | undefined {
    return this.views.has(gesprekId) ? this.seqs.get(gesprekId) : undefined
  }

  /** True when a view with this seq is not older than the one already shown. */
  accept(gesprekId: string, seq: number, view?: GesprekView | null): boolean {
    if (seq < (this.seqs.get(gesprekId) ?? -1)) return false
    this.seqs.set(gesprekId, seq)
    if (view) this.views.set(gesprekId, view)
    return true
  }

  /** Forget one gesprek's view (it ended for this screen): nothing of it stays in memory. */
  forget(gesprekId: string): void {
    this.views.delete(gesprekId)
    this.waiting.delete(gesprekId)
  }

  /** Forget every view (quick exit, the session ended). */
  clear(): void {
    this.views.clear()
    this.waiting.clear()
  }

  /** The view this screen holds, if any. */
  view(gesprekId: string): GesprekView | undefined {
    return this.views.get(gesprekId)
  }

  /** A join is on its way: patches wait for its answer (they may be newer than the view it brings). */
  joining(gesprekId: string): void {
    if (!this.waiting.has(gesprekId)) this.waiting.set(gesprekId, [])
  }

  /** The join failed: what waited for it is dropped (a later patch that does not follow on asks again). */
  joinFailed(gesprekId: string): void {
    this.waiting.delete(gesprekId)
  }

  /**
   * The join's answer: take its view (none when ours was already at its seq), then the patches that
   * came meanwhile. 'gap' when one of them does not follow on: join again.
   */
  joined(gesprekId: string, seq: number, view: GesprekView | null): Followed | 'gap' | null {
    const buffered = this.waiting.get(gesprekId) ?? []
    this.waiting.delete(gesprekId)
    this.accept(gesprekId, seq, view)
    let latest = this.current(gesprekId)
    for (const b of buffered.sort((a, c) => a.seq - c.seq)) {
      const r = this.patch(gesprekId, b.seq, b.base, b.patch)
      if (r === 'gap') return 'gap'
      if (r) latest = r
    }
    return latest
  }

  /**
   * A patch from the server (on the view of `base`): the new view, null when it is old or nothing is
   * joined, 'gap' when this screen is behind `base` (it missed a frame).
   */
  patch(gesprekId: string, seq: number, base: number, patch: ViewPatch): Followed | 'gap' | null {
    const waiting = this.waiting.get(gesprekId)
    if (waiting) {
      waiting.push({ seq, base, patch })
      return null
    }
    const current = this.current(gesprekId)
    if (!current || seq <= current.seq) return null
    if (current.seq < base) return 'gap'
    const view = applyPatch(current.view, patch)
    this.accept(gesprekId, seq, view)
    return { seq, view }
  }

  private current(gesprekId: string): Followed | null {
    const seq = this.seqs.get(gesprekId)
    const view = this.views.get(gesprekId)
    return seq === undefined || !view ? null : { seq, view }
  }
}

export type JoinResult =
  { ok: true; seq: number; view: GesprekView | null } | { ok: false; error: ErrorCode } | { ok: false; timeout: true }

/**
 * Join (or re-join after a reconnect or a missed patch) one gesprek, telling the server which seq this
 * screen already has. `view` in the result is the screen's view after the join, patches included.
 */
export function joinGesprek(socket: AppSocket, gesprekId: string, seqs: ViewSeqs, done: (r: JoinResult) => void) {
  seqs.joining(gesprekId)
  socket
    .timeout(8000)
    .emit('gesprek:join', { gesprekId, lastSeq: seqs.last(gesprekId) }, (err: Error | null, raw: unknown) => {
      if (err) {
        seqs.joinFailed(gesprekId)
        return done({ ok: false, timeout: true })
      }
      const ack = JoinAck.safeParse(raw)
      if (!ack.success || !ack.data.ok) seqs.joinFailed(gesprekId)
      if (!ack.success) return done({ ok: false, error: 'internal' })
      if (!ack.data.ok) return done({ ok: false, error: ack.data.error })
      const now = seqs.joined(gesprekId, ack.data.data.seq, ack.data.data.view)
      if (now === 'gap') return joinGesprek(socket, gesprekId, seqs, done)
      done({ ok: true, seq: now?.seq ?? ack.data.data.seq, view: now?.view ?? ack.data.data.view })
    })
}

/**
 * Follow the views and patches the server pushes: `handle` gets the whole view after each. A patch that
 * does not follow on from the view held calls `rejoin`, which asks for a whole view. Returns the unsubscribe.
 */
export function onGesprekView(
  socket: AppSocket,
  seqs: ViewSeqs,
  handle: (gesprekId: string, seq: number, view: GesprekView | null) => void,
  rejoin: (gesprekId: string) => void,
): () => void {
  const onView = (raw: unknown) => {
    const parsed = S2C['gesprek:view'].safeParse(raw)
    if (!parsed.success) return
    const { gesprekId, seq, view } = parsed.data
    if (seqs.accept(gesprekId, seq, view)) handle(gesprekId, seq, view)
  }
  const onPatch = (raw: unknown) => {
    const parsed = S2C['gesprek:patch'].safeParse(raw)
    if (!parsed.success) return
    const { gesprekId, seq, base, patch } = parsed.data
    const r = seqs.patch(gesprekId, seq, base, patch)
    if (r === 'gap') rejoin(gesprekId)
    else if (r) handle(gesprekId, r.seq, r.view)
  }
  socket.on('gesprek:view', onView)
  socket.on('gesprek:patch', onPatch)
  return () => {
    socket.off('gesprek:view', onView)
    socket.off('gesprek:patch', onPatch)
  }
}
