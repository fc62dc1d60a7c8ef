import type { Principal } from '../auth/principal'
import type { SeqReader } from '../gesprek/host'
import type { Audience } from '../../dialogs/sharing'
import type { AppServer, AppSocket } from './types'

/**
 * Who hears what. A socket joins the rooms of its principal at connection, and the room of its audience
 * for each gesprek it joins; frames and endings are sent to rooms, never to a guessed socket.
 */

/** One room per gesprek and audience: a socket only ever receives its own audience's projection. */
export const roomOf = (gesprekId: string, audience: Audience) => `g:${gesprekId}:${audience}`
/** Unapproved child devices of a gesprek: each gets its own view and its own seq (ADR 0010, ADR 0050). */
export const pendingRoomOf = (gesprekId: string) => `g:${gesprekId}:pending`
/** One room per session or device token (by its hash, all a revocation notice carries), so a logout or revocation can reach its sockets. */
export const hashRoom = (sessionOrTokenHash: string) => `p:${sessionOrTokenHash}`
export const principalRoom = (p: Principal) => hashRoom(p.role === 'kind' ? p.tokenHash : p.sessionHash)
/** One room per begeleider across all their sessions: logout everywhere and deactivation reach every socket. */
export const begeleiderRoom = (begeleiderId: string) => `b:${begeleiderId}`
/** Every child device of one guided gesprek: the end of the gesprek reaches them all. */
export const devicesRoom = (gesprekId: string) => `d:${gesprekId}`

/** Whose seq a principal is told (ADR 0050): a later screen the child has not approved counts its own. */
export const readerOf = (p: Principal): SeqReader =>
  p.role !== 'kind' ? 'begeleider' : p.kamer || p.trusted ? 'kind' : { pending: p.deviceId }

/** This node's sockets in a room. */
export function socketsIn(io: AppServer, room: string): AppSocket[] {
  const ids = io.sockets.adapter.rooms.get(room)
  if (!ids) return []
  return [...ids].flatMap((id) => {
    const s = io.sockets.sockets.get(id)
    return s ? [s] : []
  })
}
