import { describe, expect, it } from 'vitest'
import { hasBrowser, PHONE } from '../helpers/browser'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { useBrowser } from '../helpers/use-browser'

/**
 * How the kamer's PIN screen arrives (docs/performance.md): first, whole, with nothing it needs asked
 * for after the entry has run, and with the room's code fetched behind it but run only once the PIN is
 * sent. No timings here: what a slow phone would wait for is a request or a placeholder, and those are
 * counted.
 */
describe.runIf(hasBrowser)('browser: the kamer’s first screen', () => {
  const web = useBrowser({ seeded: true })

  it('is the first thing painted: no loading placeholder before it, and every script it loads is named in its HTML', async () => {
    const html = await (await fetch(`${web.server.url}/kamer`)).text()
    const page = await web.page(PHONE)
    await page.addInitScript(() => {
      // A placeholder shown is a screen that suspended: React then holds the real one back for up to 300 ms.
      const w = window as unknown as { placeholderSeen: boolean }
      w.placeholderSeen = false
      new MutationObserver(() => {
        if (document.querySelector('.loading')) w.placeholderSeen = true
      }).observe(document, { childList: true, subtree: true })
    })
    const scripts: string[] = []
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname
      if (path.endsWith('.js')) scripts.push(path)
    })
    await page.goto(`${web.server.url}/kamer`)
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
    await page.getByText('Na herladen of sluiten van deze pagina').waitFor()
    expect(await page.evaluate(() => (window as unknown as { placeholderSeen: boolean }).placeholderSeen)).toBe(false)
    // The words of a wrong PIN (the screens namespace) were asked for only after the entry had run.
    expect(scripts.length).toBeGreaterThan(3)
    expect(scripts.filter((s) => !html.includes(s))).toEqual([])
  })

  it('fetches the room’s code behind the PIN screen without running it, and runs it once the PIN is sent', async () => {
    const { name } = await setUpKamer(web.server.url, web.sanne)
    const html = await (await fetch(`${web.server.url}/kamer`)).text()
    const later = /<meta name="kg-prefetch" content="([^"]+)">/.exec(html)?.[1]?.split(' ') ?? []
    const laterCss = later.filter((f) => f.endsWith('.css'))
    expect(later.some((f) => /\/Room-[\w-]+\.js$/.test(f))).toBe(true)
    expect(laterCss.length).toBeGreaterThan(0)

    const page = await web.page(PHONE)
    await page.goto(`${web.server.url}/kamer`)
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
    const fetched = () =>
      page.evaluate(
        (files) => {
          const got = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
          return files.filter((f) => got.has(f)).length
        },
        later.filter((f) => f.endsWith('.js')),
      )
    await expect.poll(fetched).toBe(later.filter((f) => f.endsWith('.js')).length)
    // Importing the room is what applies its style sheets (the build's loader adds them as it imports):
    // none applied means none of its modules has run on the PIN screen.
    const applied = () =>
      page.evaluate(
        (css) =>
          [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((l) =>
            css.includes(new URL(l.href).pathname),
          ).length,
        laterCss,
      )
    expect(await applied()).toBe(0)

    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill(KAMER_PIN)
    await page.getByRole('button', { name: 'Openen' }).click()
    await page.getByRole('button', { name: 'Sluiten' }).waitFor()
    expect(await applied()).toBe(laterCss.length)
  })
})
