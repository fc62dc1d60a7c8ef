/**
 * Real PostgreSQL 15 and Redis servers for the tests, each in a temp folder on a free loopback port
 * (no system service, no fixed port). Used by the vitest global setup when KG_STORE=postgres and by the
 * multi-node test. PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { accessSync, chownSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { createHash } from 'node:crypto'
import pg from 'pg'

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export type Service = { url: string; stop: () => Promise<void> }

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * A program of the machine, not of npm (`.ci/run` installs it with apt-get): its full path, looked up on
 * PATH and then in `also` (nginx lives in /usr/sbin, outside a user's PATH), or undefined when missing.
 */
export function systemProgram(name: string, also: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...also]
  return dirs.map((dir) => join(dir, name)).find(executable)
}

/** A port nobody listens on right now (redis cannot bind port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

function asUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root needs a `postgres` system user')
  return { uid, gid: id('-g') }
}

function stopProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
    proc.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    proc.kill(signal)
  })
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const end = Date.now() + ms
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > end) throw new Error(`${what} did not start`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** initdb + postgres in a temp folder; the URL points at the `postgres` database of superuser `kg`. */
export async function startPostgres(): Promise<Service> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL 15 not found in ${PG_BIN}`)
  const dir = mkdtempSync(join(tmpdir(), 'kg-pg-'))
  const user = asUser()
  if (user) chownSync(dir, user.uid, user.gid)
  const data = join(dir, 'data')
  const init = spawnSync(
    join(PG_BIN, 'initdb'),
    ['-D', data, '-U', 'kg', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { encoding: 'utf8', ...(user ?? {}) },
  )
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const port = await freePort()
  // fsync off: the tests kill Node servers, never PostgreSQL itself, so its durability is not under test.
  const proc = spawn(
    join(PG_BIN, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
      '-c',
      'shared_buffers=64MB',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(user ?? {}) },
  )
  let log = ''
  proc.stderr.on('data', (d: Buffer) => void (log = (log + d.toString('utf8')).slice(-4000)))
  const url = `postgres://kg@127.0.0.1:${port}/postgres`
  await waitFor(async () => {
    if (proc.exitCode !== null) throw new Error(`postgres exited: ${log}`)
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.end()
    return true
  }, 'postgres')
  return {
    url,
    stop: async () => {
      await stopProcess(proc, 'SIGINT') // fast shutdown
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** redis-server without persistence in a temp folder. */
export async function startRedis(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-redis-'))
  const redisServer = systemProgram('redis-server')
  if (!redisServer) throw new Error('redis-server is not installed (.ci/run installs it)')
  const port = await freePort()
  const proc = spawn(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  proc.stdout.on('data', (d: Buffer) => void (out = (out + d.toString('utf8')).slice(-4000)))
  await waitFor(() => {
    if (proc.exitCode !== null) return Promise.reject(new Error(`redis-server exited: ${out}`))
    return Promise.resolve(out.includes('Ready to accept connections'))
  }, 'redis-server')
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopProcess(proc, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A database of its own for one data folder: the same folder (a restart) finds the same database. */
export async function databaseFor(adminUrl: string, dataDir: string): Promise<string> {
  const name = `kg_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    const exists = await c.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) await c.query(`create database ${name}`)
  } finally {
    await c.end()
  }
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}
