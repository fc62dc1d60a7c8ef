import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import type { TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { toLastIdea } from './flow'
import { outsideTheirRing } from './rings'

const SIZES = { phone: PHONE, tablet: TABLET, laptop: LAPTOP } as const
const next = (page: Page) => page.getByRole('button', { name: /^Verder( →)?$/ })
const back = (page: Page) => page.getByRole('button', { name: /^(← )?Terug$/ })

/** The pixels of a screenshot, decoded by the browser itself (no image package needed). */
async function pixels(decoder: Page, png: Buffer): Promise<[number, number, number][]> {
  return decoder.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const g = canvas.getContext('2d')!
    g.drawImage(img, 0, 0)
    const d = g.getImageData(0, 0, img.width, img.height).data
    const out: [number, number, number][] = []
    for (let i = 0; i < d.length; i += 4) out.push([d[i]!, d[i + 1]!, d[i + 2]!])
    return out
  }, png.toString('base64'))
}
const near = (a: readonly number[], b: readonly number[], d: number) => Math.hypot(...a.map((v, i) => v - b[i]!)) < d

/**
 * The step screens' controls a child touches (issue 11): the netwerk's "mag niet weten" box, the
 * ladder's faces, Terug and Verder while the line is down, and typing while the next step is on its
 * way. E2E_DIST may point at another client build (to watch these fail on an older one).
 */
