import { spawn, type ChildProcess } from 'node:child_process'
import { build } from 'esbuild'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChildKeys, loadInstanceKey } from '../../server/crypto/keys'
import { open } from '../../server/crypto/seal'
import { openStore, type Db } from '../../server/store/db'
import { storeOptionsFor } from '../helpers/server'
import type { GesprekEvent } from '../../dialogs/framework/events'

const LAUNCHER = fileURLToPath(new URL('./server-process.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

let bundled: Promise<string> | null = null
/**
 * The launcher bundled once per test run (esbuild, which tsx and vite already bring): a restart then
 * costs a plain node start instead of a TypeScript load, which keeps fifty kills inside CI's time.
 * Packages stay external and resolve from node_modules as they would under tsx.
 */
function launcherBundle(): Promise<string> {
  return (bundled ??= (async () => {
    const dir = join(ROOT, 'node_modules/.cache/kindgesprek-tests')
    mkdirSync(dir, { recursive: true })
    const outfile = join(dir, `server-process-${process.pid}.mjs`)
    await build({
      entryPoints: [LAUNCHER],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    })
    process.once('exit', () => rmSync(outfile, { force: true }))
    return outfile
  })())
}

export type ServerProc = {
  proc: ChildProcess
  port: number
  url: string
  /** Everything the process wrote to stderr (its JSON log lines). */
  stderr: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts server/app.ts in its own process (no wrapper process, so a signal hits the server itself). */
export async function spawnServer(
  dataDir: string,
  opts: { port?: number; env?: Record<string, string> } = {},
): Promise<ServerProc> {
  const store = await storeOptionsFor(dataDir)
  // KG_STORE=postgres: the same database (and Redis prefix) for the same folder, across restarts.
  const storeEnv: Record<string, string> = store.databaseUrl
    ? {
        DATABASE_URL: store.databaseUrl,
        KINDGESPREK_KEY: store.instanceKey!,
        REDIS_URL: store.redisUrl!,
        REDIS_PREFIX: store.redisPrefix!,
      }
    : {}
  const proc = spawn(process.execPath, [await launcherBundle()], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(opts.port ?? 0), ...storeEnv, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stderr: string[] = []
  let errBuf = ''
  proc.stderr.on('data', (d: Buffer) => {
    errBuf += d.toString('utf8')
    const lines = errBuf.split('\n')
    errBuf = lines.pop()!
    stderr.push(...lines)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return new Promise<ServerProc>((resolve, reject) => {
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString('utf8')
      const m = /LISTENING (\d+)/.exec(out)
      if (m) {
        proc.stdout.off('data', onData)
        const port = Number(m[1])
        resolve({ proc, port, url: `http://127.0.0.1:${port}`, stderr, exited })
      }
    }
    proc.stdout.on('data', onData)
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited before listening (${code ?? signal}): ${stderr.slice(-5).join('\n')}`)),
    )
  })
}

export type StoredEvent = { seq: number; clientMsgId: string; event: GesprekEvent }

/**
 * Reads a gesprek's event log through a store of its own (the product's openStore, a second connection
 * to the same SQLite file or PostgreSQL database) and decrypts it with the instance key, as an independent
 * check of what the server says.
 */
export class DbReader {
  private constructor(
    private readonly db: Db,
    private readonly keys: ChildKeys,
  ) {}

  static async open(dataDir: string, given?: { databaseUrl: string; instanceKey: string }): Promise<DbReader> {
    const store = given ?? (await storeOptionsFor(dataDir))
    const db = await openStore({ dataDir, databaseUrl: store.databaseUrl })
    const key = store.instanceKey ? Buffer.from(store.instanceKey, 'base64') : loadInstanceKey(dataDir, undefined)
    return new DbReader(db, new ChildKeys(key))
  }

  async events(gesprekId: string, childId: string): Promise<StoredEvent[]> {
    const child = await this.db
      .selectFrom('children')
      .select('key_wrapped')
      .where('id', '=', childId)
      .executeTakeFirstOrThrow()
    const key = this.keys.unwrap(childId, child.key_wrapped)
    const rows = await this.db
      .selectFrom('gesprek_events')
      .select(['seq', 'client_msg_id', 'event_enc'])
      .where('gesprek_id', '=', gesprekId)
      .orderBy('seq')
      .execute()
    return rows.map((r) => ({
      seq: r.seq,
      clientMsgId: r.client_msg_id,
      event: JSON.parse(open(key, r.event_enc, `${gesprekId}:${r.seq}:event`)) as GesprekEvent,
    }))
  }

  close(): Promise<void> {
    return this.db.destroy()
  }
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same kill schedule. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function until(check: () => boolean, ms = 5000, what = 'condition') {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(5)
  }
}
