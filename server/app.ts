import type { HelpLines } from '../dialogs/contract/help-lines'
import { watchSignals } from './signals/signals'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from './clock'
import { ChildKeys, loadInstanceKey } from './crypto/keys'
import type { Deps } from './deps'
import { ensureDemo } from './demo'
import { GesprekHost } from './gesprek/host'
import { createApp } from './http/app'
import type { Hooks } from './http/hooks'
import { scheduleRetention } from './jobs/retention'
import { createLogger, errorFields, type Logger } from './log'
import { createRealtime, principalRoom, type AppServer } from './realtime/io'
import { followRevocationTable } from './realtime/revocation-table'
import { LocalRevocations } from './realtime/revocations'
import { openSqlite } from './store/db'

export type ServerOptions = {
  dataDir: string
  port?: number
  host?: string
  instanceKey?: string
  origins?: string[]
  secure?: boolean
  clock?: Clock
  log?: Logger
  demo?: boolean
  distDir?: string
  /** Days after a trajectory closes before its raw answers are erased (SEC-10); false: no scheduled job. */
  retentionDays?: number | false
  /** The organisation's ways to help now (docs/operations.md); bundled defaults when unset. */
  helpLines?: HelpLines
  /** Working days within which a signal should be discussed; default 2. */
  signalFollowUpDays?: number
}

export type RunningServer = {
  url: string
  port: number
  deps: Deps
  host: GesprekHost
  io: AppServer
  demo: { username: string; password: string } | null
  /** Graceful: stop accepting, finish in-flight commits, tell clients to reconnect, close (REL-12). */
  close: () => Promise<void>
}

export const DEFAULT_DIST = fileURLToPath(new URL('../dist/client', import.meta.url))

/** Composition root used by `npm start`, the CLI-less tests and the crash harness alike. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? createLogger()
  const db = await openSqlite(opts.dataDir)
  const revocations = new LocalRevocations((err) => log.warn('revocation handler failed', errorFields(err)))
  const deps: Deps = {
    db,
    clock: opts.clock ?? systemClock,
    log,
    keys: new ChildKeys(loadInstanceKey(opts.dataDir, opts.instanceKey)),
    revocations,
    config: {
      origins: opts.origins ?? [],
      secure: opts.secure ?? false,
      ...(typeof opts.retentionDays === 'number' ? { retentionDays: opts.retentionDays } : {}),
      ...(opts.helpLines ? { helpLines: opts.helpLines } : {}),
      ...(opts.signalFollowUpDays ? { signalFollowUpDays: opts.signalFollowUpDays } : {}),
    },
  }
  const demo = opts.demo ? await ensureDemo(deps) : null
  const host = new GesprekHost(deps)
  watchSignals(deps, host)
  const hooks: Hooks = { sessionEnded: () => undefined, begeleiderEnded: () => undefined }
  const app = createApp(deps, host, hooks, { distDir: opts.distDir ?? DEFAULT_DIST })
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () =>
      resolve(s),
    ) as HttpServer
  })
  const io = createRealtime(httpServer, deps, host)
  const published = (what: string) => (err: unknown) =>
    log.warn('revocation not published', { what, ...errorFields(err) })
  // Every end of a right goes through the one channel: this node's sockets and (multi-node) the others.
  hooks.sessionEnded = (p, reason) => {
    const hash = principalRoom(p).slice(2)
    const notice =
      p.role === 'begeleider'
        ? ({ kind: 'session', sessionHash: hash, reason } as const)
        : ({ kind: 'token', tokenHash: hash, reason } as const)
    revocations.publish(notice).catch(published(notice.kind))
  }
  hooks.begeleiderEnded = (begeleiderId, reason) =>
    void revocations.publish({ kind: 'begeleider', begeleiderId, reason }).catch(published('begeleider'))
  // Notices from another process (the admin CLI) arrive through the database.
  const stopFollowing = await followRevocationTable(db, revocations, published('table'))
  const stopRetention =
    opts.retentionDays === false ? () => undefined : scheduleRetention(deps, host, { days: opts.retentionDays })
  const port = (httpServer.address() as AddressInfo).port
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      httpServer.close() // stop accepting new connections
      stopRetention()
      stopFollowing()
      await host.shutdown() // refuse new commands, finish the queued ones
      io.emit('server:restarting', {})
      await io.close()
      await db.destroy()
    })())

  return { url, port, deps, host, io, demo, close }
}
