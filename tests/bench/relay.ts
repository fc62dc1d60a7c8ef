/**
 * Benchmarks 1 and 4: relay latency child emit → begeleider receives, and server memory per connected
 * gesprek, at 100, 1,000 and 5,000 gesprekken, each child sending one `item.add` every 2 s. The product
 * (zod, authz, dedupe, machine, durable commit, projection, patch) and a bare socket.io relay (no
 * validation, no storage) run under the same load in the same run; the load generators are processes
 * of their own. Prints one JSON line per figure with its target. Beside the latencies, figures the
 * machine's load hides less: the server's CPU per message, commits per disk sync, the writer thread's
 * time split between statements and sync, and the event loop's delay; and the product once more with
 * its data folder on tmpfs (RAM) in the same run, so the disk's share of a commit shows. Before each
 * level, the disk's own floor on the data folder's file system (one append + fdatasync, one single-row
 * SQLite commit with the product's pragmas): no durable answer can be faster than one sync. The CPU
 * per message is given for the process and for its main thread alone, and the main thread's busy share.
 * Env: RELAY_LEVELS=100,1000,5000, BENCH_SECONDS (steady state per level, default 15),
 * RELAY_TMPFS_LEVELS (default 1000; empty: none), TMPFS_DIR (default /dev/shm).
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { diskSync } from './lib/disk-sync'
import { rmSync } from 'node:fs'
import {
  cleanSeeds,
  collect,
  cpuMs,
  figure,
  login,
  mainThreadBusy,
  percentiles,
  rssKiB,
  runLoad,
  seededDataDir,
  sleep,
  startBare,
  startProduct,
  statsBetween,
  type Proc,
} from './lib/harness'

const LEVELS = (process.env.RELAY_LEVELS ?? '100,1000,5000').split(',').map(Number)
const TMPFS_LEVELS = (process.env.RELAY_TMPFS_LEVELS ?? '1000').split(',').filter(Boolean).map(Number)
const TMPFS = process.env.TMPFS_DIR ?? '/dev/shm'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const WARMUP_MS = 5000
const INTERVAL_MS = 2000

/** p99 targets (ms) per level, and the ratio to the bare relay (issue: fast). */
const P99_TARGET: Record<number, number> = { 1000: 5, 5000: 20 }
const RATIO_TARGET: Record<number, number> = { 1000: 2 }

type Run = {
  latency: ReturnType<typeof percentiles>
  rssPerPairKiB: number
  /** The same after the steady state, garbage the collector has not taken back yet included. */
  rssPerPairAfterLoadKiB: number
  cpuPerMsgMs: number
  /** The main thread's share of it (the writer thread and the runtime's helpers are the rest). */
  mainCpuPerMsgMs: number
  server: ReturnType<typeof statsBetween> | null
  /** The share of the interval the server's main thread was busy (event-loop utilisation). */
  mainBusy: number
  errors: object
  sent: number
}

async function run(
  server: Proc,
  url: string,
  mode: 'product' | 'bare',
  pairs: { gesprekId: string; token: string }[],
  cookie?: string,
): Promise<Run> {
  const pid = server.child.pid!
  await sleep(1000)
  const rssBefore = rssKiB(pid)
  const gens = await runLoad(
    { mode, url, cookie, intervalMs: INTERVAL_MS, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000 },
    pairs,
    pairs.length >= 2000 ? 2 : 1,
  )
  // Every pair connected and joined, nothing sent yet: what a connected gesprek costs.
  await sleep(1000)
  const rssConnected = rssKiB(pid)
  for (const g of gens) g.send({ type: 'start' })
  await sleep(WARMUP_MS)
  const product = mode === 'product'
  // Both servers print STATS (and, with BENCH_CPU_PROF, a profile of the interval); only the product commits.
  const s0 = await server.stats()
  const cpu0 = cpuMs(pid)
  const main0 = cpuMs(pid, pid)
  await sleep(SECONDS * 1000 - 500)
  const cpu1 = cpuMs(pid)
  const main1 = cpuMs(pid, pid)
  const s1 = await server.stats()
  const rssAfter = rssKiB(pid)
  const r = await collect(gens)
  const msgs = (pairs.length * (SECONDS - 0.5) * 1000) / INTERVAL_MS
  return {
    latency: percentiles(r.latencies),
    rssPerPairKiB: (rssConnected - rssBefore) / pairs.length,
    rssPerPairAfterLoadKiB: (rssAfter - rssBefore) / pairs.length,
    cpuPerMsgMs: (cpu1 - cpu0) / msgs,
    mainCpuPerMsgMs: (main1 - main0) / msgs,
    server: product ? statsBetween(s0, s1, msgs) : null,
    mainBusy: mainThreadBusy(s0, s1),
    errors: r.errors,
    sent: r.sent,
  }
}

