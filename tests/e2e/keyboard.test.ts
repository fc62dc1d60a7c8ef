import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, PHONE, shot, TABLET } from '../helpers/browser'
import { words } from './flow'

/** Tab until `target` has the focus; each focused element must show a visible focus ring. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const ring = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement!)
        return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2
      })
      expect(ring, 'focus is visible').toBe(true)
      return
    }
  }
  throw new Error(`never reached ${target.toString()} by Tab`)
}

/** A red-green colour-blindness simulation (deuteranopia matrix, Machado et al. 2009) over the whole page. */
function deuteranopia(): void {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('width', '0')
  svg.setAttribute('height', '0')
  svg.style.position = 'absolute'
  svg.innerHTML =
    '<filter id="deuteranopia"><feColorMatrix type="matrix" values="0.367 0.861 -0.228 0 0  0.280 0.673 0.047 0 0  -0.012 0.043 0.969 0 0  0 0 0 1 0"/></filter>'
  document.body.appendChild(svg)
  document.documentElement.style.filter = 'url(#deuteranopia)'
}

describe.runIf(hasBrowser)('browser: keyboard only, colour-blind, reduced motion, 200% text', () => {
  const web = useBrowser({ seeded: true })
  async function start(nickname: string, ageBand: string, toolId: string) {
    const child = await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand })
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', {
      childId: (child.body as { id: string }).id,
      toolId,
    })
    const body = g.body as { gesprek: { id: string }; join: { code: string } }
    return { gesprekId: body.gesprek.id, code: body.join.code }
  }
  async function page(opts: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const ctx = await web.context({ viewport: TABLET, ...opts })
    const p = await ctx.newPage()
    p.setDefaultTimeout(10_000)
    return p
  }

  it('the whole Drie huizen by keyboard alone, with the focus always visible', async () => {
    const c = words('nl', 'common')
    const dh = words('nl', 'tool-drie-huizen')
    const { gesprekId, code } = await start('Tijn', '8-12', 'drie-huizen')
    const p = await page()
    await p.goto(`${web.server.url}/kind`)
    await p.getByRole('heading', { name: c('kind.welcome') }).waitFor()
    // Quick exit is first in the tab order
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement?.className)).toContain('quick-exit')
    await tabTo(p, p.getByLabel(c('kind.codeLabel'), { exact: true }))
    await p.keyboard.type(code)
    await p.keyboard.press('Enter')
    await p.getByRole('heading', { name: dh('intro.title') }).waitFor()

    const nav = (name: string) => p.locator('.kind-nav').getByRole('button', { name, exact: true })
    const next = async (heading: string) => {
      await tabTo(p, nav(c('nav.next')))
      await p.keyboard.press('Enter')
      await p.getByRole('heading', { name: heading }).first().waitFor()
    }
    await next(dh('huis-goed.title'))
    await tabTo(p, p.getByRole('button', { name: c('pictures.pet'), exact: true }))
    await p.keyboard.press('Space')
    await tabTo(p, p.getByPlaceholder(c('item.placeholder')))
    await p.keyboard.type('Mijn hond Bo')
    await tabTo(p, p.getByRole('button', { name: c('item.add'), exact: true }))
    await p.keyboard.press('Enter')
    await p.getByText('Mijn hond Bo').waitFor()
    await shot(p, 'keyboard-huis-goed-tablet')
    await next(dh('huis-zorgen.title'))
    await tabTo(p, nav(c('nav.skip')))
    await p.keyboard.press('Enter')
    await p.getByRole('heading', { name: dh('huis-dromen.title') }).waitFor()
    await next(dh('sterktes.title'))
    // Pause and resume by keyboard
    await tabTo(p, p.getByRole('button', { name: c('nav.pause'), exact: true }))
    await p.keyboard.press('Enter')
    await p.getByRole('heading', { name: c('pausedTitle') }).waitFor()
    await tabTo(p, p.getByRole('button', { name: c('nav.resume'), exact: true }))
    await p.keyboard.press('Enter')
    await p.getByRole('heading', { name: dh('sterktes.title') }).waitFor()
    await next(dh('delen.title'))
    await next(dh('afsluiting.title'))

    // The answer arrived: the begeleider's view has it
    const view = (await web.sanne.get(`/api/gesprekken/${gesprekId}`)).body as { view: { items: { text?: string }[] } }
    expect(view.view.items.map((i) => i.text)).toContain('Mijn hond Bo')
  }, 120_000)

  it('Stoplicht colours, the four sharing levels and the three houses differ without colour', async () => {
    const st = words('nl', 'tool-stoplicht')
    const c = words('nl', 'common')
    const s = words('nl', 'steps')
    const { code } = await start('Lieke', '8-12', 'stoplicht')
    const p = await page({ viewport: PHONE })
    await p.goto(`${web.server.url}/kind#${code.replace('-', '')}`)
    await p.getByRole('heading', { name: st('intro.title') }).waitFor()
    await p
      .locator('.kind-nav')
      .getByRole('button', { name: c('nav.next'), exact: true })
      .click()
    await p.getByRole('heading', { name: st('plekken.title') }).waitFor()
    // each colour button says its colour in words and carries its own shape
    const marks: string[] = []
    for (const colour of ['groen', 'oranje', 'rood'] as const) {
      const btn = p.locator(`.colour-btn--${colour}`).first()
      expect(await btn.textContent()).toContain(s(`colour.${colour}`))
      marks.push(await btn.locator('svg.colour-mark').innerHTML())
    }
    expect(new Set(marks).size).toBe(3)
    await p.locator('.colour-btn--oranje').first().click()
    await p.evaluate(deuteranopia)
    await shot(p, 'colourblind-stoplicht-phone')

    // sharing levels: four different pictures and four labels
    await p
      .locator('.kind-tools') // the sharing button sits under the top bar, beside the begeleider's face
      .getByRole('button')
      .filter({ hasText: c('share.title') })
      .first()
      .click()
    const icons = await p.locator('.share-icon').evaluateAll((els) => els.map((e) => e.innerHTML))
    expect(new Set(icons).size).toBeGreaterThanOrEqual(4)
    await shot(p, 'colourblind-sharing-phone')

    // houses: each has its own sign in the gable, not only its own colour
    const dh = await start('Ravi', '8-12', 'drie-huizen')
    const h = await page({ viewport: PHONE })
    await h.goto(`${web.server.url}/kind#${dh.code.replace('-', '')}`)
    const signs: string[] = []
    for (const step of ['huis-goed', 'huis-zorgen', 'huis-dromen']) {
      await h
        .locator('.kind-nav')
        .getByRole('button', { name: c('nav.next'), exact: true })
        .click()
      await h.getByRole('heading', { name: words('nl', 'tool-drie-huizen')(`${step}.title`) }).waitFor()
      signs.push((await h.locator('svg.house path').nth(1).getAttribute('d'))!)
    }
    expect(new Set(signs).size).toBe(3)
    await h.evaluate(deuteranopia)
    await shot(h, 'colourblind-huis-dromen-phone')
  }, 120_000)

  it('with prefers-reduced-motion nothing moves, and at 200% text nothing overflows the phone', async () => {
    const { code } = await start('Femke', '8-12', 'drie-huizen')
    const p = await page({ viewport: PHONE, reducedMotion: 'reduce' })
    await p.goto(`${web.server.url}/kind#${code.replace('-', '')}`)
    await p.getByRole('heading', { name: words('nl', 'tool-drie-huizen')('intro.title') }).waitFor()
    const moving = await p.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter((el) => {
          const cs = getComputedStyle(el)
          return (
            cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
            cs.animationName.split(',').some((n) => n.trim() !== 'none')
          )
        }).length,
    )
    expect(moving).toBe(0)

    // 200% text: the root font size doubled, as a browser's text zoom does
    await p.evaluate(() => (document.documentElement.style.fontSize = '200%'))
    await p
      .locator('.kind-nav')
      .getByRole('button', { name: words('nl', 'common')('nav.next'), exact: true })
      .click()
    await p.getByRole('heading', { name: words('nl', 'tool-drie-huizen')('huis-goed.title') }).waitFor()
    const wide = await p.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .slice(0, 8),
    )
    expect(wide).toEqual([])
    await shot(p, 'text-200-huis-goed-phone')
    // every button is still at least 44 px high
    const small = await p.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null)
        .filter((b) => {
          const r = b.getBoundingClientRect()
          return r.height < 44 || r.width < 44
        })
        .map(
          (b) =>
            `${b.className} ${Math.round(b.getBoundingClientRect().width)}x${Math.round(b.getBoundingClientRect().height)}`,
        ),
    )
    expect(small).toEqual([])
  }, 60_000)
})
