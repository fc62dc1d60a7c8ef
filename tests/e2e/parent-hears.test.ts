import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { afterAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId, type TestSocket } from '../helpers/server'
import { words } from './flow'

const screens = words('nl', 'screens')

/**
 * The method: a child knows what the parent does and does not know. Right after the deelafspraak, the
 * closing screen says per parent what the begeleider tells and what the child tells itself, and that
 * the rest stays from the parents except for safety; read aloud, with pictures for the youngest.
 */
describe.runIf(hasBrowser)('browser: “Wat je ouder hoort” on the child’s closing screen', () => {
  const web = useBrowser({ seeded: true })
  const sockets: TestSocket[] = []

  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  /** A Drie huizen gesprek driven to its closing by the child's own token; the tab then resumes it. */
  async function toClosing(ageBand: string, answers: [string, string, string, 'mama' | undefined][]) {
    const child = (
      await web.sanne.post<CaseloadChild>('/api/workspace/children', {
        nickname: ageBand === '4-7' ? 'Kim' : 'Lars',
        ageBand,
      })
    ).body.id
    await web.sanne.request('PUT', `/api/parents/children/${child}`, { present: 'mama', other: {}, flags: [] })
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child, toolId: 'drie-huizen' })
    const joined = (await new HttpUser(web.server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code }))
      .body
    const socket = connect(web.server.url, { token: joined.token })
    sockets.push(socket)
    await connected(socket)
    const gesprekId = g.body.gesprek.id
    const send = async (event: unknown) => {
      const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
      if (!ack.ok) throw new Error(`child command failed: ${ack.error}`)
    }
    // intro → huis-goed → huis-zorgen → huis-dromen: one answer in each house.
    for (const [id, text] of answers) {
      await send({ type: 'nav.next' })
      await send({ type: 'item.add', item: { id, text } })
    }
    await send({ type: 'nav.next' }) // sterktes, left empty
    await send({ type: 'nav.next' }) // the sharing step
    for (const [id, , level, to] of answers)
      await send({ type: 'share.set', itemIds: [id], level, ...(to ? { to } : {}) })
    await send({ type: 'nav.next' }) // the closing
    socket.disconnect()
    const ctx = await web.context({ viewport: PHONE, hasTouch: true })
    await ctx.addInitScript((s) => {
      if (!sessionStorage.getItem('kg.kind')) sessionStorage.setItem('kg.kind', s)
    }, JSON.stringify(joined))
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${web.server.url}/kind`)
    return { ctx, page }
  }

  it('4-7: what the begeleider tells mama, what the child tells itself, and that the rest stays', async () => {
    const { ctx, page } = await toClosing('4-7', [
      ['ph-goed-00001', 'Ik kan hard rennen', 'begeleider-vertelt', 'mama'],
      ['ph-zorg-00001', 'GEHEIM-ZORG van mij', 'alleen-ik', undefined],
      ['ph-droom-0001', 'Ik wil een hond', 'zelf-vertellen', 'mama'],
    ])
    const block = page.getByTestId('parent-hears')
    await block.waitFor()
    await block.getByRole('heading', { name: screens('parentHears.title') }).waitFor()
    const tells = block.getByTestId('parent-hears-begeleider')
    await tells.getByText(screens('parentHears.begeleider.mama', { name: 'Sanne' })).waitFor()
    expect(await tells.textContent()).toContain('Ik kan hard rennen')
    const self = block.getByTestId('parent-hears-zelf')
    await self.getByText(screens('parentHears.zelf.mama')).waitFor()
    expect(await self.textContent()).toContain('Ik wil een hond')
    // The private answer is not under what mama hears; the honest limit is said plainly.
    expect(await block.textContent()).not.toContain('GEHEIM-ZORG')
    await block.getByText(screens('parentHears.rest', { name: 'Sanne' })).waitFor()
    // Read aloud and pictures for the youngest: a read-aloud button per line, the picture, the level icons.
    expect(await block.locator('.read-aloud').count()).toBeGreaterThanOrEqual(4)
    expect(await block.locator('img.parent-hears__picture').count()).toBe(1)
    expect(await block.locator('.parent-hears__line > svg').count()).toBe(2)
    await block.scrollIntoViewIfNeeded()
    await shot(page, 'parent-hears-young-phone')
    await page.setViewportSize(LAPTOP)
    await shot(page, 'parent-hears-young-laptop')
    await ctx.close()
  }, 90_000)

  it('nothing chosen for a parent: the child is told the parent hears nothing of it', async () => {
    const { ctx, page } = await toClosing('8-12', [
      ['ph-goed-00002', 'Voetbal is leuk', 'begeleider', undefined],
      ['ph-zorg-00002', 'GEHEIM-TWEE', 'alleen-ik', undefined],
      ['ph-droom-0002', 'Een eigen kamer', 'begeleider', undefined],
    ])
    const block = page.getByTestId('parent-hears')
    await block.getByText(screens('parentHears.none', { name: 'Sanne' })).waitFor()
    expect(await block.getByTestId('parent-hears-begeleider').count()).toBe(0)
    expect(await block.textContent()).not.toContain('GEHEIM-TWEE')
    await block.scrollIntoViewIfNeeded()
    await shot(page, 'parent-hears-none-phone')
    await ctx.close()
  }, 90_000)
})
