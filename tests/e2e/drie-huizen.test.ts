import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'

describe.runIf(hasBrowser)('browser: begeleider and child do a Drie huizen gesprek', () => {
  const web = useBrowser({ server: { demo: true } })

  it('runs the whole flow live, survives reloads, and ends with screenshots', async () => {
    const begCtx = await web.context({ viewport: LAPTOP })
    const kindCtx = await web.context({ viewport: TABLET, hasTouch: true })
    const beg = await begCtx.newPage()
    const kind = await kindCtx.newPage()
    beg.setDefaultTimeout(8000)
    kind.setDefaultTimeout(8000)

    // Begeleider logs in with the demo account and adds a child
    await web.login(beg, 'demo', 'demo-begeleider')
    await beg.getByLabel('Roepnaam').fill('Noor')
    await beg.getByLabel('Leeftijd').selectOption('8-12')
    await beg.getByRole('button', { name: 'Opslaan' }).click()
    await beg.getByRole('link', { name: /Noor/ }).click()
    await beg.getByRole('button', { name: 'Drie huizen' }).click()
    const code = (await beg.getByTestId('join-code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await expect.poll(() => beg.locator('img.join-qr').count()).toBe(1)
    await shot(beg, 'begeleider-start-laptop')

    // Child joins with the code
    await kind.goto(`${web.server.url}/kind`)
    await kind.getByLabel('Code', { exact: true }).waitFor()
    await shot(kind, 'kind-join-tablet')
    await kind.getByLabel('Code', { exact: true }).fill(code)
    await kind.getByRole('button', { name: 'Beginnen' }).click()
    await kind.getByRole('heading', { name: 'We gaan drie huizen vullen' }).waitFor()
    await expect.poll(() => kind.getByText('nooit jouw schuld').count()).toBeGreaterThan(0)
    await shot(kind, 'kind-intro-tablet')
    await kind.getByRole('button', { name: /Verder/ }).click()

    // House of good things: a picture and a typed item
    await kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await kind.getByRole('button', { name: 'huisdier', exact: true }).click()
    await kind.getByPlaceholder(/Typ het hier/).fill('Mijn hond Bo')
    await kind.getByRole('button', { name: 'Zet erin' }).click()
    await kind.getByText('Mijn hond Bo').waitFor()
    // live on the begeleider's screen
    await beg.getByText('Mijn hond Bo').waitFor({ timeout: 2000 })
    await shot(kind, 'kind-huis-goed-tablet')

    // Reload the child's page: same place, same items
    await kind.reload()
    await kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await kind.getByText('Mijn hond Bo').waitFor()

    // Worries: the child skips, then dreams
    await kind.getByRole('button', { name: /Verder/ }).click()
    await kind.getByRole('heading', { name: 'Huis van zorgen' }).waitFor()
    await kind.getByPlaceholder(/Typ het hier/).fill('Ik mis mijn kamer')
    await kind.getByRole('button', { name: 'Zet erin' }).click()
    await beg.getByText('Ik mis mijn kamer').waitFor({ timeout: 2000 })
    await kind.getByRole('button', { name: /Verder/ }).click()
    await kind.getByRole('heading', { name: 'Huis van dromen' }).waitFor()
    await kind.getByRole('button', { name: 'reizen', exact: true }).click()
    await kind.getByRole('button', { name: 'Zet erin' }).click()
    await kind.getByRole('button', { name: 'Overslaan' }).click()

    // Pause and continue
    await kind.getByRole('heading', { name: 'Waar ben ik goed in?' }).waitFor()
    await kind.getByRole('button', { name: 'Pauze' }).click()
    await kind.getByRole('heading', { name: 'Even pauze' }).waitFor()
    await shot(kind, 'kind-pauze-tablet')
    await kind.getByRole('button', { name: 'Verder gaan', exact: true }).click()
    await kind.getByRole('heading', { name: 'Waar ben ik goed in?' }).waitFor()
    await kind.getByRole('button', { name: /Verder/ }).click()

    // Sharing step
    await kind.getByRole('heading', { name: 'Wie mag het weten?' }).first().waitFor()
    await shot(kind, 'kind-delen-tablet')
    await kind.getByRole('button', { name: /Verder/ }).click()
    await kind.getByRole('heading', { name: 'Klaar!' }).first().waitFor()
    await shot(kind, 'kind-afsluiting-tablet')

    // Reload the begeleider: the same state comes back
    await beg.reload()
    await beg.getByText('Mijn hond Bo').waitFor()
    await beg.getByText('Ik mis mijn kamer').waitFor()
    await expect.poll(() => beg.getByTestId('live-item').count()).toBe(3)
    await shot(beg, 'begeleider-live-laptop')

    // Phone size for the child as well
    await kind.setViewportSize(PHONE)
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('heading', { name: 'Wie mag het weten?' }).first().waitFor()
    await shot(kind, 'kind-delen-phone')
    await begCtx.close()
    await kindCtx.close()
  }, 120_000)
})
