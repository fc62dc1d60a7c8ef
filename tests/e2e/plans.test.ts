import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId, type TestSocket } from '../helpers/server'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'

const SECRET = 'CANARY-PLAN-GEHEIM'

const SHARED = 'Bij oma slapen helpt'

/**
 * The begeleider's plans in the browser (docs/plans.md): from a finished Stoplicht to an actieplan with a
 * goal, its sheet for the parent, a veiligheidsplan drafted from the answers and the flags, and an
 * evaluation; then the child's version on the child's own phone. Screenshots at every size.
 */
describe.runIf(hasBrowser)('browser: actieplan, veiligheidsplan and evaluation', () => {
  const web = useBrowser({ seeded: true })
  let childId = ''
  let gesprekId = ''
  const sockets: TestSocket[] = []
  let send: (event: unknown) => Promise<void>

  beforeAll(async () => {
    childId = await web.newChild('Noor', '8-12', { phase: 2 })
    await web.sanne.request('PUT', `/api/parents/children/${childId}`, {
      present: 'mama',
      other: {},
      flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
    })
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })
    gesprekId = g.body.gesprek.id
    const joined = await new HttpUser(web.server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    const socket = connect(web.server.url, { token: joined.body.token })
    sockets.push(socket)
    await connected(socket)
    await emitAck(socket, 'gesprek:join', { gesprekId })
    send = async (event: unknown) => {
      const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
      if (!ack.ok) throw new Error(`child command failed: ${ack.error}`)
    }
    await send({ type: 'nav.next' })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'ladder-0001', scale: 5 } })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'nodig-0001', text: SHARED, prompt: 'helpt', pictures: ['family'] } })
    await send({ type: 'item.add', item: { id: 'nodig-0002', text: SECRET, prompt: 'helpt' } })
    await send({ type: 'share.set', itemIds: ['nodig-0001', 'ladder-0001'], level: 'begeleider-vertelt' })
    await send({ type: 'share.set', itemIds: ['nodig-0002'], level: 'alleen-ik' })
  }, 90_000)

  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  async function begeleiderPage(): Promise<Page> {
    const ctx = await web.context({ viewport: LAPTOP })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.login(page)
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    return page
  }
  async function bothSizes(page: Page, name: string) {
    await shot(page, `${name}-laptop`)
    await page.setViewportSize(TABLET)
    await shot(page, `${name}-tablet`)
    await page.setViewportSize(LAPTOP)
  }

  it('actieplan from what the child said, and a parent sheet without private words', async () => {
    const page = await begeleiderPage()
    await page.getByRole('link', { name: 'Noor', exact: true }).click()
    await page.getByRole('link', { name: 'Actieplan', exact: true }).click()
    await page.getByRole('heading', { name: 'Actieplan van Noor' }).waitFor()
    const suggestion = page.getByTestId('cited').filter({ hasText: SHARED })
    await suggestion.waitFor()
    expect(await page.content()).not.toContain(SECRET)
    await suggestion.getByRole('button', { name: 'Maak er een doel van' }).click()
    await page.getByLabel('Doel 1, in de woorden van het gezin').fill('Noor weet bij wie ze terecht kan')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText('Opgeslagen', { exact: true }).waitFor()
    await bothSizes(page, 'plans-actieplan')

    await page.getByRole('link', { name: 'Blad voor de ouder' }).click()
    const sheet = page.getByTestId('plan-sheet')
    await sheet.getByText('Noor weet bij wie ze terecht kan').waitFor()
    expect(await sheet.textContent()).toContain(SHARED)
    expect(await page.content()).not.toContain(SECRET)
    await page.emulateMedia({ media: 'print' })
    await shot(page, 'plans-actieplan-sheet-print')
    await page.emulateMedia({ media: 'screen' })
    await page.context().close()
  })

  it('veiligheidsplan drafted from nodig and the flags, with a child version and who agreed', async () => {
    const page = await begeleiderPage()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/veiligheidsplan`)
    await page.getByRole('heading', { name: 'Veiligheidsplan van Noor' }).waitFor()
    await page.getByText('Voorstel: opgesteld uit wat het kind deelde').waitFor()
    // The begeleider's flag is already a line under "Wat moet er gebeuren?", the shared answer cited.
    expect(await page.getByLabel('Wat moet er gebeuren? 1').inputValue()).toBe('Papa weet het adres niet.')
    await page.getByTestId('safety-flag').filter({ hasText: 'Papa' }).waitFor()
    expect(await page.content()).not.toContain(SECRET)
    await page.getByRole('button', { name: 'Regel toevoegen' }).first().click()
    await page.getByLabel('Waarover zijn er zorgen? 1').fill('Noor slaapt slecht sinds de verhuizing')
    await page.getByRole('button', { name: 'Maak een voorstel' }).click()
    await expect.poll(() => page.getByTestId('child-line').count()).toBe(2)
    for (const who of ['Ouder', 'Kind', 'Begeleider'])
      await page
        .locator('.agree-list li')
        .filter({ hasText: who })
        .getByRole('button', { name: 'Akkoord vastleggen' })
        .click()
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText('Opgeslagen', { exact: true }).waitFor()
    await bothSizes(page, 'plans-veiligheidsplan')
    await page.context().close()
  })

  it('evaluation: the three questions, the scale beside the child’s own, and a trend', async () => {
    const page = await begeleiderPage()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/evaluatie`)
    await page.getByRole('heading', { name: 'Evaluatie van Noor' }).waitFor()
    // Prefilled from the veiligheidsplan; the child's own number beside the scale.
    expect(await page.getByLabel('Waarover zijn er zorgen?').inputValue()).toContain('Noor slaapt slecht')
    expect(await page.getByTestId('child-scale').textContent()).toContain('5')
    await page.getByText('de situatie is veilig genoeg').waitFor()
    await page.locator('.scale-dot').filter({ hasText: /^6$/ }).click()
    await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click()
    await page.getByText('Opgeslagen', { exact: true }).waitFor()
    await page.getByTestId('evaluation-trend').locator('circle').first().waitFor()
    await bothSizes(page, 'plans-evaluatie')
    // The same trend in the history pictures.
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/geschiedenis`)
    await page.getByTestId('evaluation-trend').waitFor()
    await page.context().close()
  })

  it('the child version on the child’s own phone: pictures, read-aloud, big text and targets', async () => {
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.join(page, g.body.join!.code)
    await page.getByTestId('safety-plan-open').click()
    const plan = page.getByTestId('safety-plan')
    await plan.getByText('Je bent hier veilig.').waitFor()
    await plan.getByText('Samen afgesproken met: je ouder, jij, je begeleider.').waitFor()
    expect(await page.content()).not.toContain(SECRET)
    expect(await page.content()).not.toContain('Papa')
    const sizes = await plan.evaluate((el) => {
      const texts = [...el.querySelectorAll('p, h1')].map((n) => parseFloat(getComputedStyle(n).fontSize))
      const targets = [...el.querySelectorAll('button')].map((b) => b.getBoundingClientRect())
      return { minText: Math.min(...texts), minTarget: Math.min(...targets.map((r) => Math.min(r.width, r.height))) }
    })
    expect(sizes.minText).toBeGreaterThanOrEqual(18)
    expect(sizes.minTarget).toBeGreaterThanOrEqual(44)
    expect(await plan.locator('.read-aloud').count()).toBeGreaterThanOrEqual(4)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'plans-child-version-phone')
    await page.emulateMedia({ media: 'print' })
    await shot(page, 'plans-child-version-print')
    await ctx.close()
  })

  it('the jongere’s version in the kamer, on a phone', async () => {
    const { childId: samId, name } = await setUpKamer(web.server.url, web.sanne)
    const lines = [{ picture: 'bed', text: 'Je hebt hier een vaste plek om te slapen.' }]
    const body = { worries: [], mustHappen: [], whoDoesWhat: [], citations: [], childVersion: lines, agreements: [] }
    expect((await web.sanne.request('PUT', `/api/plans/children/${samId}/veiligheidsplan`, body)).status).toBe(200)
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${web.server.url}/kamer`)
    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill(KAMER_PIN)
    await page.getByRole('button', { name: 'Openen' }).click()
    await page.getByRole('button', { name: /Mijn veiligheidsplan/ }).click()
    await page.getByTestId('safety-plan').getByText(lines[0]!.text).waitFor()
    await page.getByText('Voor je veiligheid zorgen de volwassenen om je heen.', { exact: false }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'plans-kamer-phone')
    await ctx.close()
  })

  it('axe: the plan screens and sheets have no serious or critical violations', async () => {
    const page = await begeleiderPage()
    for (const path of ['actieplan', 'veiligheidsplan', 'evaluatie', 'actieplan/afdruk', 'veiligheidsplan/afdruk']) {
      await page.goto(`${web.server.url}/begeleider/kind/${childId}/${path}`)
      await page.locator('.plan-page, [data-testid="plan-sheet"]').first().waitFor()
      await page.waitForLoadState('networkidle')
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the child keeps the cited answer to themself later: it leaves the parent sheet', async () => {
    await send({ type: 'share.set', itemIds: ['nodig-0001'], level: 'alleen-ik' })
    const page = await begeleiderPage()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/actieplan/afdruk`)
    await page.getByTestId('plan-sheet').getByText('Noor weet bij wie ze terecht kan').waitFor()
    expect(await page.content()).not.toContain(SHARED)
    await page.goto(`${web.server.url}/begeleider/kind/${childId}/veiligheidsplan/afdruk`)
    await page.getByTestId('plan-sheet').getByText('Papa weet het adres niet.').waitFor()
    expect(await page.content()).not.toContain(SHARED)
    await page.context().close()
  })
})
