import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../../dialogs/contract/socket'
import type { Principal } from '../auth/principal'
import type { Cluster } from '../cluster/cluster'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import type { Broadcaster } from './broadcast'
import type { Handle } from './handle'

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
  /** A later screen not yet approved: the seq of the last view it was sent, in its own units (ADR 0050). */
  pendingSeq?: number
}
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** What every part of the socket layer shares: made once in io.ts, handed to each handler file. */
export type Realtime = {
  io: AppServer
  deps: Deps
  host: GesprekHost
  cluster: Cluster
  /** Registers a handler behind the checks every client event passes (handle.ts). */
  handle: Handle
  /** The one place that sends views (broadcast.ts). */
  views: Broadcaster
}
