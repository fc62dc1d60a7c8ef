import { chromium } from 'playwright-core'
import { CHROMIUM } from '../helpers/browser'
import { startTestServer } from '../helpers/server'
const route = process.argv[2] ?? 'kind'
const server = await startTestServer({ retentionDays: false })
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
const page = await context.newPage()
const cdp = await context.newCDPSession(page)
await cdp.send('Network.enable')
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
const t0 = Date.now()
page.on('response', (r) => console.log('resp', Date.now() - t0, r.status(), r.url().replace(server.url, '')))
await page.addInitScript(() => {
  const w = window as any
  w.__shifts = []; w.__lcp = []
  new PerformanceObserver((l) => l.getEntries().forEach((e: any) => w.__shifts.push({ t: Math.round(e.startTime), v: e.value, src: (e.sources ?? []).map((s: any) => ({ node: s.node ? (s.node.outerHTML ?? s.node.nodeName).slice(0, 120) : null, prev: [s.previousRect.y, s.previousRect.height], cur: [s.currentRect.y, s.currentRect.height] })) }))).observe({ type: 'layout-shift', buffered: true })
  new PerformanceObserver((l) => l.getEntries().forEach((e: any) => w.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.outerHTML.slice(0, 150) : null, url: e.url }))).observe({ type: 'largest-contentful-paint', buffered: true })
})
void page.goto(`${server.url}/${route}`, { waitUntil: 'load' })
for (let i = 1; i <= 8; i++) {
  await page.waitForTimeout(500)
  await page.screenshot({ path: `/tmp/r18/shots/${route}-${i * 500}.png` }).catch(() => undefined)
}
console.log(JSON.stringify(await page.evaluate(() => ({ shifts: (window as any).__shifts, lcp: (window as any).__lcp, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime })), null, 1))
await browser.close()
await server.stop()
process.exit(0)
