/**
 * Benchmark 6: client weight per route (the script a first screen needs, brotli and gzip as served)
 * and a Lighthouse-style page load in headless Chromium with the DevTools protocol's throttling
 * (Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU), median of 5 cold loads per
 * route. The score combines FCP, LCP, TBT and CLS with Lighthouse's mobile curves and weights; Speed
 * Index is not measured and is taken as LCP (an upper bound). Needs `vite build`.
 */
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants } from 'node:zlib'
import { chromium } from 'playwright-core'
import { rmSync } from 'node:fs'
import { CHROMIUM } from '../helpers/browser'
import { startTestServer } from '../helpers/server'
import { figure } from './lib/harness'
import { allRoutesKiB, chunkFiles, initialChunks, readManifest, type Route } from './route-js'

/** Page loads per route (CLIENT_RUNS, default 5); the figure is their median. */
const RUNS = Number(process.env.CLIENT_RUNS ?? 5)
const manifest = readManifest()
const brKiB = (route: Route) =>
  Math.round(
    chunkFiles(manifest, initialChunks(manifest, route)).reduce(
      (n, f) => n + brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      0,
    ) / 102.4,
  ) / 10
const gz = allRoutesKiB(manifest)
for (const route of ['kind', 'kamer', 'begeleider'] as const)
  figure(
    'client',
    `initial script /${route}, brotli`,
    brKiB(route),
    'KiB',
    route === 'begeleider' ? null : { max: 100 },
    { gzipKiB: gz[route] },
  )

// Lighthouse 10 mobile scoring: log-normal curves through (p10, median), and the weights.
const CURVES = { fcp: [1800, 3000], si: [3387, 5800], lcp: [2500, 4000], tbt: [200, 600], cls: [0.1, 0.25] } as const
const WEIGHTS = { fcp: 0.1, si: 0.1, lcp: 0.25, tbt: 0.3, cls: 0.25 } as const
function erf(x: number) {
  const t = 1 / (1 + 0.3275911 * Math.abs(x))
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x)
  return x >= 0 ? y : -y
}
function curve(value: number, [p10, median]: readonly [number, number]) {
  if (value <= 0) return 1
  const sigma = Math.log(median / p10) / (Math.SQRT2 * 0.9061938)
  return Math.min(1, Math.max(0, 0.5 * (1 - erf(Math.log(value / median) / (Math.SQRT2 * sigma)))))
}

const server = await startTestServer({ retentionDays: false })
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
})
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
for (const route of ['kind', 'kamer', 'begeleider'] as const) {
  const runs: { fcp: number; lcp: number; tbt: number; cls: number; score: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.addInitScript(() => {
      const w = window as unknown as { __m: { lcp: number; cls: number; tbt: number } }
      w.__m = { lcp: 0, cls: 0, tbt: 0 }
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__m.lcp = e.startTime))).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      })
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => (w.__m.cls += (e as unknown as { value: number }).value)),
      ).observe({ type: 'layout-shift', buffered: true })
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => (w.__m.tbt += Math.max(0, e.duration - 50))),
      ).observe({ type: 'longtask', buffered: true })
    })
    await page.goto(`${server.url}/${route}`, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const m = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
      return { fcp, ...(window as unknown as { __m: { lcp: number; cls: number; tbt: number } }).__m }
    })
    const lcp = m.lcp || m.fcp
    const score =
      WEIGHTS.fcp * curve(m.fcp, CURVES.fcp) +
      WEIGHTS.si * curve(lcp, CURVES.si) +
      WEIGHTS.lcp * curve(lcp, CURVES.lcp) +
      WEIGHTS.tbt * curve(m.tbt, CURVES.tbt) +
      WEIGHTS.cls * curve(m.cls, CURVES.cls)
    runs.push({ fcp: m.fcp, lcp, tbt: m.tbt, cls: m.cls, score })
    await context.close()
  }
  const med = {
    fcp: median(runs.map((r) => r.fcp)),
    lcp: median(runs.map((r) => r.lcp)),
    tbt: median(runs.map((r) => r.tbt)),
    cls: median(runs.map((r) => r.cls)),
  }
  const score = median(runs.map((r) => r.score))
  figure(
    'client',
    `/${route} Lighthouse-style score (mobile, median of ${RUNS})`,
    score,
    '0-1',
    { min: route === 'begeleider' ? 0.9 : 0.95 },
    med,
  )
  figure(
    'client',
    `/${route} LCP (mobile, median of ${RUNS})`,
    med.lcp / 1000,
    's',
    route === 'begeleider' ? null : { max: 2 },
  )
}
await browser.close()
await server.stop()
rmSync(server.dataDir, { recursive: true, force: true })
process.exit(0)
