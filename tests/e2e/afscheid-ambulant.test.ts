import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { words } from './flow'

const stoplicht = words('nl', 'tool-stoplicht')
const afscheid = words('nl', 'tool-afscheid')
const kennismaking = words('nl', 'tool-kennismaking')

/** What the child sees of two issue-14 changes: the ambulant Stoplicht's places, and the afscheid. */
describe.runIf(hasBrowser)('browser: ambulant Stoplicht and the afscheid', () => {
  const web = useBrowser({ seeded: true })

  async function join(toolId: string, ageBand: string, living: string) {
    const childId = await web.newChild('Mo', ageBand, { living })
    const g = (await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })).body as {
      join: { code: string }
    }
    const ctx = await web.context({ viewport: PHONE, hasTouch: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.join(page, g.join.code)
    return { page, ctx }
  }

  it('an ambulant child colours "Thuis, waar je nu woont" and has no opvang place', async () => {
    const { page, ctx } = await join('stoplicht', '8-12', 'ambulant')
    await page.getByRole('button', { name: /Verder/ }).click()
    await page
      .getByRole('heading', { name: stoplicht('plekken.title') })
      .first()
      .waitFor()
    await page.getByText(stoplicht('plekken.prompts.thuis-nu')).first().waitFor()
    expect(await page.getByText(stoplicht('plekken.prompts.opvang')).count()).toBe(0)
    await shot(page, 'stoplicht-ambulant-phone')
    await ctx.close()
  }, 90_000)

  it("a jongere says goodbye: the handover by the begeleider's name, new contacts written down", async () => {
    const { page, ctx } = await join('afscheid', '16-18', 'residentieel')
    await page.getByRole('heading', { name: afscheid('intro.title') }).waitFor()
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: /Verder/ }).click()
    await page.getByRole('heading', { name: afscheid('overdracht.title') }).waitFor()
    await page.getByText(afscheid('overdracht.prompt', { name: 'Sanne' })).waitFor()
    await shot(page, 'afscheid-overdracht-phone')
    await page.getByRole('button', { name: /Verder/ }).click()
    await page.getByRole('heading', { name: afscheid('contacten.title') }).waitFor()
    await page.getByText(afscheid('contacten.prompt_jongere')).waitFor()
    await page.getByRole('textbox').first().fill('Wijkteam, Petra 06-12345678')
    await page.getByRole('button', { name: 'Zet erin' }).click()
    await page.getByText('Wijkteam, Petra 06-12345678').first().waitFor()
    await shot(page, 'afscheid-contacten-phone')
    await page.setViewportSize(TABLET)
    await shot(page, 'afscheid-contacten-tablet')
    await page.setViewportSize(LAPTOP)
    await shot(page, 'afscheid-contacten-laptop')
    await ctx.close()
  }, 90_000)

  it('an ambulant child at home is asked where it sleeps, and its afscheid is the end of the guidance, not leaving here', async () => {
    const k = await join('kennismaking', '8-12', 'ambulant')
    await k.page.getByRole('heading', { name: kennismaking('intro.title') }).waitFor()
    for (const next of ['begeleider', 'slapen']) {
      await k.page.locator('.kind-nav .btn--primary').click()
      await k.page
        .getByRole('heading', { name: kennismaking(`${next}.title`, { name: 'Sanne' }) })
        .first()
        .waitFor()
    }
    await k.page.getByText(kennismaking('slapen.prompt_ambulant')).waitFor()
    expect(await k.page.getByText(kennismaking('slapen.prompt')).count()).toBe(0)
    await shot(k.page, 'kennismaking-ambulant-slapen-phone')
    await k.ctx.close()

    const a = await join('afscheid', '8-12', 'ambulant')
    await a.page.getByText(afscheid('intro.prompt_ambulant')).waitFor()
    expect(await a.page.getByText(afscheid('intro.prompt')).count()).toBe(0)
    await shot(a.page, 'afscheid-ambulant-intro-phone')
    await a.page.setViewportSize(TABLET)
    await shot(a.page, 'afscheid-ambulant-intro-tablet')
    await a.page.setViewportSize(LAPTOP)
    await shot(a.page, 'afscheid-ambulant-intro-laptop')
    await a.ctx.close()
  }, 120_000)

  it("an ambulant child's page names what the method asks at home", async () => {
    await web.sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Ayla',
      ageBand: '8-12',
      living: 'ambulant',
    })
    await web.sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Bram',
      ageBand: '8-12',
      living: 'residentieel',
    })
    const ctx = await web.context({ viewport: LAPTOP })
    const beg = await ctx.newPage()
    beg.setDefaultTimeout(10_000)
    await web.login(beg)
    await beg.getByRole('link', { name: /Ayla/ }).first().click()
    const note = beg.getByTestId('ambulant-note')
    await note.waitFor()
    expect(await note.textContent()).toBe(words('nl', 'workspace')('method.ambulant'))
    await note.scrollIntoViewIfNeeded()
    await shot(beg, 'method-ambulant-note-laptop')
    await beg.setViewportSize(PHONE)
    await note.scrollIntoViewIfNeeded()
    await shot(beg, 'method-ambulant-note-phone')
    await beg.setViewportSize(LAPTOP)
    await beg
      .getByRole('link', { name: /Terug|Kinderen|Caseload/ })
      .first()
      .click()
    await beg.getByRole('link', { name: /Bram/ }).first().click()
    await beg.getByTestId('method-panel').waitFor()
    expect(await beg.getByTestId('ambulant-note').count()).toBe(0)
    await ctx.close()
  }, 120_000)
})
