import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, SCREENSHOTS } from '../helpers/browser'
import { HttpUser, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { toLastIdea } from './flow'

/**
 * Every step of every child tool, and of every kamer tool, on two phone sizes: Snel weg (and Pauze,
 * Stoppen) inside the viewport, the step's heading at the top and focused after every Verder/Terug,
 * the step line naming the step the child is on; on the child's screens every text at least 18px and
 * every control at least 44px. Screenshots are taken by tests/e2e/screens.test.ts.
 */
const NAMES = ['Ada', 'Bas', 'Cas', 'Dirk', 'Eva', 'Fem', 'Gijs', 'Hanna']
const nameFor = (width: number, toolId: string) => NAMES[(width === 360 ? 0 : 4) + TOOL_ORDER.indexOf(toolId)]!
const TOOL_ORDER = ['drie-huizen', 'stoplicht', 'mijn-netwerk', 'mijn-kamer']
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
]
/** The step line's label; the youngest (4-7) see a `_jong` label where the tool has one. */
const label = (toolId: string, stepId: string, ageBand?: string): string => {
  const steps = (
    JSON.parse(readFileSync(`locales/nl/tool-${toolId}.json`, 'utf8')) as { steps: Record<string, string> }
  ).steps
  return (ageBand === '4-7' ? steps[`${stepId}_jong`] : undefined) ?? steps[stepId]!
}

type Layout = {
  exits: { name: string; top: number; bottom: number }[]
  heading: { text: string; top: number; focused: boolean } | null
  barBottom: number
  stepLine: string
  currentDot: number
}

/** Where things are right now, measured in the page. */
function layout(page: Page, bar: string): Promise<Layout> {
  return page.evaluate((barSelector) => {
    const box = (el: Element) => el.getBoundingClientRect()
    const exits = [...document.querySelectorAll(`${barSelector} button`)].map((b) => ({
      name: (b.textContent ?? '').trim(),
      top: box(b).top,
      bottom: box(b).bottom,
    }))
    const h1 = document.querySelector('.step-host h1')
    const barEl = document.querySelector(barSelector)
    const dots = [...document.querySelectorAll('.steps li')]
    return {
      exits,
      heading: h1
        ? { text: (h1.textContent ?? '').trim(), top: box(h1).top, focused: document.activeElement === h1 }
        : null,
      barBottom: barEl ? box(barEl).bottom : 0,
      stepLine: document.querySelector('[data-testid="step-line"]')?.textContent ?? '',
      currentDot: dots.findIndex((d) => d.getAttribute('aria-current') === 'step'),
    }
  }, bar)
}

/** Text under 18px and controls under 44px on a child's screen (what is visible, not screen-reader text). */
function tooSmall(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || el.closest('svg, script, style') || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 17.95) out.push(`text ${size}px: “${(n.textContent ?? '').trim().slice(0, 30)}” in .${el.className}`)
    }
    const controls = document.querySelectorAll('button, a[href], input, select, textarea, [role="radio"], [role="tab"]')
    for (const c of controls) {
      if (!visible(c)) continue
      const r = c.getBoundingClientRect()
      if (r.width < 43.5 || r.height < 43.5)
        out.push(
          `control ${Math.round(r.width)}×${Math.round(r.height)}: ${c.tagName} “${(c.textContent ?? c.getAttribute('aria-label') ?? '').trim().slice(0, 30)}” .${c.className}`,
        )
    }
    return out
  })
}

