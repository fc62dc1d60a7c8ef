import type { HelpLines } from '../dialogs/contract/help-lines'
import { watchSignals } from './signals/signals'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from './clock'
import { MemoryLimitStore, type LimitStore } from './auth/limit-store'
import { Limits } from './auth/limits'
import { KamerKeys } from './crypto/kamer-keys'
import { ChildKeys, deriveKey, loadInstanceKey } from './crypto/keys'
import { loadIndexKeys } from './crypto/secrets'
import type { Deps } from './deps'
import { ensureDemo } from './demo'
import { GesprekHost } from './gesprek/host'
import { createApp } from './http/app'
import { localOrigins, socketHeaders } from './http/security'
import { restrictDataDir } from './data-dir'
import { parseTrustProxy } from './http/client-address'
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
  /** With `demo`: also a small demo caseload with a few weeks of history (first start only). */
  demoCaseload?: boolean
  distDir?: string
  /** Days after a trajectory closes before its raw answers are erased (SEC-10); false: no scheduled job. */
  retentionDays?: number | false
  /** The organisation's ways to help now (docs/operations.md); bundled defaults when unset. */
  helpLines?: HelpLines
  /** Working days within which a signal should be discussed; default 2. */
  signalFollowUpDays?: number
  /** Where rate-limit counts live; in memory when not given (several nodes pass a shared one). */
  limitStore?: LimitStore
  /** TRUST_PROXY: a hop count or our proxies' addresses (docs/operations.md); unset: the TCP peer. */
  trustProxy?: string
  /** `npm run dev`: the Vite dev server's origins, counted as local ones. */
  devOrigins?: string[]
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

/** A PIN-sealed kamer gesprek keeps its shared copy current; a closed kamer leaves the host's memory. */
export function wireKamerSealing(deps: Deps, host: GesprekHost): void {
  deps.kamerKeys.onClosed = (childId) => host.forgetChild(childId)
  host.onCommitted((gesprekId, seq, viewFor) => {
    const childId = deps.kamerKeys.sealedChild(gesprekId)
    if (childId)
      void deps.kamerKeys
        .recordShared(gesprekId, childId, seq, {
          begeleider: viewFor('begeleider'),
          oudergesprek: viewFor('oudergesprek'),
        })
        .catch(() => undefined)
  })
}

export const DEFAULT_DIST = fileURLToPath(new URL('../dist/client', import.meta.url))

/** Composition root used by `npm start`, the CLI-less tests and the crash harness alike. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? createLogger()
  const db = await openSqlite(opts.dataDir)
  restrictDataDir(opts.dataDir)
  const clock = opts.clock ?? systemClock
  const instanceKey = loadInstanceKey(opts.dataDir, opts.instanceKey)
  const keys = new ChildKeys(instanceKey)
  const revocations = new LocalRevocations((err) => log.warn('revocation handler failed', errorFields(err)))
  const deps: Deps = {
    db,
    clock,
    log,
    keys,
    index: await loadIndexKeys(db, instanceKey),
    kamerKeys: new KamerKeys(db, keys, clock, log),
    limits: new Limits(opts.limitStore ?? new MemoryLimitStore(clock), deriveKey(instanceKey, 'limit-keys')),
    revocations,
    config: {
      origins: opts.origins ?? [],
      localOrigins: [],
      secure: opts.secure ?? false,
      trustProxy: parseTrustProxy(opts.trustProxy),
      ...(typeof opts.retentionDays === 'number' ? { retentionDays: opts.retentionDays } : {}),
      ...(opts.helpLines ? { helpLines: opts.helpLines } : {}),
      ...(opts.signalFollowUpDays ? { signalFollowUpDays: opts.signalFollowUpDays } : {}),
    },
  }
  // A real installation (behind TLS or with a public origin) never gets an account with a known password.
  const realInstallation = Boolean(opts.secure) || (opts.origins ?? []).length > 0
  const demo = opts.demo && !realInstallation ? await ensureDemo(deps, opts.demoCaseload ?? false) : null
  const host = new GesprekHost(deps, deps.kamerKeys)
  wireKamerSealing(deps, host)
  watchSignals(deps, host)
  const hooks: Hooks = { sessionEnded: () => undefined, begeleiderEnded: () => undefined }
  const app = createApp(deps, host, hooks, { distDir: opts.distDir ?? DEFAULT_DIST })
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () =>
      resolve(s),
    ) as HttpServer
  })
  const io = createRealtime(httpServer, deps, host)
  // socket.io answers /socket.io/ itself, before Hono: the same headers there.
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, socketHeaders(deps)))
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
  deps.config.localOrigins = [...localOrigins(opts.host ?? '127.0.0.1', port), ...(opts.devOrigins ?? [])]
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
