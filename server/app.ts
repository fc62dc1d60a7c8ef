import type { HelpLines } from '../dialogs/contract/help-lines'
import { watchSignals } from './signals/signals'
import { watchTasks } from './workspace/tasks'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
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
import { soloCluster } from './cluster/cluster'
import { redisCluster } from './cluster/redis'
import { ClusterRevocations } from './cluster/revocations'
import { openStore } from './store/db'
import { ROOT } from './paths'

export type ServerOptions = {
  /** The SQLite file's folder (and the instance key file's) when no databaseUrl is given. */
  dataDir: string
  /** postgres://…: PostgreSQL instead of SQLite; the instance key must then come from instanceKey. */
  databaseUrl?: string | undefined
  /** redis://…: joins this node with the others (adapter, notices, shared limits and locks). */
  redisUrl?: string | undefined
  /** Key prefix in Redis, so installations sharing one Redis stay apart (default 'kg'). */
  redisPrefix?: string | undefined
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
  /** Days after a trajectory closes before its raw answers are erased (docs/operations.md, retention); false: no scheduled job. */
  retentionDays?: number | false
  /** The organisation's ways to help now (docs/operations.md); bundled defaults when unset. */
  helpLines?: HelpLines
  /** Working days within which a signal should be discussed; default 2. */
  signalFollowUpDays?: number
  /** How often the retention job looks (default hourly); each round runs on one node only. */
  retentionEveryMs?: number
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
  /** Graceful: stop accepting, finish in-flight commits, tell clients to reconnect, close (docs/security.md, "Several nodes"). */
  close: () => Promise<void>
}

/** A PIN-sealed kamer gesprek keeps its shared copy current; a closed kamer leaves the host's memory. */
export function wireKamerSealing(deps: Deps, host: GesprekHost): void {
  deps.kamerKeys.onClosed = (childId) => host.forgetChild(childId)
  host.onCommitted((gesprekId, _seq, viewFor, seqFor) => {
    const childId = deps.kamerKeys.sealedChild(gesprekId)
    // The copy carries the begeleider's seq, never the jongere's: its gaps would count private edits.
    if (childId)
      void deps.kamerKeys
        .recordShared(gesprekId, childId, seqFor('begeleider'), {
          begeleider: viewFor('begeleider'),
          oudergesprek: viewFor('oudergesprek'),
        })
        .catch(() => undefined)
  })
}

export const DEFAULT_DIST = join(ROOT, 'dist/client')

/** Composition root used by `npm start`, the CLI-less tests and the crash harness alike. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? createLogger()
  const clock = opts.clock ?? systemClock
  // The SQLite folder exists before the key file is written into it.
  if (!opts.databaseUrl) mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  // The key first: a node without KINDGESPREK_KEY on PostgreSQL stops before it touches the database.
  const instanceKey = loadInstanceKey(opts.dataDir, opts.instanceKey, Boolean(opts.databaseUrl))
  const db = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
  if (existsSync(opts.dataDir)) restrictDataDir(opts.dataDir)
  const keys = new ChildKeys(instanceKey)
  const cluster = opts.redisUrl
    ? await redisCluster({ url: opts.redisUrl, prefix: opts.redisPrefix, clock, log })
    : soloCluster()
  const localRevocations = new LocalRevocations((err) => log.warn('revocation handler failed', errorFields(err)))
  // With other nodes a revocation also travels through Redis, so it ends their sockets too.
  const revocations = opts.redisUrl ? new ClusterRevocations(localRevocations, cluster) : localRevocations
  const deps: Deps = {
    db,
    clock,
    log,
    keys,
    index: await loadIndexKeys(db, instanceKey),
    kamerKeys: new KamerKeys(db, keys, clock, log),
    cluster,
    limits: new Limits(
      opts.limitStore ?? cluster.limitStore ?? new MemoryLimitStore(clock),
      deriveKey(instanceKey, 'limit-keys'),
    ),
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
  watchTasks(deps, host)
  const hooks: Hooks = { sessionEnded: () => undefined, begeleiderEnded: () => undefined }
  const app = createApp(deps, host, hooks, { distDir: opts.distDir ?? DEFAULT_DIST })
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () =>
      resolve(s),
    ) as HttpServer
  })
  const io = createRealtime(httpServer, deps, host, cluster)
  // socket.io answers /socket.io/ itself, before Hono: the same headers there.
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, socketHeaders(deps)))
  const published = (what: string) => (err: unknown) =>
    log.warn('revocation not published', { what, ...errorFields(err) })
  // Every end of a right goes through the one channel: this node's sockets and (multi-node) the others.
  hooks.sessionEnded = (p, reason) => {
    const hash = principalRoom(p).slice(2)
    const notice =
      p.role === 'begeleider'
        ? ({ type: 'session', sessionHash: hash, reason } as const)
        : ({ type: 'token', tokenHash: hash, reason } as const)
    revocations.publish(notice).catch(published(notice.type))
  }
  hooks.begeleiderEnded = (begeleiderId, reason) =>
    void revocations.publish({ type: 'begeleider', begeleiderId, reason }).catch(published('begeleider'))
  // Notices from another process (the admin CLI) arrive through the database; every node reads the table
  // itself, so what it reads goes to its own sockets only.
  const stopFollowing = await followRevocationTable(db, localRevocations, published('table'))
  const stopRetention =
    opts.retentionDays === false
      ? () => undefined
      : scheduleRetention(deps, host, {
          days: opts.retentionDays,
          ...(opts.retentionEveryMs ? { everyMs: opts.retentionEveryMs } : {}),
          claim: (windowMs) => cluster.claim('retention', windowMs, clock.now()),
        })
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
      // This node's clients only: the other nodes keep theirs.
      io.local.emit('server:restarting', {})
      await io.close()
      await cluster.close()
      await db.destroy()
    })())

  return { url, port, deps, host, io, demo, close }
}
