import type { IncomingMessage } from 'node:http'
import type { ExtendedError } from 'socket.io'
import { HandshakeAuth } from '../../dialogs/contract/socket'
import { devicePrincipal } from '../auth/join-codes'
import { kamerPrincipal } from '../auth/kamer'
import type { Principal } from '../auth/principal'
import { sessionCookieName, sessionPrincipal } from '../auth/sessions'
import type { Deps } from '../deps'
import { errorFields } from '../log'
import { deadlineOf } from './deadlines'
import { principalRoom } from './rooms'
import type { AppServer, AppSocket } from './types'

/** Open sockets per token or session: a tablet, a reconnect in flight and some slack, not 25. */
const MAX_SOCKETS_PER_PRINCIPAL = 5

/**
 * Who this socket is: a guided gesprek's device token or a jongere's kamer token (both 192-bit random,
 * in the handshake's auth), else the begeleider's session cookie. Runs on every connection, reconnects
 * included, so a revoked session or token never gets back in.
 */
export function handshake(io: AppServer, deps: Deps) {
  return (socket: AppSocket, next: (err?: ExtendedError) => void) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {})
    if (!auth.success) return next(new Error('invalid_payload'))
    const token = auth.data.token
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
  }
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}
