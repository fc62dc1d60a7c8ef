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
import { createLogger, type Logger } from './log'
import { createRealtime, endBegeleiderSockets, endPrincipalSockets, type AppServer } from './realtime/io'
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
  const deps: Deps = {
    db,
    clock: opts.clock ?? systemClock,
    log,
    keys: new ChildKeys(loadInstanceKey(opts.dataDir, opts.instanceKey)),
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
  const io = createRealtime(httpServer, deps, host)
  hooks.sessionEnded = (p, reason) => endPrincipalSockets(io, p, reason)
  hooks.begeleiderEnded = (id, reason) => endBegeleiderSockets(io, id, reason)
  const stopRetention =
    opts.retentionDays === false
      ? () => undefined
      : scheduleRetention(deps, host, {
          days: opts.retentionDays,
          onErased: (childId, tokenHashes) => {
            for (const tokenHash of tokenHashes)
              endPrincipalSockets(io, { role: 'kind', childId, kamer: true, tokenHash }, 'expired')
          },
        })
  const port = (httpServer.address() as AddressInfo).port
  const url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      httpServer.close() // stop accepting new connections
      stopRetention()
      await host.shutdown() // refuse new commands, finish the queued ones
      io.emit('server:restarting', {})
      await io.close()
      await db.destroy()
    })())

  return { url, port, deps, host, io, demo, close }
}
