import { CodedError } from '../../../dialogs/contract/errors'
import type { GesprekView } from '../../../dialogs/contract/view'
import { projectForDevice } from '../../../dialogs/projection'
import { authorizeDeviceAnswer } from '../../auth/commands'
import { CHILD_IDLE_MS, devicePrincipalByHash } from '../../auth/join-codes'
import type { DevicePrincipal } from '../../auth/principal'
import { revokeDeviceByHash } from '../../gesprek/devices'
import { errorFields } from '../../log'
import { endPrincipalSockets } from '../endings'
import { hashRoom, pendingRoomOf, roomOf, socketsIn } from '../rooms'
import type { AppSocket, Realtime } from '../types'

/**
 * The child's devices (ADR 0010): a later screen waits for the child's yes. The child's own screens
 * are told which screens wait; one of them answers; an approved screen moves to the child's room.
 */
export function registerDeviceHandlers(rt: Realtime, socket: AppSocket): void {
  const { deps, host, handle } = rt

  handle(socket, 'device:answer', async ({ gesprekId, deviceId, allow }) => {
    authorizeDeviceAnswer(socket.data.principal, gesprekId)
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
      await deps.revocations.publish({ type: 'device', tokenHash: target.token_hash })
    } else await revokeDeviceByHash(deps, target.token_hash)
    setImmediate(() => void announcePending(rt, gesprekId))
    return {}
  })
}

/** The child's own screens learn which later screens wait for their yes ("Mag dit scherm ook meedoen?"). */
export async function announcePending(rt: Realtime, gesprekId: string): Promise<void> {
  const { deps, io } = rt
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
      .filter((r) => r.device_id && Date.parse(r.expires_at) > now && Date.parse(r.last_seen_at) + CHILD_IDLE_MS > now)
      .map((r) => ({ deviceId: r.device_id!, joinedAt: r.created_at }))
    io.to(roomOf(gesprekId, 'kind')).emit('devices:pending', { gesprekId, devices })
  } catch (err) {
    deps.log.warn('pending devices not announced', errorFields(err))
  }
}

/** What one child device sees of the child's view: its own items and what a begeleider may see anyway. */
export async function viewForDevice(
  rt: Realtime,
  view: GesprekView,
  gesprekId: string,
  device: DevicePrincipal,
): Promise<GesprekView> {
  const book = await rt.host.devices.book(gesprekId)
  return { ...view, items: projectForDevice(view.items, device, book) }
}

/**
 * The child approved a device (on any node): its sockets here move to the child's room and get the
 * child's view in the child's seq. Returns the unsubscribe.
 */
export function followApprovals(rt: Realtime): () => void {
  const { deps, host, io } = rt
  return deps.revocations.subscribe(async (notice) => {
    if (notice.type !== 'device') return
    for (const s of socketsIn(io, hashRoom(notice.tokenHash))) {
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
        view: await viewForDevice(rt, view, fresh.gesprekId, fresh),
      })
    }
  })
}
