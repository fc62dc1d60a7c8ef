import type { GesprekView } from '../../dialogs/contract/view'
import { projectForDevice } from '../../dialogs/projection'
import type { Audience } from '../../dialogs/sharing'
import { recordAccess, stepsInView } from '../audit/access-log'
import type { Deps } from '../deps'
import { RoomFrames, type Frame } from '../gesprek/delta'
import type { GesprekHost, SeqFor } from '../gesprek/host'
import { errorFields } from '../log'
import { pendingRoomOf, roomOf, socketsIn } from './rooms'
import type { AppServer } from './types'

/** The child's own devices, as a standing: they see everything the child's own devices made. */
const CHILD_OWN = { deviceId: '', trusted: true }

export type Broadcaster = ReturnType<typeof createBroadcaster>

/**
 * The one place that sends views, after a commit has been acked (commit → ack → broadcast,
 * docs/architecture.md). Each room gets its own audience's projection in its own seq (ADR 0050), as a
 * patch on what its last frame showed (ADR 0027). Only to this node's own sockets (io.local, per-socket
 * emits): a projection never travels through Redis; other nodes project from the database after a seq
 * notice.
 */
export function createBroadcaster({ io, deps, host }: { io: AppServer; deps: Deps; host: GesprekHost }) {
  /** Per room, what its last frame showed: the next one is a patch on it. */
  const frames = new RoomFrames()
  io.of('/').adapter.on('delete-room', (room: string) => frames.drop(room))
  /** One broadcast at a time per gesprek, so frames leave in commit order. */
  const queues = new Map<string, Promise<void>>()
  const hasLocalSockets = (room: string) => (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0

  /** Queues the frames of one commit (this node's or, after a seq notice, another node's). */
  function committed(gesprekId: string, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor): Promise<void> {
    const before = queues.get(gesprekId) ?? Promise.resolve()
    const run = before
      .then(() => broadcast(gesprekId, viewFor, seqFor))
      .catch((err: unknown) => deps.log.error('broadcast failed', errorFields(err)))
    queues.set(gesprekId, run)
    void run.then(() => {
      if (queues.get(gesprekId) === run) queues.delete(gesprekId)
    })
    return run
  }

  async function broadcast(gesprekId: string, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor) {
    await toChildScreens(gesprekId, viewFor, seqFor)
    await toBegeleiders(gesprekId, viewFor, seqFor)
  }

  /** The child's own screens (one room, the real seq) and each later screen not yet approved (its own seq). */
  async function toChildScreens(gesprekId: string, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor) {
    const kindRoom = roomOf(gesprekId, 'kind')
    const hasKind = hasLocalSockets(kindRoom)
    const pending = socketsIn(io, pendingRoomOf(gesprekId))
    if (!hasKind) frames.drop(kindRoom)
    if (!hasKind && pending.length === 0) return
    const view = viewFor('kind')
    const book = await host.devices.book(gesprekId)
    const kindSeq = seqFor('kind')
    if (hasKind && !frames.holds(kindRoom, kindSeq)) {
      // Mostly every item is from the child's own screens: then the child's view as it is, with no pass over it.
      const own = book.onlyOwn ? view : { ...view, items: projectForDevice(view.items, CHILD_OWN, book) }
      emitFrame(kindRoom, gesprekId, kindSeq, frames.frame(kindRoom, kindSeq, own, false))
    }
    // Each later screen sees its own items too: a whole view each (there are few, and rarely), in its
    // own seq, and only when that seq moved: the child's private edits send it nothing (ADR 0050).
    for (const s of pending) {
      const p = s.data.principal
      // Approved meanwhile: the approval sends the child's view in the child's seq.
      if (p.role !== 'kind' || p.kamer || p.trusted) continue
      const seq = seqFor({ pending: p.deviceId })
      if (seq <= (s.data.pendingSeq ?? -1)) continue
      s.data.pendingSeq = seq
      s.emit('gesprek:view', { gesprekId, seq, view: { ...view, items: projectForDevice(view.items, p, book) } })
    }
  }

  /** The begeleiders watching: one frame for the room, each part logged as seen before it leaves. */
  async function toBegeleiders(gesprekId: string, viewFor: (a: Audience) => GesprekView, seqFor: SeqFor) {
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
    if (frame.type === 'patch' && !frame.changed) return
    const stepIds = stepsInView(frame.type === 'view' ? view : { items: frame.upserted })
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
    if (frame.type === 'view') to.emit('gesprek:view', { gesprekId, seq, view: frame.view })
    else to.emit('gesprek:patch', { gesprekId, seq, base: frame.base, patch: frame.patch })
  }

  return {
    committed,
    /** A join's whole view: the room's next frame is a patch on it. */
    joined: (room: string, seq: number, view: GesprekView) => frames.joined(room, seq, view),
    /** Whether any socket of this node watches the gesprek (else a seq notice only drops the cached copy). */
    watches: (gesprekId: string) =>
      [roomOf(gesprekId, 'kind'), pendingRoomOf(gesprekId), roomOf(gesprekId, 'begeleider')].some(hasLocalSockets),
  }
}
