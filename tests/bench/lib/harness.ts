/**
 * Shared pieces of the benchmarks: processes for the product server, the bare relay and the load
 * generators, /proc readings, percentiles, and the one JSON line per figure each benchmark prints.
 * Loopback only; every process started here is ended here.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LoadConfig, LoadResult } from './load-gen'

export const ROOT = process.cwd()
const TSX = ['--import', 'tsx']

/** One figure: what, the measured value, its unit, the target beside it and whether it was met. */
export function figure(
  bench: string,
  name: string,
  value: number,
  unit: string,
  target: { max?: number; min?: number } | null,
  extra: Record<string, unknown> = {},
) {
  const met =
    target === null
      ? null
      : (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min)
  // The machine is shared: the 1-minute load average goes beside every figure.
  const line = { bench, figure: name, value: round(value), unit, target, met, load1: round(loadavg()[0]!), ...extra }
  process.stdout.write(JSON.stringify(line) + '\n')
  return line
}

export const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x)

export function percentiles(xs: number[]) {
  const s = Float64Array.from(xs).sort()
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN)
  return { n: s.length, p50: round(q(0.5)), p90: round(q(0.9)), p99: round(q(0.99)), max: round(q(1)) }
}

export type Proc = {
  child: ChildProcess
  port: number
  stop: (signal?: NodeJS.Signals) => Promise<void>
  /** The product server's STATS line (tests/reliability/server-process.ts); each call starts a new interval. */
  stats: () => Promise<ServerStats>
}

export type ServerStats = {
  cpu: { user: number; system: number }
  loopDelay: { p50: number; p99: number; max: number }
  /** `performance.eventLoopUtilization()` since the start: the main thread's busy and idle time, ms. */
  elu: { active: number; idle: number }
  /** null for the bare relay, which commits nothing. */
  commits: {
    batches: number
    writes: number
    maxBatch: number
    batchMs: number
    waitMs: number
    writer?: { batches: number; writes: number; execMs: number; syncMs: number }
  } | null
}

/** The share of the time between two STATS lines the main thread was busy (0-1). */
export function mainThreadBusy(a: ServerStats, b: ServerStats): number {
  const active = b.elu.active - a.elu.active
  const idle = b.elu.idle - a.elu.idle
  return active + idle > 0 ? round(active / (active + idle)) : NaN
}

/** What happened between two STATS lines, per commit and per transaction (one disk sync each). */
export function statsBetween(a: ServerStats, b: ServerStats, messages: number) {
  if (!a.commits || !b.commits) throw new Error('no commit counts: not the product server')
  const batches = b.commits.batches - a.commits.batches
  const writes = b.commits.writes - a.commits.writes
  const wa = a.commits.writer
  const wb = b.commits.writer
  const per = (x: number, n: number) => (n > 0 ? round(x / n) : NaN)
  return {
    cpuPerMsgMs: per((b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000, messages),
    commitsPerSync: per(writes, batches),
    maxBatch: b.commits.maxBatch,
    batchMs: per(b.commits.batchMs - a.commits.batchMs, batches),
    waitPerCommitMs: per(b.commits.waitMs - a.commits.waitMs, writes),
    ...(wa && wb
      ? { writerExecMs: per(wb.execMs - wa.execMs, batches), writerSyncMs: per(wb.syncMs - wa.syncMs, batches) }
      : {}),
    mainThreadBusy: mainThreadBusy(a, b),
    loopDelayP99Ms: b.loopDelay.p99,
    loopDelayMaxMs: b.loopDelay.max,
  }
}

/** Starts a node process running `script` and waits for its `LISTENING <port>` line. */
export function startListening(script: string, env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, [...TSX, join(ROOT, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
    // BENCH_SERVER_LOG=<file>: keep what the measured processes logged (warnings and errors).
    if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, d)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), 60_000)
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${stderr}`)))
    let out = ''
    const statsWaiters: ((s: ServerStats) => void)[] = []
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const lines = out.split('\n')
      out = lines.pop()!
      for (const line of lines)
        if (line.startsWith('STATS ')) statsWaiters.shift()?.(JSON.parse(line.slice(6)) as ServerStats)
      const m = /LISTENING (\d+)/.exec(lines.join('\n'))
      if (!m) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({
        child,
        port: Number(m[1]),
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill(signal)
          }),
        stats: () =>
          new Promise<ServerStats>((done) => {
            statsWaiters.push(done)
            child.kill('SIGUSR2')
          }),
      })
    })
  })
}

/** Resident set size of a process, KiB. */
export function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : NaN
}

/** CPU time (user + system) a process has used, ms; `thread`: of that one thread only (the main one is the pid). */
export function cpuMs(pid: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

export type LoadGen = {
  child: ChildProcess
  ready: Promise<void>
  send: (m: object) => void
  ask: <T>(m: object, reply: string) => Promise<T>
  result: Promise<LoadResult>
}

/** Forks one load-generator process for a slice of the gesprekken. */
export function loadGen(config: LoadConfig): LoadGen {
  // In a file, not the environment: a thousand tokens and cookies pass the limit of one variable.
  const file = join(mkdtempSync(join(tmpdir(), 'kg-load-')), 'config.json')
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 })
  const child = fork(join(ROOT, 'tests/bench/lib/load-gen.ts'), [], {
    execArgv: TSX,
    env: { ...process.env, LOAD_CONFIG_FILE: file },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiters = new Map<string, (m: any) => void>()
  child.on('message', (m: { type: string }) => {
    const w = waiters.get(m.type)
    if (w) {
      waiters.delete(m.type)
      w(m)
    }
  })
  const wait = (type: string) => new Promise<any>((r) => waiters.set(type, r))
  child.once('exit', () => rmSync(join(file, '..'), { recursive: true, force: true }))
  const failed = new Promise<never>((_, reject) =>
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`))),
  )
  failed.catch(() => undefined)
  return {
    child,
    ready: Promise.race([wait('ready').then(() => undefined), failed]),
    send: (m) => child.send(m),
    ask: (m, reply) => {
      const p = wait(reply)
      child.send(m)
      return p
    },
    result: Promise.race([wait('result').then((m: { result: LoadResult }) => m.result), failed]),
  }
}