describe.runIf(hasBrowser)('browser: every step on a phone', () => {
  const web = useBrowser()
  let server: TestServer
  let api: HttpUser
  const contexts: BrowserContext[] = []

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  // A server per test: the per-IP limit on joining (five a minute) would count every test's joins.
  const { start: startServer } = useServers()
  beforeEach(async () => {
    server = await startServer({ demo: true })
    api = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
  })
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close()
  })

  async function start(nickname: string, ageBand: string, toolId: string) {
    const child = await api.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand })
    expect(child.status).toBe(201)
    const g = await api.post<NewGesprekOut>('/api/gesprekken', { childId: (child.body as { id: string }).id, toolId })
    expect(g.status).toBe(201)
    const body = g.body as { gesprek: { id: string }; join: { code: string } }
    return { gesprekId: body.gesprek.id, code: body.join.code }
  }

  async function phonePage(size: { width: number; height: number }): Promise<Page> {
    const ctx = await web.context({ viewport: size, hasTouch: true, isMobile: true })
    contexts.push(ctx)
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    return page
  }

  const stored = async (gesprekId: string) => (await server.host.view(gesprekId, 'begeleider')).view
  const receiptStatus = async (token: string) =>
    (await fetch(`${server.url}/api/kind/receipt`, { headers: { authorization: `Bearer ${token}` } })).status

  /** The checks on one step, after it has opened (by join, Verder or Terug). */
  async function checkStep(
    page: Page,
    size: { height: number },
    bar: string,
    expected: { index: number; count: number; label: string },
    where: string,
  ) {
    await expect
      .poll(async () => (await layout(page, bar)).heading?.focused, { timeout: 15_000, message: where })
      .toBe(true)
    const l = await layout(page, bar)
    for (const b of l.exits) {
      expect(b.top, `${where}: ${b.name} top`).toBeGreaterThanOrEqual(0)
      expect(b.bottom, `${where}: ${b.name} bottom`).toBeLessThanOrEqual(size.height)
    }
    expect(l.exits.some((b) => /Snel weg/.test(b.name))).toBe(true)
    // At the top: just under the pinned bar, not scrolled away and not under the bar.
    expect(l.heading!.top, `${where}: heading under the bar`).toBeGreaterThanOrEqual(l.barBottom - 1)
    expect(l.heading!.top, `${where}: heading at the top`).toBeLessThan(l.barBottom + size.height * 0.35)
    expect(l.stepLine, where).toContain(`Stap ${expected.index + 1} van ${expected.count} · ${expected.label}`)
    expect(l.currentDot, where).toBe(expected.index)
  }

  const CHILD_TOOLS = [
    { toolId: 'drie-huizen', ageBand: '4-7' },
    { toolId: 'stoplicht', ageBand: '4-7' },
    { toolId: 'mijn-netwerk', ageBand: '8-12' },
    { toolId: 'mijn-kamer', ageBand: '12-15' },
  ]

  for (const size of PHONES)
    for (const { toolId, ageBand } of CHILD_TOOLS)
      it(`${toolId} (${ageBand}) at ${size.width}×${size.height}: every step, Verder and Terug`, async () => {
        const { gesprekId, code } = await start(nameFor(size.width, toolId), ageBand, toolId)
        const page = await phonePage(size)
        await page.goto(`${server.url}/kind`)
        await page.getByLabel('Code', { exact: true }).fill(code)
        await page.getByRole('button', { name: 'Beginnen' }).click()
        let view = await stored(gesprekId)
        const count = view.step!.count
        const small: string[] = []
        for (let i = 0; i < count; i++) {
          view = await stored(gesprekId)
          const stepId = view.step!.id
          const where = `${toolId} ${size.width} step ${stepId}`
          await checkStep(page, size, '.kind-bar', { index: i, count, label: label(toolId, stepId, ageBand) }, where)
          small.push(...(await tooSmall(page)).map((s) => `${stepId}: ${s}`))
          if (i === 1) {
            // Terug and Verder again: the heading of each is focused at the top once more.
            await page.getByRole('button', { name: /Terug/ }).click()
            await expect.poll(async () => (await stored(gesprekId)).step!.index).toBe(0)
            const first = (await stored(gesprekId)).step!.id
            await checkStep(
              page,
              size,
              '.kind-bar',
              { index: 0, count, label: label(toolId, first, ageBand) },
              `${where} back`,
            )
            await toLastIdea(page)
            await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
            await expect.poll(async () => (await stored(gesprekId)).step!.index).toBe(1)
            await checkStep(
              page,
              size,
              '.kind-bar',
              { index: 1, count, label: label(toolId, stepId, ageBand) },
              `${where} again`,
            )
          }
          // Scrolled to the very bottom, the last thing on the page is still above the pinned Verder bar.
          const covered = await page.evaluate(() => {
            window.scrollTo(0, document.body.scrollHeight)
            const nav = document.querySelector('.kind-nav')!.getBoundingClientRect()
            const shown = [...document.querySelectorAll('.step-host *')].filter(
              (e) => e.getBoundingClientRect().height > 0 && !e.closest('details:not([open]) > :not(summary)'),
            )
            const lowest = shown.sort((a, b) => b.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom)[0]
            return lowest ? { over: lowest.getBoundingClientRect().bottom - nav.top, what: lowest.className } : null
          })
          expect(covered?.over ?? 0, `${where}: ${covered?.what} under the Verder bar`).toBeLessThanOrEqual(1)
          if (i === 0) await toLastIdea(page)
          await page.getByRole('button', { name: i + 1 === count ? /^Klaar/ : /^Verder( →)?$/ }).click()
          if (i + 1 < count) await expect.poll(async () => (await stored(gesprekId)).step?.index).toBe(i + 1)
        }
        await expect.poll(async () => (await stored(gesprekId)).phase).toBe('afgerond')
        expect(small).toEqual([])
      }, 180_000)

  it('a tapped picture, then Verder: stored, and the begeleider sees it with its word', async () => {
    const { gesprekId, code } = await start('Bo', '4-7', 'drie-huizen')
    const page = await phonePage(PHONES[0]!)
    await page.goto(`${server.url}/kind`)
    await page.getByLabel('Code', { exact: true }).fill(code)
    await page.getByRole('button', { name: 'Beginnen' }).click()
    await toLastIdea(page)
    await page.getByRole('button', { name: /Verder/ }).click()
    await page.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await page.getByRole('button', { name: 'huisdier', exact: true }).click()
    // No "Zet erin": straight on.
    await page.getByRole('button', { name: /Verder/ }).click()
    await page.getByRole('heading', { name: 'Huis van niet-fijne dingen' }).waitFor()
    await expect.poll(async () => (await stored(gesprekId)).items.map((i) => i.pictures)).toEqual([['pet']])
    expect((await stored(gesprekId)).items[0]!.stepId).toBe('huis-goed')

    const beg = await web.context({ viewport: { width: 1366, height: 768 } })
    contexts.push(beg)
    await beg.addCookies([{ name: 'kg_session', value: api.cookie.split('=')[1]!, url: server.url }])
    const begPage = await beg.newPage()
    await begPage.goto(`${server.url}/begeleider/gesprek/${gesprekId}`)
    const item = begPage.getByTestId('live-item')
    await item.waitFor()
    expect(await item.textContent()).toContain('huisdier')
    expect(await item.textContent()).toContain('nog geen keuze')
  }, 90_000)

  it('under 8: the sharing step asks two questions, nothing chosen until the child picks, answers above the fold; one closing screen with the keepsake', async () => {
    const { gesprekId, code } = await start('Kim', '4-7', 'drie-huizen')
    const size = PHONES[0]!
    const page = await phonePage(size)
    await page.goto(`${server.url}/kind`)
    await page.getByLabel('Code', { exact: true }).fill(code)
    await page.getByRole('button', { name: 'Beginnen' }).click()
    await toLastIdea(page)
    await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await page.getByRole('button', { name: 'huisdier', exact: true }).click()
    await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    // The next step arrives with the server's view: typing before it would fill the previous step's field.
    await page.getByRole('heading', { name: 'Huis van niet-fijne dingen' }).first().waitFor()
    await page.getByPlaceholder(/Typ het hier/).fill('Ik mis mijn kamer')
    await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await page.getByRole('heading', { name: 'Wie mag het weten?' }).first().waitFor()
    await expect.poll(async () => (await stored(gesprekId)).items.length).toBe(2)
    // The truth is kept (the begeleider sat beside the child) but shown as a state, not a choice.
    expect((await stored(gesprekId)).items.map((i) => [i.share, i.chosen ?? false])).toEqual([
      ['begeleider', false],
      ['begeleider', false],
    ])
    // Under 8: two questions per answer instead of four choices (tests/e2e/young-sharing.test.ts),
    // nothing marked as chosen, the first question and its two answers above the fold.
    expect(await page.getByRole('radio').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Alles tegelijk' }).count()).toBe(0)
    await page.getByTestId('young-question').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/kind-delen-young-360.png` })
    const navTop = await page.locator('.kind-nav').evaluate((e) => e.getBoundingClientRect().top)
    const answers = page.getByTestId('young-choices').locator('.young-choice')
    expect(await answers.count()).toBe(2)
    for (let r = 0; r < 2; r++) {
      const b = (await answers.nth(r).boundingBox())!
      expect(b.y + b.height, `answer ${r} above the fold`).toBeLessThanOrEqual(navTop)
    }
    expect(await page.getByTestId('share-item').textContent()).toContain('huisdier')

    await answers.nth(1).click() // "Nee": not to mama
    await page.getByTestId('young-choices').getByRole('button', { name: 'Ik en mijn begeleider', exact: true }).click()
    await expect.poll(async () => (await stored(gesprekId)).items[0]!.chosen).toBe(true)
    expect((await stored(gesprekId)).items[0]!.share).toBe('begeleider')

    // One closing screen, with the keepsake and its print button (no second "Klaar!" screen).
    await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await page.getByTestId('keepsake').waitFor()
    expect(await page.getByTestId('keepsake').textContent()).toContain('Ik mis mijn kamer')
    expect(await page.getByTestId('keepsake').textContent()).toContain('Mijn begeleider')
    expect(await page.getByTestId('keepsake').textContent()).toContain('Nog niet gekozen')
    expect(await page.getByRole('button', { name: 'Printen' }).count()).toBe(1)
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('kg.kind')!) as { token: string }).token)
    await page.getByRole('button', { name: /^Klaar/ }).click()
    await expect.poll(async () => (await stored(gesprekId)).phase).toBe('afgerond')
    // After Klaar the gesprek's devices end (ADR 0010): the token opens nothing any more and the tab
    // has forgotten it, but the keepsake stays on this screen, from memory, until the child closes it
    // (ADR 0085).
    await expect.poll(() => receiptStatus(token)).toBe(401)
    await page.getByTestId('kept-closing').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('kg.kind'))).toBeNull()
    expect(await page.getByTestId('keepsake').textContent()).toContain('Ik mis mijn kamer')
    expect(await page.getByRole('button', { name: 'Printen' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: /^Klaar/ }).count()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOTS}/kind-keepsake-kept-360.png`, fullPage: true })
    await page.getByRole('button', { name: 'Sluiten' }).click()
    await page.getByLabel('Code', { exact: true }).waitFor()
    expect(await page.getByTestId('keepsake').count()).toBe(0)
  }, 90_000)

  it('a kept keepsake leaves a shared tablet by itself after ten quiet minutes, and a reload finds nothing', async () => {
    const { gesprekId, code } = await start('Noor', '8-12', 'drie-huizen')
    const page = await phonePage(PHONES[1]!)
    await page.clock.install()
    await page.goto(`${server.url}/kind`)
    await page.getByLabel('Code', { exact: true }).fill(code)
    await page.getByRole('button', { name: 'Beginnen' }).click()
    await toLastIdea(page)
    await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await page.getByRole('button', { name: 'huisdier', exact: true }).click()
    const count = (await stored(gesprekId)).step!.count
    for (let i = 1; i < count - 1; i++) {
      await page.getByRole('button', { name: /^Verder( →)?$/ }).click()
      await expect.poll(async () => (await stored(gesprekId)).step?.index).toBe(i + 1)
    }
    await page.getByRole('button', { name: /^Klaar/ }).click()
    await page.getByTestId('kept-closing').waitFor()
    await page.clock.fastForward('09:00')
    expect(await page.getByTestId('kept-closing').count()).toBe(1)
    await page.clock.fastForward('01:30')
    await page.getByLabel('Code', { exact: true }).waitFor()
    expect(await page.getByTestId('keepsake').count()).toBe(0)
    await page.reload()
    await page.getByLabel('Code', { exact: true }).waitFor()
    expect(await page.getByTestId('keepsake').count()).toBe(0)
  }, 90_000)

  for (const size of PHONES)
    it(`kamer at ${size.width}×${size.height}: every step of every tool`, async () => {
      const child = await api.post<CaseloadChild>('/api/workspace/children', {
        nickname: size.width === 360 ? 'Jip' : 'Janneke',
        ageBand: '12-15',
      })
      const invite = await api.post(`/api/kamer/children/${(child.body as { id: string }).id}/invite`)
      const code = (invite.body as { code: string }).code
      const page = await phonePage(size)
      await page.goto(`${server.url}/kamer`)
      await page.getByRole('button', { name: 'Ik heb een code van mijn begeleider' }).click()
      await page.getByLabel('Code van je begeleider').fill(code)
      await page.getByRole('button', { name: 'Verder' }).click()
      await page.getByLabel('Naam van je kamer').fill(size.width === 360 ? 'Blauwe vogel' : 'Rode vos')
      await page.getByLabel('PIN of wachtwoord').fill('482915')
      await page.getByLabel('Nog een keer').fill('482915')
      await page.getByRole('button', { name: 'Kamer maken' }).click()
      await page.getByRole('button', { name: 'Begrepen' }).click()
      await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
      for (const toolId of ['mijn-kamer', 'mijn-netwerk', 'kamer-notities']) {
        const tile = page.locator('.kamer-tile').filter({ hasText: new RegExp(`^${kamerTitle(toolId)}`) })
        await tile.click()
        if (toolId === 'kamer-notities') {
          // One page, no step line: the heading focused at the top, Snel weg in reach.
          await expect.poll(async () => (await layout(page, '.kamer-bar')).heading?.focused).toBe(true)
          const l = await layout(page, '.kamer-bar')
          expect(l.heading!.text).toBe('Notities')
          expect(l.stepLine).toBe('')
          for (const b of l.exits) expect(b.bottom, `notes: ${b.name}`).toBeLessThanOrEqual(size.height)
          expect(l.exits.some((b) => /Snel weg/.test(b.name))).toBe(true)
        }
        const count = await page.locator('.steps li').count()
        for (let i = 0; i < count; i++) {
          const stepId = await currentStepId(page, toolId, i)
          const where = `kamer ${toolId} ${size.width} step ${stepId}`
          await checkStep(page, size, '.kamer-bar', { index: i, count, label: kamerLabel(toolId, stepId) }, where)
          if (i + 1 === count) break
          // Exact: Mijn netwerk's ring chip "Verder weg" is a button too.
          await page.getByRole('button', { name: 'Verder', exact: true }).click()
        }
        await page
          .getByRole('button', { name: /Je kamer/ })
          .first()
          .click()
        await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
      }
    }, 180_000)
})

const kamerJson = JSON.parse(readFileSync('locales/nl/kamer.json', 'utf8')) as {
  tool: Record<string, { title: string }>
}
const kamerTitle = (toolId: string) => kamerJson.tool[toolId]!.title
/** The kamer speaks the adult register: a `_jongere` label where there is one. */
function kamerLabel(toolId: string, stepId: string): string {
  const steps = (
    JSON.parse(readFileSync(`locales/nl/tool-${toolId}.json`, 'utf8')) as { steps: Record<string, string> }
  ).steps
  return steps[`${stepId}_jongere`] ?? steps[stepId]!
}
async function currentStepId(page: Page, toolId: string, index: number): Promise<string> {
  const { CATALOG } = await import('../../dialogs/catalog')
  await expect.poll(() => page.locator('.steps li[aria-current="step"]').count()).toBe(1)
  return CATALOG.find((t) => t.id === toolId)!.steps[index]!.id
}
