import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { HttpUser, teamChildren, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { toLastIdea } from './flow'

const SIZES = { phone: PHONE, tablet: TABLET, laptop: LAPTOP } as const

/** Every screen of issue 11 at the three sizes (tests/e2e/screenshots/screen-*.png), to be looked at. */
async function atAllSizes(page: Page, name: string, ready: () => Promise<unknown>) {
  for (const [label, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size)
    await ready()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, `screen-${name}-${label}`)
  }
}

describe.runIf(hasBrowser)('browser: screenshots of the child, kamer and begeleider screens', () => {
  const web = useBrowser()
  const { start } = useServers()

  it('takes them with the demo caseload', async () => {
    const server: TestServer = await start({ demo: true, demoCaseload: true })
    const api = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    const children = await teamChildren(api)
    const kim = children.find((c) => c.nickname === 'Kim')!
    const g = await api.post<NewGesprekOut>('/api/gesprekken', { childId: kim.id, toolId: 'drie-huizen' })
    const { gesprek, join } = g.body as { gesprek: { id: string }; join: { code: string } }

    const kindCtx = await web.context({ viewport: PHONE, hasTouch: true })
    const kind = await kindCtx.newPage()
    kind.setDefaultTimeout(15_000)
    await kind.goto(`${server.url}/kind`)
    await atAllSizes(kind, 'kind-join', () => kind.getByLabel('Code', { exact: true }).waitFor())
    await kind.getByLabel('Code', { exact: true }).fill(join.code)
    await kind.getByRole('button', { name: 'Beginnen' }).click()
    await atAllSizes(kind, 'kind-intro', () => kind.getByTestId('begeleider-face').waitFor())
    await toLastIdea(kind)
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await kind.getByRole('button', { name: 'huisdier', exact: true }).click()
    await atAllSizes(kind, 'kind-huis-goed', () =>
      kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor(),
    )
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await kind.getByPlaceholder(/Typ het hier/).fill('Ik mis mijn kamer')
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    // Kim is 4-7: the two questions (tests/e2e/young-sharing.test.ts); "ja", and the begeleider tells it.
    await atAllSizes(kind, 'kind-delen', () => kind.getByTestId('young-question').waitFor())
    await kind.getByTestId('young-choices').getByRole('button', { name: 'Ja', exact: true }).click()
    await kind.getByTestId('young-choices').getByRole('button', { name: 'Mijn begeleider vertelt het' }).click()
    await kind.getByTestId('young-done').waitFor()
    await kind.getByRole('button', { name: /^Verder( →)?$/ }).click()
    await atAllSizes(kind, 'kind-afsluiting', () => kind.getByTestId('keepsake').waitFor())

    const begCtx = await web.context({ viewport: LAPTOP })
    await begCtx.addCookies([{ name: 'kg_session', value: api.cookie.split('=')[1]!, url: server.url }])
    const beg = await begCtx.newPage()
    beg.setDefaultTimeout(15_000)
    await beg.goto(`${server.url}/begeleider/gesprek/${gesprek.id}`)
    await atAllSizes(beg, 'begeleider-live', () => beg.getByText('Kim doet mee').waitFor())
    await beg.getByText('nog geen keuze').first().waitFor() // the answers render after the header
    await kind.getByRole('button', { name: /^Klaar/ }).click()
    await atAllSizes(beg, 'begeleider-live-done', () =>
      beg.getByRole('link', { name: 'Naar de voorbereiding van het oudergesprek' }).waitFor(),
    )
    await beg.goto(`${server.url}/begeleider`)
    await atAllSizes(beg, 'begeleider-caseload', () =>
      beg
        .getByText(/Laatste gesprek/)
        .first()
        .waitFor(),
    )
    const noor = children.find((c) => c.nickname === 'Noor')!
    await beg.goto(`${server.url}/begeleider/kind/${noor.id}/geschiedenis`)
    await atAllSizes(beg, 'begeleider-history', () => beg.getByRole('heading').first().waitFor())

    // The kamer: a jongere on a phone.
    const daan = children.find((c) => c.nickname === 'Daan')!
    const invite = (await api.post(`/api/kamer/children/${daan.id}/invite`)).body as { code: string }
    const kamer = await (await web.context({ viewport: PHONE, hasTouch: true })).newPage()
    kamer.setDefaultTimeout(15_000)
    await kamer.goto(`${server.url}/kamer`)
    await kamer.getByRole('button', { name: 'Ik heb een code van mijn begeleider' }).click()
    await kamer.getByLabel('Code van je begeleider').fill(invite.code)
    await kamer.getByRole('button', { name: 'Verder' }).click()
    await kamer.getByLabel('Naam van je kamer').fill('Groene uil')
    await kamer.getByLabel('PIN of wachtwoord').fill('482915')
    await kamer.getByLabel('Nog een keer').fill('482915')
    await kamer.getByRole('button', { name: 'Kamer maken' }).click()
    await kamer.getByRole('button', { name: 'Begrepen' }).click()
    await atAllSizes(kamer, 'kamer-home', () => kamer.getByRole('heading', { name: 'Je kamer' }).waitFor())
    await kamer.locator('.kamer-tile').first().click()
    await atAllSizes(kamer, 'kamer-tool-intro', () => kamer.locator('.step-host h1').waitFor())
    await kamer.getByRole('button', { name: /^Verder/ }).click()
    await atAllSizes(kamer, 'kamer-tool-step', () => kamer.locator('.step-host h1').waitFor())
  }, 180_000)
})
