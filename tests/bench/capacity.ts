/**
 * Benchmark 3: capacity. 1,000 connected gesprekken; the children's answer rate steps up (every answer
 * a durable commit, relayed to its begeleider) until p99 child emit → begeleider receives passes 50 ms.
 * Prints each step and the highest commit rate that held p99 ≤ 50 ms. Env: CAPACITY_RATES (per second,
 * default 1000,2500,5000,7500), CAPACITY_SECONDS (default 10).
 */
import { rmSync } from 'node:fs'
import {
  cleanSeeds,
  collect,
  figure,
  login,
  percentiles,
  runLoad,
  seededDataDir,
  sleep,
  startProduct,
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
for (const rate of RATES) {
  const gens = await runLoad(
    { mode: 'product', url, cookie, intervalMs: (N * 1000) / rate, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000 },
    pairs,
    2,
  )
  for (const g of gens) g.send({ type: 'start' })
  const r = await collect(gens)
  const l = percentiles(r.latencies)
  const achieved = l.n / SECONDS
  figure(
    'capacity',
    `p99 at ${rate} commits/s offered`,
    l.p99,
    'ms',
    { max: 50 },
    { ...l, achievedPerS: Math.round(achieved), errors: r.errors },
  )
  if (l.p99 <= 50 && Object.keys(r.errors).length === 0) best = Math.max(best, achieved)
  else break
  await sleep(1000)
}
await server.stop()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()
figure('capacity', 'highest durable commit rate at p99 ≤ 50 ms', best, 'commits/s', { min: 5000 }, { gesprekken: N })
process.exit(0)
