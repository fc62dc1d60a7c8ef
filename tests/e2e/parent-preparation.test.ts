import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** Everything the page received over HTTP and websockets while `during` ran, as one string. */
async function received(page: Page, during: () => Promise<void>): Promise<string> {
  const seen: string[] = []
  const pending: Promise<void>[] = []
  const onResponse = (r: import('playwright-core').Response) =>
    void pending.push(
      r.text().then(
        (t) => void seen.push(t),
        () => undefined,
      ),
    )
  const onSocket = (ws: import('playwright-core').WebSocket) =>
    ws.on('framereceived', (f) => void seen.push(String(f.payload)))
  page.on('response', onResponse)
  page.on('websocket', onSocket)
  await during()
  page.off('response', onResponse)
  page.off('websocket', onSocket)
  await Promise.all(pending)
  return seen.join('\n')
}

/**
 * A separate preparation for the parent who did not come along (docs/deelafspraak.md, "Each parent
 * apart"), from the begeleider's side: from the child's page to papa's preparation and papa's sheet,
 * holding what was agreed about informing papa and papa's own notes, never a word the child meant for
 * mama, neither on the page nor in anything the browser received; and mama's the other way round.
 */
describe.runIf(hasBrowser)('browser: a preparation per parent', () => {
  const web = useBrowser()
  const { start } = useServers()

  it('papa’s preparation and sheet hold nothing meant for mama, and mama’s nothing meant for papa', async () => {
    const server = await start({ demo: true })
    const api = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    const childId = (
      (await api.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '8-12' })).body as {
        id: string
      }
    ).id
    const profile = {
      present: 'mama',
      other: { role: 'Lina mist hem', risk: 'zorg', contact: 'begeleid', gezag: 'ja' },
      flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
    }
    expect((await api.request('PUT', `/api/parents/children/${childId}`, profile)).status).toBe(200)
    const AGREED = 'Papa krijgt elke zes weken een kort verslag over hoe het met Lina gaat.'
    await api.post(`/api/workspace/children/${childId}/other-parent`, { text: AGREED, agreedOn: '2026-11-20' })

    // The child shares one answer "aan mama" (the begeleider tells) and one she tells mama herself.
    const AAN_MAMA = `AANMAMA${randomUUID().slice(0, 8)}`
    const ZELF_MAMA = `ZELFMAMA${randomUUID().slice(0, 8)}`
    const g = (await api.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const token = (
      (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })).body as {
        token: string
      }
    ).token
    const kind = connect(server.url, { token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId: g.gesprek.id })).ok).toBe(true)
    const send = async (event: unknown) =>
      expect(
        (await emitAck(kind, 'gesprek:command', { gesprekId: g.gesprek.id, clientMsgId: msgId(), event })).ok,
      ).toBe(true)
    await send({ type: 'nav.next' })
    await send({
      type: 'item.add',
      item: { id: 'colour-eigen-0001', subject: 'eigen', colour: 'groen', text: AAN_MAMA },
    })
    await send({
      type: 'item.add',
      item: { id: 'colour-eigen-0002', subject: 'eigen', colour: 'oranje', text: ZELF_MAMA },
    })
    await send({ type: 'share.set', itemIds: ['colour-eigen-0001'], level: 'begeleider-vertelt', to: 'mama' })
    await send({ type: 'share.set', itemIds: ['colour-eigen-0002'], level: 'zelf-vertellen', to: 'mama' })
    kind.disconnect()

    const ctx = await web.context({ viewport: LAPTOP })
    await ctx.addCookies([{ name: 'kg_session', value: api.cookie.split('=')[1]!, url: server.url }])
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    const PAPA_NOTE = `Vertel papa over de nieuwe school-vrienden ${randomUUID().slice(0, 6)}`

    // From the child's page to papa's preparation, and on to papa's sheet.
    const papaPhase = await received(page, async () => {
      await page.goto(`${server.url}/begeleider/kind/${childId}`)
      await page.getByTestId('prepare-other').click()
      await page.getByRole('heading', { name: 'Gesprek met papa voorbereiden · Lina' }).waitFor()
      await page.getByTestId('prep-informed').getByText(AGREED).waitFor()
      await page
        .getByTestId('prep-caution')
        .getByText(/Papa: geheim adres/)
        .waitFor()
      expect(await page.getByRole('radio', { name: /Voor papa/ }).getAttribute('aria-checked')).toBe('true')
      expect(await page.getByTestId('prep-item').count()).toBe(0)
      // Papa's own notes start from the points of informing that parent, not mama's.
      const points = page.getByLabel('Gesprekspunten')
      expect(await points.inputValue()).toContain('zoals afgesproken met beide ouders')
      await points.fill(PAPA_NOTE)
      for (const [name, size] of [
        ['phone', PHONE],
        ['tablet', TABLET],
        ['laptop', LAPTOP],
      ] as const) {
        await page.setViewportSize(size)
        await shot(page, `prep-andere-ouder-${name}`)
      }
      await page.getByTestId('print').click()
      await page.getByRole('heading', { name: 'Voorbereiding gesprek met papa' }).waitFor()
      const sheet = page.getByTestId('handout')
      await sheet.getByText(AGREED).waitFor()
      expect(await sheet.textContent()).toContain(PAPA_NOTE)
      // The begeleider's cautions stay on the screen: not on a sheet that could reach papa.
      expect(await sheet.textContent()).not.toMatch(/geheim adres|Contactregeling|Risico|Gezag/)
      for (const [name, size] of [
        ['phone', PHONE],
        ['tablet', TABLET],
        ['laptop', LAPTOP],
      ] as const) {
        await page.setViewportSize(size)
        await shot(page, `handout-andere-ouder-${name}`)
      }
    })
    for (const secret of [AAN_MAMA, ZELF_MAMA]) {
      expect(papaPhase).not.toContain(secret)
      expect(await page.content()).not.toContain(secret)
    }

    // Back, and to mama's: the child's words for mama are there, papa's notes are not.
    await page.setViewportSize(LAPTOP)
    await page.getByRole('button', { name: /Terug/ }).click()
    await page.getByRole('heading', { name: 'Gesprek met papa voorbereiden · Lina' }).waitFor()
    expect(await page.getByLabel('Gesprekspunten').inputValue()).toBe(PAPA_NOTE)
    const mamaPhase = await received(page, async () => {
      await page.getByRole('radio', { name: /Voor mama/ }).click()
      await page.getByRole('heading', { name: 'Oudergesprek voorbereiden · Lina' }).waitFor()
      await page.getByText(AAN_MAMA).waitFor()
      await page.getByText(ZELF_MAMA).waitFor()
      expect(await page.getByTestId('prep-other').count()).toBe(0)
      expect(await page.getByLabel('Gesprekspunten').inputValue()).not.toContain(PAPA_NOTE)
      await shot(page, 'prep-mama-laptop')
      await page.getByTestId('print').click()
      await page.getByRole('heading', { name: 'Voorbereiding oudergesprek' }).waitFor()
      await page.getByTestId('handout').getByText(AAN_MAMA).waitFor()
    })
    expect(mamaPhase).not.toContain(PAPA_NOTE)
    expect(await page.getByTestId('handout').textContent()).not.toContain(AGREED)
    await ctx.close()
  }, 120_000)

  it('from the family sheet for papa, a sibling whose talk is with mama links to that child’s own preparation for papa', async () => {
    const server = await start({ demo: true })
    const api = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    const card = (
      await api.post<CaseloadChild>('/api/workspace/children', {
        nickname: 'Noa',
        ageBand: '8-12',
        newFamily: 'Gezin N.',
      })
    ).body as { id: string; familyId: string }
    const profile = { present: 'mama', other: {}, flags: [] }
    expect((await api.request('PUT', `/api/parents/children/${card.id}`, profile)).status).toBe(200)
    const ctx = await web.context({ viewport: LAPTOP })
    await ctx.addCookies([{ name: 'kg_session', value: api.cookie.split('=')[1]!, url: server.url }])
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/begeleider/gezin/${card.familyId}/oudergesprek`)
    await page.getByTestId('family-child').waitFor()
    await page.getByTestId('family-with').selectOption('papa')
    await page.getByTestId('family-left-out').getByText(/Noa/).waitFor()
    await shot(page, 'family-left-out-link-laptop')
    await page.getByTestId('family-other-prep').click()
    await page.getByRole('heading', { name: 'Gesprek met papa voorbereiden · Noa' }).waitFor()
    expect(await page.getByRole('radio', { name: /Voor papa/ }).getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('prep-other').waitFor()
    await ctx.close()
  }, 90_000)
})
