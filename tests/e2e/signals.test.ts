import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { HttpUser, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/**
 * Signals reach a person (docs/signals.md), in Chromium against the real server: per kind, the child
 * agrees and the caseload says it in words; or the child keeps it, and nothing reaches the begeleider:
 * no row, no panel entry, and the canary in no frame of the begeleider's socket and no page they open.
 */
describe.runIf(hasBrowser)('browser: signals reach a person', () => {
  const web = useBrowser()
  let server: TestServer
  let sanne: HttpUser
  const contexts: BrowserContext[] = []
  const { startSeeded } = useServers()
  beforeEach(async () => {
    for (const c of contexts.splice(0)) await c.close()
    ;({ server, sanne } = await startSeeded())
  })

  async function context(viewport: { width: number; height: number }) {
    const ctx = await web.context({ viewport })
    contexts.push(ctx)
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    return page
  }

  /** The begeleider's browser, recording every websocket frame it receives. */
  async function begeleider() {
    const page = await context(LAPTOP)
    await page.context().addCookies([{ name: 'kg_session', value: sanne.cookie.split('=')[1]!, url: server.url }])
    const frames: string[] = []
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))))
    return { page, frames }
  }

  /** A jongere's kamer, set up the way the jongere does it on a phone. */
  async function kamer(nickname: string) {
    const childId = (
      (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand: '16-18' })).body as {
        id: string
      }
    ).id
    const code = ((await sanne.post(`/api/kamer/children/${childId}/invite`)).body as { code: string }).code
    const page = await context(PHONE)
    await page.goto(`${server.url}/kamer`)
    await page.getByRole('button', { name: 'Ik heb een code van mijn begeleider' }).click()
    await page.getByLabel('Code van je begeleider').fill(code)
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByLabel('Naam van je kamer').fill(`kamer ${nickname}`)
    await page.getByLabel('PIN of wachtwoord').fill('482915')
    await page.getByLabel('Nog een keer').fill('482915')
    await page.getByRole('button', { name: 'Kamer maken' }).click()
    await page.getByRole('button', { name: 'Begrepen' }).click()
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
    return { childId, page }
  }

  const ask = (page: Page) => page.getByRole('region', { name: 'Mag je begeleider dit nu weten?' })

  async function person(page: Page, name: string, set: (card: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByLabel('Naam of bijnaam').fill(name)
    await page.getByRole('group', { name: 'Wie is het?' }).getByRole('button', { name: 'Familie', exact: true }).click()
    await page.getByRole('button', { name: 'Zet erin' }).click()
    const card = page.locator('.person-card', { hasText: name })
    await card.getByRole('button', { name: 'Vertel meer' }).click()
    await set(card)
  }

  /** What the begeleider sees of this child: the caseload row and the child page, as text. */
  async function begeleiderSees(page: Page, childId: string) {
    await page.goto(`${server.url}/begeleider`)
    await page.getByTestId('child-row').first().waitFor()
    const row = await page
      .getByTestId('child-row')
      .filter({ has: page.locator(`a[href$="${childId}"]`) })
      .innerText()
    await page.goto(`${server.url}/begeleider/kind/${childId}`)
    await page.getByTestId('child-signals').waitFor()
    const childPage = await page.locator('body').innerText()
    return { row, childPage }
  }

  it('Mijn netwerk "niet veilig": kept to themselves, nothing reaches the begeleider; the canary in no frame or page', async () => {
    const { page: beg, frames } = await begeleider()
    const { childId, page } = await kamer('Noor')
    await beg.goto(`${server.url}/begeleider/kind/${childId}`)
    await beg.getByTestId('child-signals').waitFor()
    const CANARY = `Canary${randomUUID().slice(0, 8)}`
    await page.getByRole('button', { name: /^Mijn netwerk/ }).click()
    await page.getByRole('button', { name: /Verder/ }).click()
    await person(page, CANARY, (card) =>
      card
        .getByRole('group', { name: 'Voel je je veilig bij deze persoon?' })
        .getByRole('button', { name: 'Nee' })
        .click(),
    )
    await ask(page).getByText('Je gaf aan dat je je niet veilig voelt bij iemand.').waitFor()
    await ask(page).getByText('Bel 112').waitFor() // the ways to help now stand beside the question
    await shot(page, 'signal-ask-phone')
    await ask(page).getByRole('button', { name: 'Nee, ik houd het voor mezelf' }).click()
    await ask(page).getByText('Je begeleider ziet dit dan niet en krijgt geen seintje.', { exact: false }).waitFor()
    await shot(page, 'signal-kept-phone')
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)

    const seen = await begeleiderSees(beg, childId)
    expect(seen.row).not.toMatch(/Om te bespreken|veilig/)
    expect(seen.childPage).toContain('Geen signalen.')
    expect(seen.childPage).not.toContain(CANARY)
    expect(frames.join('\n')).not.toContain(CANARY)
    expect(await server.deps.db.selectFrom('signal_seen').selectAll().execute()).toEqual([])
  }, 120_000)

  it('Mijn netwerk "mag niet weten waar ik ben": the jongere agrees, the caseload says it in words', async () => {
    const { page: beg } = await begeleider()
    const { childId, page } = await kamer('Sam')
    await page.getByRole('button', { name: /^Mijn netwerk/ }).click()
    await page.getByRole('button', { name: /Verder/ }).click()
    await person(page, 'Papa', (card) => card.getByLabel('Deze persoon mag niet weten waar ik ben').check())
    await ask(page).getByRole('button', { name: 'Ja, mijn begeleider mag dit weten' }).click()
    await ask(page).getByText('Je begeleider ziet het nu bij je naam', { exact: false }).waitFor()
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)
    const seen = await begeleiderSees(beg, childId)
    expect(seen.row).toContain('Om te bespreken: Iemand mag niet weten waar het kind is')
    expect(seen.childPage).toMatch(/Binnen 2 werkdagen bespreken: uiterlijk/)
    await shot(beg, 'signal-child-page-laptop')
    // The begeleider records the talk: the row is quiet again, the record stays.
    await beg.getByTestId('signal').getByRole('combobox').selectOption('team')
    await beg.getByTestId('signal').getByRole('button', { name: 'Vastleggen' }).click()
    await beg.getByText(/Besproken in het team op/).waitFor()
    await beg.goto(`${server.url}/begeleider`)
    await beg.getByTestId('child-row').first().waitFor()
    await shot(beg, 'signal-caseload-laptop')
    expect(await beg.getByTestId('row-signal').count()).toBe(0)
  }, 120_000)

  it('Mijn kamer safety scale 0-2: agreed, the caseload shows "Laag op de veiligheidsschaal"; declined elsewhere, not', async () => {
    const { page: beg, frames } = await begeleider()
    const a = await kamer('Yara')
    const b = await kamer('Ravi')
    const CANARY = `Canary${randomUUID().slice(0, 8)}`
    for (const [k, yes] of [
      [a, true],
      [b, false],
    ] as const) {
      await k.page.getByRole('button', { name: /^Hoe gaat het/ }).click()
      await k.page.getByRole('button', { name: /Verder/ }).click()
      await k.page.getByRole('button', { name: /^Veiligheid/ }).click()
      await k.page.getByText('Hulp nodig, nu meteen?').first().waitFor() // the safety module's ways to help
      if (!yes) {
        const worries = k.page.locator('.module-question', { hasText: 'Waar maak je je zorgen over?' })
        await worries.getByRole('textbox').fill(CANARY)
        await worries.getByRole('button', { name: 'Bewaar' }).click()
      }
      await k.page.getByRole('button', { name: 'Tree 1', exact: true }).click()
      await ask(k.page).getByText('Je gaf je veiligheid een laag cijfer.').waitFor()
      await ask(k.page)
        .getByRole('button', { name: yes ? 'Ja, mijn begeleider mag dit weten' : 'Nee, ik houd het voor mezelf' })
        .click()
      await expect.poll(() => k.page.getByText('nog niet verstuurd').count()).toBe(0)
    }
    const agreed = await begeleiderSees(beg, a.childId)
    expect(agreed.row).toContain('Om te bespreken: Laag op de veiligheidsschaal')
    const declined = await begeleiderSees(beg, b.childId)
    expect(declined.row).not.toContain('Om te bespreken')
    expect(declined.childPage).toContain('Geen signalen.')
    expect(frames.join('\n')).not.toContain(CANARY)
    expect(declined.childPage).not.toContain(CANARY)
  }, 150_000)

  it('guided Stoplicht red: already shared (the begeleider sat beside the child), the row says it', async () => {
    const childId = (
      (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '8-12' })).body as {
        id: string
      }
    ).id
    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
      join: { code: string }
    }
    const kind = await context(TABLET)
    await kind.goto(`${server.url}/kind`)
    await kind.getByLabel('Code', { exact: true }).fill(g.join.code)
    await kind.getByRole('button', { name: 'Beginnen' }).click()
    await kind.getByRole('heading', { name: 'Het stoplicht' }).waitFor()
    await kind.getByRole('button', { name: /^Verder →$|^Verder$/ }).click()
    await kind
      .getByRole('group', { name: 'Kies een kleur voor: Op school' })
      .getByRole('button', { name: 'Rood' })
      .click()
    await expect.poll(() => kind.getByText('nog niet verstuurd').count()).toBe(0)
    expect(await ask(kind).count()).toBe(0) // nothing to ask: the child's answer is already with the begeleider
    const { page: beg } = await begeleider()
    const seen = await begeleiderSees(beg, childId)
    expect(seen.row).toContain('Om te bespreken: Rood in het Stoplicht')
  }, 120_000)

  it('"Ik wil praten" in the kamer: a contact request, nothing more', async () => {
    const { childId, page } = await kamer('Mo')
    await page.getByRole('button', { name: 'Ik wil praten' }).click()
    await page.getByText('Je begeleider weet nu dat je wilt praten', { exact: false }).waitFor()
    await shot(page, 'signal-talk-phone')
    const { page: beg } = await begeleider()
    const seen = await begeleiderSees(beg, childId)
    expect(seen.row).toContain('Wil praten (vanuit de kamer)')
    await beg.getByRole('button', { name: 'Contact opgenomen' }).click()
    await beg.getByText('Geen signalen.').waitFor()
  }, 120_000)
})
