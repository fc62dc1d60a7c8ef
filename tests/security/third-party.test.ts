import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { hasBrowser, launch, PHONE } from '../helpers/browser'
import { HttpUser, seedOrganisations, startTestServer, type TestServer } from '../helpers/server'

/** No third parties (docs/security.md): the child's pages load nothing from anywhere but our own origin (no fonts, CDNs, trackers). */
describe.runIf(hasBrowser)('zero third-party requests', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    server = await startTestServer({ retentionDays: false })
    await seedOrganisations(server)
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function record(path: string) {
    const page = await browser.newPage({ viewport: PHONE })
    const urls: string[] = []
    page.on('request', (r) => urls.push(r.url()))
    page.on('websocket', (ws) => urls.push(ws.url()))
    await page.goto(server.url + path, { waitUntil: 'networkidle' })
    await page.waitForTimeout(500)
    await page.close()
    return urls
  }

  it('on /kind, through joining a gesprek, and on /kamer', async () => {
    const sanne = await HttpUser.login(server.url, 'sanne')
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const own = new URL(server.url)
    const all = [
      ...(await record('/kind')),
      // With a code in the fragment the child joins: the gesprek screen, its pictures and the socket load too.
      ...(await record(`/kind#${String(g.body.join!.code)}`)),
      ...(await record('/kamer')),
    ]
    expect(all.length).toBeGreaterThan(5)
    expect(all.some((u) => u.includes('/socket.io/'))).toBe(true)
    const foreign = all.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false
      const url = new URL(u)
      return url.hostname !== own.hostname || url.port !== own.port
    })
    expect(foreign).toEqual([])
  })
})
