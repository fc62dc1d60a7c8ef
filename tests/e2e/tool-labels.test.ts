import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, SCREENSHOTS, shot, TABLET } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId, type TestSocket } from '../helpers/server'

const SIZES = { phone: PHONE, tablet: TABLET, laptop: LAPTOP } as const

describe.runIf(hasBrowser)("browser: an answer to an organisation's own prompt shows its words", () => {
  const web = useBrowser({ seeded: true })
  let socket: TestSocket | undefined
  let childId = ''

  beforeAll(async () => {
    // The trainer adds a place of her own to the Stoplicht, in Dutch and English only.
    const admin = await HttpUser.login(web.server.url, 'admin-a')
    const doc = (await admin.get<{ doc: ToolVersionDoc }>('/api/tool-versions/stoplicht/draft')).body.doc
    const edited: ToolVersionDoc = {
      ...doc,
      steps: doc.steps.map((s) => (s.id === 'plekken' ? { ...s, prompts: [...s.prompts!, 'plek-k3x9qa'] } : s)),
      texts: {
        ...doc.texts,
        nl: { ...doc.texts.nl, 'plekken.prompts.plek-k3x9qa': 'Bij de voetbalclub' },
        en: { ...doc.texts.en, 'plekken.prompts.plek-k3x9qa': 'At the football club' },
      },
    }
    expect((await admin.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: edited })).status).toBe(200)
    expect((await admin.post('/api/tool-versions/stoplicht/publish', { note: 'Voetbalclub' })).status).toBe(201)
    // A child answers the new place and wants to tell it herself at the oudergesprek.
    const { sanne } = web
    childId = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })).body.id
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht', lang: 'nl' })
    const joined = await new HttpUser(web.server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    socket = connect(web.server.url, { token: joined.body.token })
    await connected(socket)
    const gesprekId = joined.body.gesprekId
    await emitAck(socket, 'gesprek:join', { gesprekId })
    const send = async (event: unknown) =>
      expect(await emitAck(socket!, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })).toMatchObject({
        ok: true,
      })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'item-club-0001', subject: 'plek-k3x9qa', colour: 'groen' } })
    await send({ type: 'share.set', itemIds: ['item-club-0001'], level: 'zelf-vertellen' })
  }, 90_000)

  afterAll(() => {
    socket?.disconnect()
  })

  async function loggedIn() {
    const ctx = await web.context({ viewport: LAPTOP })
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await web.login(page)
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    return { ctx, page }
  }

  it('the history and the oudergesprek preparation say "Bij de voetbalclub", never its key', async () => {
    const { ctx, page } = await loggedIn()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/geschiedenis`)
    // The Stoplicht row's label (wrapped over lines in the plot) and its words beside the plot.
    const label = page.locator('.plot__label').first()
    await expect.poll(async () => (await label.locator('tspan').allTextContents()).join(' ')).toBe('Bij de voetbalclub')
    await page.locator('.plot__words summary').click()
    await page.locator('.plot__words li').getByText('Bij de voetbalclub').waitFor()
    expect(await page.locator('.history').innerText()).not.toContain('plek-k3x9qa')
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size)
      await shot(page, `tool-labels-history-${name}`)
    }

    await page.setViewportSize(LAPTOP)
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/oudergesprek`)
    const item = page.getByTestId('prep-item').first()
    await item.getByText('Bij de voetbalclub').waitFor()
    expect(await item.innerText()).not.toContain('plek-k3x9qa')
    await shot(page, 'tool-labels-oudergesprek-laptop')
    await ctx.close()
  })

  it('the child page offers the Stoplicht only in the languages its version has', async () => {
    const { ctx, page } = await loggedIn()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}`)
    const stoplicht = page.getByRole('button', { name: 'Stoplicht', exact: true })
    await stoplicht.waitFor()
    expect(await stoplicht.isEnabled()).toBe(true)
    await page.getByLabel('Taal van het gesprek').selectOption('ti')
    await expect.poll(() => stoplicht.isDisabled()).toBe(true)
    await page.getByTestId('tool-not-in-language').getByText('Nederlands, English').waitFor()
    // A tool on its built-in version keeps every language.
    expect(await page.getByRole('button', { name: 'Drie huizen', exact: true }).isEnabled()).toBe(true)
    const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Gesprek starten' }) })
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size)
      await panel.screenshot({ path: join(SCREENSHOTS, `tool-languages-child-${name}.png`) })
    }
    await ctx.close()
  })
})
