import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from './clock'
import { MemoryLimitStore, type LimitStore } from './auth/limit-store'
import { Limits } from './auth/limits'
import { ChildKeys, deriveKey, loadInstanceKey } from './crypto/keys'
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
import { soloCluster } from './cluster/cluster'
import { redisCluster } from './cluster/redis'
import { ClusterRevocations } from './cluster/revocations'
import { openStore } from './store/db'

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
  distDir?: string
  /** Days after a trajectory closes before its raw answers are erased (SEC-10); false: no scheduled job. */
  retentionDays?: number | false
  /** How often the retention job looks (default hourly); each round runs on one node only. */
  retentionEveryMs?: number
  /** Where rate-limit counts live; in memory when not given (several nodes pass a shared one). */
  limitStore?: LimitStore
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
  const clock = opts.clock ?? systemClock
  // The key first: a node without KINDGESPREK_KEY on PostgreSQL stops before it touches the database.
  const instanceKey = loadInstanceKey(opts.dataDir, opts.instanceKey, Boolean(opts.databaseUrl))
  const db = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
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
    keys: new ChildKeys(instanceKey),
    cluster,
    limits: new Limits(
      opts.limitStore ?? cluster.limitStore ?? new MemoryLimitStore(clock),
      deriveKey(instanceKey, 'limit-keys'),
    ),
    revocations,
    config: {
      origins: opts.origins ?? [],
      secure: opts.secure ?? false,
      ...(typeof opts.retentionDays === 'number' ? { retentionDays: opts.retentionDays } : {}),
    },
  }
  const demo = opts.demo ? await ensureDemo(deps) : null
  const host = new GesprekHost(deps)
  const hooks: Hooks = { sessionEnded: () => undefined, begeleiderEnded: () => undefined }
  const app = createApp(deps, host, hooks, { distDir: opts.distDir ?? DEFAULT_DIST })
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () =>
      resolve(s),
    ) as HttpServer
  })
  const io = createRealtime(httpServer, deps, host, cluster)
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
