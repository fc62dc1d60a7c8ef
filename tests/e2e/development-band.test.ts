import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { loginAndAddChild, startTool, words } from './flow'

const ws = words('nl', 'workspace')
const share = words('nl', 'deelafspraak')

/**
 * Development band apart from age: the begeleider sets it on the child page, the werkvormen follow it,
 * and the child's sharing screen keeps the words of the child's real age.
 */
describe.runIf(hasBrowser)('browser: development band on the child page', () => {
  const web = useBrowser({ server: { demo: true } })

  it('a 12-15 child with the 8-12 werkvormen gets Drie huizen, and the 12-15 sharing words', async () => {
    const begCtx = await web.context({ viewport: LAPTOP })
    const beg = await begCtx.newPage()
    beg.setDefaultTimeout(10_000)
    await loginAndAddChild(beg, web.server.url, 'Mees', '12-15')
    await beg.getByRole('button', { name: 'Mijn netwerk' }).waitFor()
    expect(await beg.getByRole('button', { name: 'Drie huizen' }).count()).toBe(0)

    const field = beg.getByLabel(ws('child.developmentBand'))
    expect(await field.inputValue()).toBe('')
    await field.selectOption('8-12')
    await beg.getByRole('button', { name: 'Drie huizen' }).waitFor()
    await beg.getByText(ws('child.startHintDevelopment', { band: '8-12 jaar', age: '12-15 jaar' })).waitFor()
    for (const [name, size] of [
      ['phone', PHONE],
      ['tablet', TABLET],
      ['laptop', LAPTOP],
    ] as const) {
      await beg.setViewportSize(size)
      await field.scrollIntoViewIfNeeded()
      await shot(beg, `development-band-child-page-${name}`)
    }
    await beg.setViewportSize(LAPTOP)
    // It is stored: a reload shows the same choice.
    await beg.reload()
    expect(await beg.getByLabel(ws('child.developmentBand')).inputValue()).toBe('8-12')

    const { shown } = await startTool(beg, 'Drie huizen', 'nl')
    const kindCtx = await web.context({ viewport: PHONE, hasTouch: true })
    const kind = await kindCtx.newPage()
    kind.setDefaultTimeout(10_000)
    await web.join(kind, shown)
    await kind.getByRole('heading', { name: 'We gaan drie huizen vullen' }).waitFor()
    await kind.getByRole('button', { name: /Verder/ }).click()
    await kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await kind.getByRole('button', { name: 'huisdier', exact: true }).click()
    // Through the houses to the sharing step; it speaks the words of 12-15, not those for under 12.
    const honest = kind.getByText(share('band.12-15.honest'))
    // Each Verder waits for the next step's heading: on a busy machine the old one is still there a moment.
    const heading = async () => (await kind.locator('.step-host h1').first().textContent()) ?? ''
    for (let i = 0; i < 8 && (await honest.count()) === 0; i++) {
      const before = await heading()
      await kind.getByRole('button', { name: /Verder/ }).click()
      await expect.poll(async () => (await honest.count()) > 0 || (await heading()) !== before).toBe(true)
    }
    await honest.first().waitFor()
    expect(await kind.getByText(share('band.onder-12.honest')).count()).toBe(0)
    await shot(kind, 'development-band-sharing-phone')
    await kindCtx.close()
    await begCtx.close()
  })
})
