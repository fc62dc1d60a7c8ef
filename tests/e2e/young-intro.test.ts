import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { loginAndAddChild, startTool, words } from './flow'

const huizen = words('nl', 'tool-drie-huizen')

/**
 * A four-year-old (docs/tools/drie-huizen.md, "For 4-7"): the intro shows one idea per screen, each
 * with a picture, Verder and Terug page through them; the houses speak concrete 4-7 words, and the step
 * line names the house in the same words.
 */
describe.runIf(hasBrowser)('browser: the 4-7 intro, one idea per screen', () => {
  const web = useBrowser({ server: { demo: true } })

  it('Drie huizen for 4-7: one idea at a time, then the houses in concrete words', async () => {
    const begCtx = await web.context({ viewport: LAPTOP })
    const beg = await begCtx.newPage()
    beg.setDefaultTimeout(10_000)
    await loginAndAddChild(beg, web.server.url, 'Fien', '4-7')
    const { shown } = await startTool(beg, 'Drie huizen', 'nl')

    const kindCtx = await web.context({ viewport: PHONE, hasTouch: true })
    const kind = await kindCtx.newPage()
    kind.setDefaultTimeout(10_000)
    await web.join(kind, shown)
    await kind.getByRole('heading', { name: huizen('intro.title') }).waitFor()

    const ideas = ['intro.prompt_jong', 'intro.fault', 'intro.control', 'intro.honest'].map((k) => huizen(k))
    const visible = async () => {
      const out: number[] = []
      for (const [i, text] of ideas.entries()) if (await kind.getByText(text, { exact: true }).count()) out.push(i)
      return out
    }
    const verder = kind.getByRole('button', { name: /Verder/ })
    const terug = kind.getByRole('button', { name: /Terug/ })
    for (let i = 0; i < ideas.length; i++) {
      await expect.poll(visible).toEqual([i])
      // Each idea has its picture, and the heading is focused so a screen reader starts there.
      expect(await kind.locator('.step--info img.step__picture').count()).toBe(1)
      await expect.poll(() => kind.evaluate(() => document.activeElement?.tagName)).toBe('H1')
      for (const [name, size] of [
        ['phone', PHONE],
        ['tablet', TABLET],
        ['laptop', LAPTOP],
      ] as const) {
        await kind.setViewportSize(size)
        await shot(kind, `young-intro-${i + 1}-${name}`)
      }
      await kind.setViewportSize(PHONE)
      if (i === 1) {
        // Terug goes back one idea, within the intro.
        expect(await terug.isEnabled()).toBe(true)
        await terug.click()
        await expect.poll(visible).toEqual([0])
        expect(await terug.isEnabled()).toBe(false)
        await verder.click()
        await expect.poll(visible).toEqual([1])
      }
      await verder.click()
    }
    // After the last idea, Verder goes to the first house, in the 4-7 words.
    await kind.getByRole('heading', { name: huizen('huis-goed.title') }).waitFor()
    await kind.getByText(huizen('huis-goed.prompt_jong')).waitFor()
    await kind.getByRole('button', { name: 'huisdier', exact: true }).click()
    await verder.click()
    await kind.getByRole('heading', { name: huizen('huis-zorgen.title_jong') }).waitFor()
    await kind.getByText(huizen('huis-zorgen.prompt_jong')).waitFor()
    await kind.getByText(new RegExp(`Stap 3 van 7 · ${huizen('steps.huis-zorgen_jong')}`)).waitFor()
    await shot(kind, 'young-huis-zorgen-phone')
    await verder.click()
    await kind.getByText(huizen('huis-dromen.prompt_jong')).waitFor()
    await kindCtx.close()
    await begCtx.close()
  })
})