// Seeded once for the largest level; each level takes its first n gesprekken.
rmSync(seededDataDir(Math.max(...LEVELS)).dataDir, { recursive: true, force: true })
for (const n of LEVELS) {
  const { dataDir, pairs } = seededDataDir(n)
  // The disk's own floor on the file system of this level's data folder, just before its run.
  const floor = diskSync(dirname(dataDir))
  const product = await startProduct(dataDir)
  const url = `http://127.0.0.1:${product.port}`
  const p = await run(product, url, 'product', pairs, await login(url))
  await product.stop()

  // The same product and load with the data folder in RAM: what is left is the code, not the disk.
  let t: Run | null = null
  if (TMPFS_LEVELS.includes(n) && existsSync(TMPFS)) {
    const ramDir = mkdtempSync(join(TMPFS, 'kg-bench-'))
    cpSync(dataDir, ramDir, { recursive: true })
    const ram = await startProduct(ramDir)
    const ramUrl = `http://127.0.0.1:${ram.port}`
    t = await run(ram, ramUrl, 'product', pairs, await login(ramUrl))
    await ram.stop()
    rmSync(ramDir, { recursive: true, force: true })
  }
  rmSync(dataDir, { recursive: true, force: true })

  const bare = await startBare()
  const b = await run(
    bare,
    `http://127.0.0.1:${bare.port}`,
    'bare',
    pairs.map((x, i) => ({ gesprekId: `pair-${i}`, token: '' })),
  )
  await bare.stop()

  const extra = { gesprekken: n, msgPerS: n / (INTERVAL_MS / 1000), seconds: SECONDS }
  // A durable answer waits for at least one sync: the relay's p99 on this disk cannot go below these.
  figure('relay', 'disk floor: append + fdatasync p99', floor.append.p99, 'ms', null, { ...extra, ...floor.append })
  figure('relay', 'disk floor: SQLite single-row commit p99 (WAL, synchronous=FULL)', floor.sqlite.p99, 'ms', null, {
    ...extra,
    ...floor.sqlite,
  })
  figure('relay', 'product p50', p.latency.p50, 'ms', null, { ...extra, ...p.latency, errors: p.errors })
  figure('relay', 'product p99', p.latency.p99, 'ms', P99_TARGET[n] ? { max: P99_TARGET[n] } : null, extra)
  figure('relay', 'bare p50', b.latency.p50, 'ms', null, { ...extra, ...b.latency })
  figure('relay', 'bare p99', b.latency.p99, 'ms', null, extra)
  figure(
    'relay',
    'p99 ratio product/bare',
    p.latency.p99 / b.latency.p99,
    '×',
    RATIO_TARGET[n] ? { max: RATIO_TARGET[n] } : null,
    extra,
  )
  figure('relay', 'server CPU per message, product', p.cpuPerMsgMs, 'ms', null, {
    ...extra,
    mainThread: p.mainCpuPerMsgMs,
    bare: b.cpuPerMsgMs,
    bareMainThread: b.mainCpuPerMsgMs,
    ...(t ? { tmpfs: t.cpuPerMsgMs, tmpfsMainThread: t.mainCpuPerMsgMs } : {}),
    mainThreadBusy: p.mainBusy,
    bareMainThreadBusy: b.mainBusy,
  })
  // Where a commit's time went (counts and times the load moves less than latency).
  if (p.server)
    figure('relay', 'commits per disk sync, product', p.server.commitsPerSync, 'commits', null, {
      ...extra,
      ...p.server,
    })
  if (t) {
    figure('relay', 'product p99, data on tmpfs', t.latency.p99, 'ms', null, {
      ...extra,
      ...t.latency,
      errors: t.errors,
    })
    if (t.server)
      figure('relay', 'commits per sync, data on tmpfs', t.server.commitsPerSync, 'commits', null, {
        ...extra,
        ...t.server,
      })
  }
  figure('memory', 'RSS per connected gesprek, product', p.rssPerPairKiB, 'KiB', null, {
    ...extra,
    afterLoadKiB: p.rssPerPairAfterLoadKiB,
  })
  figure('memory', 'RSS per connected gesprek, bare', b.rssPerPairKiB, 'KiB', null, {
    ...extra,
    afterLoadKiB: b.rssPerPairAfterLoadKiB,
  })
  figure(
    'memory',
    'RSS per gesprek ratio product/bare',
    p.rssPerPairKiB / b.rssPerPairKiB,
    '×',
    n >= 1000 ? { max: 1.3 } : null,
    extra,
  )
}
cleanSeeds()
process.exit(0)
