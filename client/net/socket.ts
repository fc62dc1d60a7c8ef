import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../../dialogs/contract/socket'

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** One socket per screen session. Child tokens go in the handshake, never in a URL; begeleiders use their cookie. */
export function createSocket(token?: string): AppSocket {
  return io({
    autoConnect: false,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
    auth: token ? { token } : {},
  })
}