describe.runIf(hasBrowser)('browser: step controls', () => {
  const web = useBrowser()
  const { startSeeded } = useServers()

  async function begin(nickname: string, ageBand: string, toolId: string) {
    const { server, sanne } = await startSeeded(process.env.E2E_DIST ? { distDir: process.env.E2E_DIST } : {})
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: (child.body as { id: string }).id, toolId })
    const { gesprek, join } = g.body as { gesprek: { id: string }; join: { code: string } }
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/kind`)
    await page.getByLabel('Code', { exact: true }).fill(join.code)
    await page.getByRole('button', { name: 'Beginnen' }).click()
    await page.locator('.step-host h1').first().waitFor()
    const stored = async () => (await server.host.view(gesprek.id, 'begeleider')).view
    return { server, ctx, page, stored }
  }

  async function atAllSizes(page: Page, name: string) {
    for (const [label, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size)
      await page.evaluate(() => window.scrollTo(0, 0))
      await shot(page, `step-${name}-${label}`)
    }
    await page.setViewportSize(PHONE)
  }

  /** The line drops: the phone goes offline and the server loses the socket. */
  async function dropLine(server: TestServer, ctx: BrowserContext, page: Page) {
    await ctx.setOffline(true)
    server.io.disconnectSockets(true)
    await page.getByText('Even geen verbinding').waitFor()
  }

  it('the netwerk’s “mag niet weten” is a real checkbox in calm colours, its whole label a big target', async () => {
    const { page, stored } = await begin('Sam', '8-12', 'mijn-netwerk')
    await next(page).click()
    const add = async (name: string, circle: string) => {
      await page.getByLabel('Naam of bijnaam').fill(name)
      await page
        .getByRole('group', { name: 'Wie is het?' })
        .getByRole('button', { name: 'Familie', exact: true })
        .click()
      await page
        .getByRole('group', { name: 'Hoe dichtbij?' })
        .first()
        .getByRole('button', { name: circle, exact: true })
        .click()
      await page.getByRole('button', { name: 'Zet erin' }).click()
      await page.locator('.person-card:not(.is-pending)', { hasText: name }).waitFor()
    }
    await add('Oom Kees', 'Heel dichtbij')
    // More people on every circle, long names too: each stays inside the ring of their circle.
    for (const [name, circle] of [
      ['Tante Fatima', 'Dichtbij'],
      ['Meester Kees', 'Verder weg'],
      ['Buurvrouw Els', 'Verder weg'],
      ['Coach Jan-Willem', 'Verder weg'],
      ['Opa Henk', 'Dichtbij'],
    ] as const)
      await add(name, circle)
    expect(await outsideTheirRing(page, '.netwerk-circles', '.netwerk-circles__person')).toEqual([])
    const card = page.locator('.person-card', { hasText: 'Oom Kees' })
    await card.getByRole('button', { name: 'Vertel meer' }).click()
    const box = card.getByRole('checkbox', { name: 'Deze persoon mag niet weten waar ik ben' })
    expect(await box.evaluate((el) => el instanceof HTMLInputElement && el.type === 'checkbox')).toBe(true)
    const label = card.locator('label.netwerk-check')
    const target = (await label.boundingBox())!
    expect(target.height).toBeGreaterThanOrEqual(44)
    expect(target.width).toBeGreaterThanOrEqual(44)
    // A tap on the words ticks it, as on any native checkbox.
    await label.getByText('Deze persoon mag niet weten waar ik ben').click()
    await expect
      .poll(async () => (await stored()).items.find((i) => i.person?.name === 'Oom Kees')?.person?.mustNotKnow)
      .toBe(true)
    // Settled: the screen shows the stored state, with no change on its way.
    await expect
      .poll(async () => (await box.isChecked()) && !(await card.evaluate((el) => el.classList.contains('is-pending'))))
      .toBe(true)

    // Ticked, it wears the product's colour, not the browser's bright blue.
    const decoder = await web.browser.newPage()
    const seen = await pixels(decoder, await box.screenshot())
    await decoder.close()
    expect(seen.filter((p) => near(p, [0, 117, 255], 90)).length, 'browser-blue pixels').toBe(0)
    expect(seen.filter((p) => near(p, [63, 111, 127], 30)).length, 'pixels in the product colour').toBeGreaterThan(20)
    await atAllSizes(page, 'netwerk-check')

    // Keyboard: Space unticks it, as on any checkbox.
    await box.focus()
    await page.keyboard.press('Space')
    await expect
      .poll(async () => (await stored()).items.find((i) => i.person?.name === 'Oom Kees')?.person?.mustNotKnow)
      .toBe(false)
  }, 120_000)

  it('the ladder has a face on every rung and at both ends, big rung numbers and targets', async () => {
    const { page, stored } = await begin('Noa', '4-7', 'stoplicht')
    await toLastIdea(page)
    await next(page).click()
    await page.getByRole('group', { name: 'Kies een kleur voor: Op school' }).waitFor()
    await next(page).click()
    await page.getByRole('heading', { name: 'Hoe veilig voel jij je?' }).waitFor()
    const rungs = page.locator('.ladder__rung')
    expect(await rungs.count()).toBe(11)
    for (const n of [10, 5, 0]) {
      const rung = page.getByRole('button', { name: `Tree ${n}`, exact: true })
      expect((await rung.boundingBox())!.height, `rung ${n}`).toBeGreaterThanOrEqual(44)
      expect(await rung.locator(`.ladder__face[data-n="${n}"]`).count(), `face on rung ${n}`).toBe(1)
      const size = await rung.locator('.ladder__n').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(size, `number on rung ${n}`).toBeGreaterThanOrEqual(18)
    }
    // Happy at the top, sad at the bottom: the mouth bends up at 10 and down at 0.
    const mouth = (n: number) =>
      page
        .locator(`.ladder__rung .ladder__face[data-n="${n}"] path`)
        .getAttribute('d')
        .then((d) => {
          const [, y0, yq] = /M[\d.]+ ([\d.]+) Q[\d.]+ ([\d.]+)/.exec(d!)!.map(Number)
          return (yq ?? 0) - (y0 ?? 0) // > 0: the middle hangs lower than the corners, a smile
        })
    expect(await mouth(10)).toBeGreaterThan(0)
    expect(await mouth(0)).toBeLessThan(0)
    expect(await page.locator('.ladder__anchor--high .ladder__face').count()).toBe(1)
    expect(await page.locator('.ladder__anchor--low .ladder__face').count()).toBe(1)
    await page.getByRole('button', { name: 'Tree 7', exact: true }).click()
    await page.getByText('Je staat op tree 7 van 10').waitFor()
    await expect.poll(async () => (await stored()).items.find((i) => i.stepId === 'schaal')?.scale).toBe(7)
    await atAllSizes(page, 'ladder')
  }, 120_000)

  it('Terug while offline says it will go back, goes back one step once the line is back, and keeps the answer', async () => {
    const { server, ctx, page, stored } = await begin('Mo', '8-12', 'drie-huizen')
    await next(page).click()
    await page.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await page.getByPlaceholder(/Typ het hier/).fill('voetballen')
    await page.getByRole('button', { name: 'Zet erin' }).click()
    await expect.poll(async () => (await stored()).items.length).toBe(1)
    await next(page).click()
    await page.getByRole('heading', { name: 'Huis van zorgen' }).waitFor()

    await dropLine(server, ctx, page)
    // Typed, not yet put in: Terug keeps it (the draft), in this house.
    await page.getByPlaceholder(/Typ het hier/).fill('ik mis opa')
    await back(page).click()
    await page.getByText('Even wachten: we gaan terug zodra het kan. Je antwoorden blijven bewaard.').waitFor()
    await atAllSizes(page, 'offline-terug')
    // A child taps again when nothing seems to happen: that must not become a second step back.
    if (await back(page).isEnabled()) await back(page).click()
    await page.getByRole('heading', { name: 'Huis van zorgen' }).waitFor()

    await ctx.setOffline(false)
    await page.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByText('nog niet verstuurd').count(), { timeout: 20_000 }).toBe(0)
    const view = await stored()
    expect(view.step?.id).toBe('huis-goed')
    expect(view.items.map((i) => [i.stepId, i.text])).toEqual([
      ['huis-goed', 'voetballen'],
      ['huis-zorgen', 'ik mis opa'],
    ])
    expect(await page.getByText('Even wachten').count()).toBe(0)
  }, 120_000)

  it('typing while the next step is on its way never lands in the old step’s field', async () => {
    const { server, ctx, page, stored } = await begin('Lin', '8-12', 'drie-huizen')
    await next(page).click()
    await page.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    const field = page.getByPlaceholder(/Typ het hier/)
    await field.fill('eerst')
    await dropLine(server, ctx, page)
    await next(page).click()
    await page.getByText('Even wachten: we gaan verder zodra het kan. Je antwoorden blijven bewaard.').waitFor()
    // The child goes on typing in the field it still sees.
    await field.evaluate((el) => (el as HTMLElement).focus())
    await page.keyboard.type('later')
    expect(await field.inputValue()).toBe('')

    await ctx.setOffline(false)
    await page.getByRole('heading', { name: 'Huis van zorgen' }).waitFor({ timeout: 30_000 })
    await page.getByPlaceholder(/Typ het hier/).fill('later')
    await page.getByRole('button', { name: 'Zet erin' }).click()
    await expect.poll(async () => (await stored()).items.length).toBe(2)
    expect((await stored()).items.map((i) => [i.stepId, i.text])).toEqual([
      ['huis-goed', 'eerst'],
      ['huis-zorgen', 'later'],
    ])
  }, 120_000)
})