/** Splits the gesprekken over `n` load generators and runs them together. */
export async function runLoad(base: Omit<LoadConfig, 'pairs'>, pairs: LoadConfig['pairs'], n: number) {
  const gens: LoadGen[] = []
  const per = Math.ceil(pairs.length / n)
  for (let i = 0; i < n; i++) {
    const slice = pairs.slice(i * per, (i + 1) * per)
    if (slice.length) gens.push(loadGen({ ...base, pairs: slice }))
  }
  await Promise.all(gens.map((g) => g.ready))
  return gens
}

export async function collect(gens: LoadGen[]) {
  const results = await Promise.all(gens.map((g) => g.result))
  const errors: Record<string, number> = {}
  for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v
  return {
    latencies: results.flatMap((r) => r.latencies),
    sent: results.reduce((a, r) => a + r.sent, 0),
    acked: results.reduce((a, r) => a + r.acked, 0),
    errors,
    acks: Object.assign({}, ...results.map((r) => r.acks ?? {})) as Record<string, string[]>,
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A data folder with an organisation, its begeleider and demo gesprekken, made through the admin CLI
 * (docs/performance.md). Seeded once per bench run with the most asked for, copied for each use; a
 * benchmark takes the first `count` gesprekken.
 */
let seed: { count: number; dir: string } | null = null
export const BENCH_PASSWORD = 'bench-password-1'
export type SeededPair = { gesprekId: string; token: string; cookie: string }
export function seededDataDir(count: number): { dataDir: string; pairs: SeededPair[] } {
  if (!seed || seed.count < count) {
    if (seed) rmSync(seed.dir, { recursive: true, force: true })
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-seed-'))
    const env = { ...process.env, DATA_DIR: dir }
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [...TSX, join(ROOT, 'server/cli.ts'), ...args], { env, encoding: 'utf8' })
    const ids = JSON.parse(
      cli(
        'create-organisation',
        '--organisation',
        'Bench',
        '--team',
        'Bench',
        '--username',
        'bench',
        '--display-name',
        'Bench',
        '--password',
        BENCH_PASSWORD,
      ),
    ) as { organisationId: string; begeleiderId: string }
    cli(
      'demo-gesprekken',
      '--organisation-id',
      ids.organisationId,
      '--begeleider-id',
      ids.begeleiderId,
      '--count',
      String(count),
      '--to',
      join(dir, 'demo.json'),
    )
    seed = { count, dir }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-bench-'))
  cpSync(seed.dir, dataDir, { recursive: true })
  const all = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as SeededPair[]
  return { dataDir, pairs: all.slice(0, count) }
}

export function cleanSeeds() {
  if (seed) rmSync(seed.dir, { recursive: true, force: true })
  seed = null
}
/** Logs the bench begeleider in through the product's own route; the cookie serves every begeleider socket. */
export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

/** The product server as its own process on a seeded data folder. */
export function startProduct(dataDir: string, port = 0) {
  return startListening('tests/reliability/server-process.ts', { DATA_DIR: dataDir, PORT: String(port) })
}
export const startBare = () => startListening('tests/bench/lib/bare-server.ts', {})
