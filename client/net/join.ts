import type { ErrorCode } from '../../dialogs/contract/errors'
import { ackOf, AckData, S2C } from '../../dialogs/contract/socket'
import type { GesprekView } from '../../dialogs/contract/view'
import type { AppSocket } from './socket'

const JoinAck = ackOf(AckData['gesprek:join'])

/**
 * The latest seq seen per gesprek. Views may arrive out of order (a join ack racing a broadcast):
 * an older one is dropped, so a screen never steps back in time.
 */
export class ViewSeqs {
  private readonly seqs = new Map<string, number>()

  /** What to send as `lastSeq` when (re)joining: nothing before the first view. */
  last(gesprekId: string): number | undefined {
    return this.seqs.get(gesprekId)
  }

  /** True when a view with this seq is not older than the one already shown. */
  accept(gesprekId: string, seq: number): boolean {
    if (seq < (this.seqs.get(gesprekId) ?? -1)) return false
    this.seqs.set(gesprekId, seq)
    return true
  }
}

export type JoinResult =
  { ok: true; seq: number; view: GesprekView | null } | { ok: false; error: ErrorCode } | { ok: false; timeout: true }

/** Join (or re-join after a reconnect) one gesprek, telling the server which seq this screen already has. */
export function joinGesprek(socket: AppSocket, gesprekId: string, seqs: ViewSeqs, done: (r: JoinResult) => void) {
  socket
    .timeout(8000)
    .emit('gesprek:join', { gesprekId, lastSeq: seqs.last(gesprekId) }, (err: Error | null, raw: unknown) => {
      if (err) return done({ ok: false, timeout: true })
      const ack = JoinAck.safeParse(raw)
      if (!ack.success) return done({ ok: false, error: 'internal' })
      if (!ack.data.ok) return done({ ok: false, error: ack.data.error })
      done({ ok: true, seq: ack.data.data.seq, view: ack.data.data.view })
    })
}

/** Follow the views the server pushes; returns the unsubscribe. */
export function onGesprekView(
  socket: AppSocket,
  handle: (gesprekId: string, seq: number, view: GesprekView | null) => void,
): () => void {
  const onView = (raw: unknown) => {
    const parsed = S2C['gesprek:view'].safeParse(raw)
    if (parsed.success) handle(parsed.data.gesprekId, parsed.data.seq, parsed.data.view)
  }
  socket.on('gesprek:view', onView)
  return () => socket.off('gesprek:view', onView)
}
