import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { C2S } from '../../dialogs/contract/socket'
import { soloCluster, type Cluster } from '../cluster/cluster'
import type { Deps } from '../deps'
import { DEVICE_END_PHASES, endGesprekDevices } from '../gesprek/devices'
import type { GesprekHost } from '../gesprek/host'
import { ownOrigins } from '../http/security'
import { errorFields } from '../log'
import { createBroadcaster } from './broadcast'
import { applyRevocation, sweepDeadlines } from './endings'
import { createHandle } from './handle'
import { registerDeviceHandlers, followApprovals } from './handlers/devices'
import { registerGesprekHandlers } from './handlers/gesprek'
import { handshake } from './handshake'
import { begeleiderRoom, devicesRoom, principalRoom } from './rooms'
import type { AppServer, AppSocket, Realtime } from './types'

export type { AppServer } from './types'
export { principalRoom } from './rooms'

/**
 * The socket layer's wiring, and nothing else: who a socket is (handshake.ts), the checks every event
 * passes (handle.ts), one handler file per feature (handlers/), who hears what (rooms.ts), the one place
 * that sends views (broadcast.ts), and how open sockets end when a right ends (endings.ts). The path of
 * one answer through these files is in docs/architecture.md.
 */
export function createRealtime(
  httpServer: HttpServer,
  deps: Deps,
  host: GesprekHost,
  cluster: Cluster = soloCluster(),
): AppServer {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Several nodes: room broadcasts (logout, revocation, deactivation) reach every node's sockets.
    ...(cluster.adapter ? { adapter: cluster.adapter as never } : {}),
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // WebSockets are not covered by CORS: check Origin ourselves (docs/security.md, headers and sockets).
    allowRequest: (req, cb) => {
      // Our origins never come from the Host header the client sent (server/http/security.ts).
      const origin = req.headers.origin
      cb(null, !origin || ownOrigins(deps).includes(origin))
    },
  })
  const { handle, prune } = createHandle({ io, deps })
  const rt: Realtime = { io, deps, host, cluster, handle, views: createBroadcaster({ io, deps, host }) }

  io.use(handshake(io, deps))
  io.on('connection', (socket) => {
    joinOwnRooms(socket)
    registerGesprekHandlers(rt, socket)
    registerDeviceHandlers(rt, socket)
    refuseUnknownEvents(socket)
  })

  // After every commit, once its sender is acked (the host calls this after the ack).
  host.onCommitted((gesprekId, seq, viewFor, seqFor) => {
    const sent = rt.views.committed(gesprekId, viewFor, seqFor)
    // The other nodes hear only "gesprek G is at seq N" and project for their own sockets from the database.
    void cluster.publish({ t: 'seq', g: gesprekId, s: seq })
    const kindView = viewFor('kind')
    if (kindView.setting === 'begeleid' && DEVICE_END_PHASES.includes(kindView.phase))
      // After the command's ack and this frame have gone out: the child's screen has the last view (its
      // keepsake, ADR 0085) before its token ends.
      void sent.then(() =>
        setImmediate(
          () =>
            void endGesprekDevices(deps, gesprekId).catch((err: unknown) =>
              deps.log.error('ending devices failed', errorFields(err)),
            ),
        ),
      )
  })

  cluster.onNotice((notice) => {
    if (notice.t === 'erased') {
      deps.keys.forget(notice.child)
      return host.forgetChild(notice.child)
    }
    if (notice.t !== 'seq') return
    const gesprekId = notice.g
    if (!rt.views.watches(gesprekId)) return host.forget(gesprekId) // nobody here watches it: drop the cached copy
    // Another node's commit: bring the cache up to its seq, then the same broadcast as after a local commit.
    host.refresh(gesprekId, notice.s).then(
      (fresh) => fresh && rt.views.committed(gesprekId, fresh.viewFor, fresh.seqFor),
      (err: unknown) => deps.log.warn('refresh after notice failed', errorFields(err)),
    )
  })

  const stops = [
    sweepDeadlines(io, deps, prune),
    deps.revocations.subscribe((notice) => applyRevocation(io, deps, notice)),
    followApprovals(rt),
  ]
  httpServer.once('close', () => stops.forEach((stop) => stop()))
  return io
}

/** The rooms a socket is in for as long as it lives: its principal's, so endings reach it. */
function joinOwnRooms(socket: AppSocket) {
  const p = socket.data.principal
  void socket.join(principalRoom(p))
  if (p.role === 'begeleider') void socket.join(begeleiderRoom(p.begeleiderId))
  else if (!p.kamer) void socket.join(devicesRoom(p.gesprekId))
}

/** An event outside the contract: an error ack if it wants one, else the socket goes. */
function refuseUnknownEvents(socket: AppSocket) {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    // Own keys only: with `in`, 'toString' or '__proto__' counted as known and went unanswered (fuzz finding).
    if (typeof event === 'string' && Object.hasOwn(C2S, event)) return
    const ack = args.at(-1)
    if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: 'unknown_event' })
    else socket.disconnect(true)
  })
}
