import Sqlite from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { build } from 'esbuild'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChildKeys, loadInstanceKey } from '../../server/crypto/keys'
import { open } from '../../server/crypto/seal'
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
  const proc = spawn(process.execPath, [await launcherBundle()], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(opts.port ?? 0), ...opts.env },
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
 * Reads a gesprek's event log straight from the SQLite file and decrypts it with the instance key,
 * as an independent check of what the server says (a second process, WAL readers allowed).
 */
export class DbReader {
  private db: Sqlite.Database
  private keys: ChildKeys
  constructor(dataDir: string) {
    this.db = new Sqlite(join(dataDir, 'kindgesprek.sqlite'), { fileMustExist: true })
    this.db.pragma('busy_timeout = 5000')
    this.keys = new ChildKeys(loadInstanceKey(dataDir, undefined))
  }

  events(gesprekId: string, childId: string): StoredEvent[] {
    const wrapped = this.db.prepare('select key_wrapped from children where id = ?').get(childId) as {
      key_wrapped: string
    }
    const key = this.keys.unwrap(childId, wrapped.key_wrapped)
    const rows = this.db
      .prepare('select seq, client_msg_id, event_enc from gesprek_events where gesprek_id = ? order by seq')
      .all(gesprekId) as { seq: number; client_msg_id: string; event_enc: string }[]
    return rows.map((r) => ({
      seq: r.seq,
      clientMsgId: r.client_msg_id,
      event: JSON.parse(open(key, r.event_enc, `${gesprekId}:${r.seq}:event`)) as GesprekEvent,
    }))
  }

  close() {
    this.db.close()
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
