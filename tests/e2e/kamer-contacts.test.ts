import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, PHONE, shot } from '../helpers/browser'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

const contacts = [
  { who: 'Karin, je nieuwe begeleider', number: '06-12345678', what: 'Als je wilt praten over thuis' },
  { who: 'De Kindertelefoon', number: '0800-0432', what: '' },
  { who: 'Mentor op school', number: '', what: '' },
]

/** The afscheid's contacts in the jongere's own kamer, on a phone (docs/method.md, requirement 20). */
describe.runIf(hasBrowser)('browser: "Je contacten" in the kamer', () => {
  const web = useBrowser()
  const { startSeeded } = useServers()

  async function openKamer(url: string, name: string): Promise<Page> {
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${url}/kamer`)
    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill(KAMER_PIN)
    await page.getByRole('button', { name: 'Openen' }).click()
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
    return page
  }

  it('no card before the begeleider entered a list; then the list with tappable numbers, nothing stored', async () => {
    const { server, sanne } = await startSeeded()
    const { childId, name } = await setUpKamer(server.url, sanne)

    // Nothing entered yet: the kamer shows no empty card.
    let page = await openKamer(server.url, name)
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('kamer-contacts').count()).toBe(0)
    await page.getByRole('button', { name: 'Sluiten' }).click()
    await page.context().close()

    expect((await sanne.request('PUT', `/api/method/children/${childId}/contacten`, { contacts })).status).toBe(200)
    page = await openKamer(server.url, name)
    const card = page.getByTestId('kamer-contacts')
    await card.getByRole('heading', { name: 'Je contacten' }).waitFor()
    await card.getByText('Karin, je nieuwe begeleider: Als je wilt praten over thuis').waitFor()
    await card.getByText('Mentor op school').waitFor()
    const links = card.getByRole('link')
    expect(await links.count()).toBe(2)
    expect(await links.nth(0).getAttribute('href')).toBe('tel:0612345678')
    expect(await links.nth(1).getAttribute('href')).toBe('tel:08000432')
    // A tappable number is a real target on a phone.
    const box = await links.nth(1).boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    // In memory only: nothing in browser storage.
    expect(
      await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
      })),
    ).toEqual({ local: 0, session: 0, idb: 0 })
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'kamer-contacts-phone')
    await page.context().close()
  })
})
