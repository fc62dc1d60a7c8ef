/**
 * Benchmark 3: capacity. 1,000 connected gesprekken; the children's answer rate steps up (every answer
 * a durable commit, relayed to its begeleider) until p99 child emit → begeleider receives passes 50 ms.
 * Prints each step and the highest commit rate that held p99 ≤ 50 ms, and at each step what bounds it:
 * the main thread's busy share (CPU-bound near 1) and the writer thread's share in its disk sync with the
 * answers each sync carries (sync-bound when the writer is busy and the main thread is not).
 * Env: CAPACITY_RATES (per second, default 1000,2500,5000,7500), CAPACITY_SECONDS (default 10).
 */
import { rmSync } from 'node:fs'
import {
  cleanSeeds,
  collect,
  figure,
  login,
  mainThreadBusy,
  percentiles,
  round,
  runLoad,
  seededDataDir,
  sleep,
  startProduct,
  type ServerStats,
} from './lib/harness'

const N = 1000
const RATES = (process.env.CAPACITY_RATES ?? '1000,2500,5000,7500').split(',').map(Number)
const SECONDS = Number(process.env.CAPACITY_SECONDS ?? 10)
const WARMUP_MS = 3000

const { dataDir, pairs } = seededDataDir(N)
const server = await startProduct(dataDir)
const url = `http://127.0.0.1:${server.port}`
const cookie = await login(url)
let best = 0
let last: object = {}
for (const rate of RATES) {
  const gens = await runLoad(
    { mode: 'product', url, cookie, intervalMs: (N * 1000) / rate, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000 },
    pairs,
    2,
  )
  for (const g of gens) g.send({ type: 'start' })
  await sleep(WARMUP_MS)
  const s0 = await server.stats()
  await sleep(SECONDS * 1000 - 500)
  const s1 = await server.stats()
  const r = await collect(gens)
  const limit = boundBy(s0, s1)
  const l = percentiles(r.latencies)
  const achieved = l.n / SECONDS
  figure(
    'capacity',
    `p99 at ${rate} commits/s offered`,
    l.p99,
    'ms',
    { max: 50 },
    { ...l, achievedPerS: Math.round(achieved), errors: r.errors, ...limit },
  )
  last = { rate, achieved: Math.round(achieved), ...limit }
  if (l.p99 <= 50 && Object.keys(r.errors).length === 0) best = Math.max(best, achieved)
  else break
  await sleep(1000)
}
await server.stop()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()
// The step that ended the climb says what the limit is.
figure(
  'capacity',
  'highest durable commit rate at p99 ≤ 50 ms',
  best,
  'commits/s',
  { min: 5000 },
  {
    gesprekken: N,
    lastStep: last,
  },
)

/**
 * What bounds the rate between two STATS lines: the main thread's busy share (event-loop utilisation),
 * the writer thread's share of the wall time in statements and in its commit's sync, the answers per
 * sync; `cause` names the busier of the two threads once one passes 85%.
 */
function boundBy(a: ServerStats, b: ServerStats) {
  const main = mainThreadBusy(a, b)
  const wallMs = b.elu.active + b.elu.idle - a.elu.active - a.elu.idle
  const wa = a.commits?.writer
  const wb = b.commits?.writer
  const syncShare = wa && wb ? round((wb.syncMs - wa.syncMs) / wallMs) : NaN
  const writerShare = wa && wb ? round((wb.execMs + wb.syncMs - wa.execMs - wa.syncMs) / wallMs) : NaN
  const batches = (b.commits?.batches ?? 0) - (a.commits?.batches ?? 0)
  const writes = (b.commits?.writes ?? 0) - (a.commits?.writes ?? 0)
  const cause =
    Math.max(main, writerShare) < 0.85
      ? 'neither thread saturated'
      : main >= writerShare
        ? 'main-thread CPU'
        : 'disk sync'
  return {
    mainThreadBusy: main,
    writerBusy: writerShare,
    writerInSync: syncShare,
    commitsPerSync: batches > 0 ? round(writes / batches) : NaN,
    cause,
  }
}
process.exit(0)
