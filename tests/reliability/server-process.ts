/**
 * The real server as a child process, for tests that kill it (crash, graceful shutdown).
 * Env: DATA_DIR (required), PORT (default 0), SEED_GESPREKKEN=N with SEED_OUT=<file> to seed N
 * guided gesprekken with a joined child device each (written as JSON; the begeleider session too).
 * Prints `LISTENING <port>` on stdout once it accepts connections. SIGTERM closes gracefully.
 */
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { writeFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { startServer } from '../../server/app'
import { createSession } from '../../server/auth/sessions'
import { redeemJoinCode } from '../../server/auth/join-codes'
import { createLogger } from '../../server/log'
import { HttpUser, seedOrganisations } from '../helpers/server'
import { cpuProfiler } from '../bench/lib/cpu-prof'

const dataDir = process.env.DATA_DIR
if (!dataDir) throw new Error('DATA_DIR is required')
// Log lines go to stderr as JSON, so a test can grep them for answer text (docs/security.md); info is left out to keep runs quiet.
const log = createLogger((l) => process.stderr.write(l + '\n'), process.env.LOG_INFO !== '1')
const server = await startServer({
  dataDir,
  port: Number(process.env.PORT ?? 0),
  log,
  databaseUrl: process.env.DATABASE_URL,
  instanceKey: process.env.KINDGESPREK_KEY || undefined,
  redisUrl: process.env.REDIS_URL,
  redisPrefix: process.env.REDIS_PREFIX,
  ...(process.env.RETENTION_EVERY_MS ? { retentionEveryMs: Number(process.env.RETENTION_EVERY_MS) } : {}),
})

export type SeedFile = {
  cookie: string
  /** Sanne (team A1) and organisation A, for tests that act on the account. */
  begeleiderId: string
  organisationId: string
  /** Each with a begeleider session of its own: a session may hold only a few sockets at once. */
  gesprekken: { gesprekId: string; childId: string; token: string; cookie: string }[]
}

const n = Number(process.env.SEED_GESPREKKEN ?? 0)
if (n > 0) {
  const ids = await seedOrganisations(server)
  const sanne = await HttpUser.login(server.url, 'sanne')
  const gesprekken: SeedFile['gesprekken'] = []
  for (let i = 0; i < n; i++) {
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: `Kind ${String.fromCharCode(97 + (i % 26))}`,
      ageBand: '8-12',
    })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    // Straight through the redeem function: the per-IP join limit would otherwise stop the seeding itself.
    const joined = await redeemJoinCode(server.deps, String(g.body.join!.code).replace('-', ''))
    gesprekken.push({
      gesprekId: joined.gesprekId,
      childId: joined.childId,
      token: joined.token,
      cookie: `kg_session=${await createSession(server.deps, ids.a1)}`,
    })
  }
  // A session of its own for the begeleider sockets, so the login rate limit never matters.
  const cookie = `kg_session=${await createSession(server.deps, ids.a1)}`
  writeFileSync(
    process.env.SEED_OUT ?? `${dataDir}/seed.json`,
    JSON.stringify({ cookie, begeleiderId: ids.a1, organisationId: ids.a.organisationId, gesprekken }),
  )
}

// Benchmarks: SIGUSR2 prints one `STATS {...}` line (CPU, event-loop delay, where commits spent their
// time) and starts the next interval; counts and times only, never content (tests/bench/lib/harness.ts).
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
/** The main thread's busy and idle time since the start, ms (a benchmark takes the difference). */
const eluNow = () => {
  const { active, idle } = performance.eventLoopUtilization()
  return { active, idle }
}
loopDelay.enable()
// BENCH_CPU_PROF=<dir>: also a CPU profile of each interval between two STATS lines, into that folder.
const profile = cpuProfiler('server')
process.on('SIGUSR2', () => {
  profile?.()
  const ms = (ns: number) => Math.round(ns / 1e4) / 100
  const stats = {
    cpu: process.cpuUsage(),
    loopDelay: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
    elu: eluNow(),
    commits: server.host.commitStats(),
  }
  loopDelay.reset()
  process.stdout.write(`STATS ${JSON.stringify(stats)}\n`)
})

// After the SIGUSR2 handler: a signal before it would end the process.
process.stdout.write(`LISTENING ${server.port}\n`)

process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
})
