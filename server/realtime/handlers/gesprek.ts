import { recordAccess, stepsInView } from '../../audit/access-log'
import { gesprekFor } from '../../auth/access'
import { touchDevice } from '../../auth/join-codes'
import type { CommandResult } from '../../gesprek/host'
import { pendingRoomOf, readerOf, roomOf } from '../rooms'
import type { AppSocket, Realtime } from '../types'
import { announcePending, viewForDevice } from './devices'

/**
 * The gesprek feature: join one (and re-join after a reconnect), and send it a command. Each handler
 * gets a parsed payload from `handle` (../handle.ts) and answers with its ack's data.
 */
export function registerGesprekHandlers(rt: Realtime, socket: AppSocket): void {
  const { deps, host, cluster, views, handle } = rt

  handle(socket, 'gesprek:join', async ({ gesprekId, lastSeq }) => {
    const p = socket.data.principal
    const row = await gesprekFor(deps, p, gesprekId)
    // With other nodes a notice may still be on its way: a join reads the gesprek from the database.
    if (cluster.adapter) host.forget(gesprekId)
    if (p.role === 'kind') {
      const device = p.kamer ? null : p
      // An unapproved device has its own view and its own seq (ADR 0010, ADR 0050): never the child's room.
      await socket.join(device && !device.trusted ? pendingRoomOf(gesprekId) : roomOf(gesprekId, 'kind'))
      await touchDevice(deps, p.tokenHash)
      const { seq, view } = await host.view(gesprekId, 'kind', readerOf(p))
      const shown = device ? await viewForDevice(rt, view, gesprekId, device) : view
      if (!device || device.trusted) views.joined(roomOf(gesprekId, 'kind'), seq, shown)
      else socket.data.pendingSeq = Math.max(seq, socket.data.pendingSeq ?? 0)
      if (device) setImmediate(() => void announcePending(rt, gesprekId))
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
    views.joined(room, seq, view)
    return { seq, view: lastSeq === seq ? null : view }
  })

  handle(socket, 'gesprek:command', async ({ gesprekId, clientMsgId, event }, reply) => {
    const p = socket.data.principal
    if (p.role === 'kind') await touchDevice(deps, p.tokenHash)
    // Who may send it is decided inside the host, in its queue (authorizeCommand, server/auth/commands.ts).
    // The host acks after the commit and before the broadcast: commit → ack → broadcast (docs/architecture.md).
    // Everyone is acked in their own seq: the child's private edits move only the child's (ADR 0050).
    const seqOf = (r: CommandResult) => r.seqFor(readerOf(p))
    const result = await host.command(p, gesprekId, clientMsgId, event, (r) => reply({ seq: seqOf(r) }))
    return { seq: seqOf(result) }
  })
}
