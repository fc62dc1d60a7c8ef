import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot } from '../helpers/browser'
import { HttpUser, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const NEUTRAL = 'https://www.buienradar.nl/'

describe.runIf(hasBrowser)('browser: the jongere’s kamer', () => {
  const web = useBrowser()
  let server: TestServer
  let sanne: HttpUser
  // A server per test: the per-IP limits on invites and PINs count every test's tries otherwise.
  const { startSeeded } = useServers()
  beforeEach(async () => {
    ;({ server, sanne } = await startSeeded())
  })

  /** A phone that never reaches the internet: the neutral site answers locally. */
  async function phone(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    await ctx.route(`${NEUTRAL}**`, async (route) => {
      // A slow network: the blanked page stays a moment, so what it reported from its last event arrives
      // before the document is replaced (the report is sent asynchronously to the test).
      await new Promise((r) => setTimeout(r, 400))
      await route.fulfill({ contentType: 'text/html', body: '<title>Buienradar</title><p>Het weer</p>' })
    })
    const page = await ctx.newPage()
    page.setDefaultTimeout(8000)
    return { ctx, page }
  }

  const newChild = async (nickname: string) =>
    (
      (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand: '12-15' })).body as {
        id: string
      }
    ).id
  const inviteCode = async (childId: string) =>
    ((await sanne.post(`/api/kamer/children/${childId}/invite`)).body as { code: string }).code

  /** Invite → code → name + PIN → the kamer, the way a jongere does it on a phone. */
  async function setUp(page: Page, code: string, name: string, pin = '482915') {
    await page.goto(`${server.url}/kamer`)
    await page.getByRole('button', { name: 'Ik heb een code van mijn begeleider' }).click()
    await page.getByLabel('Code van je begeleider').fill(code)
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill('123456')
    await page.getByText('Dit is te makkelijk te raden').waitFor()
    await page.getByLabel('PIN of wachtwoord').fill(pin)
    await page.getByText('Sterk genoeg.').waitFor()
    await page.getByLabel('Nog een keer').fill(pin)
  }

  async function openNotes(page: Page) {
    await page.getByRole('button', { name: /^Notities/ }).click()
    // One page: no intro screen, no step line, straight to writing, the honest line under it.
    await page.getByTestId('notes-about').waitFor()
    await page.getByRole('heading', { name: 'Notities' }).waitFor()
    expect(await page.getByTestId('step-line').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Terug', exact: true }).count()).toBe(0)
    expect(await page.getByTestId('notes-about').textContent()).toContain('niet jouw schuld')
    await shot(page, 'kamer-notes-phone')
  }

  async function addNote(page: Page, text: string) {
    await page.getByPlaceholder(/Typ het hier/).fill(text)
    await page.getByRole('button', { name: 'Zet erin' }).click()
  }

  it('invite → PIN → network → share two → the begeleider sees exactly those two, and the receipt', async () => {
    const childId = await newChild('Sam')
    const beg = await web.context({ viewport: LAPTOP })
    await beg.addCookies([{ name: 'kg_session', value: sanne.cookie.split('=')[1]!, url: server.url }])
    const begPage = await beg.newPage()
    begPage.setDefaultTimeout(8000)
    await begPage.goto(`${server.url}/begeleider/kind/${childId}`)
    await begPage.getByRole('button', { name: 'Uitnodiging voor de kamer' }).click()
    const code = (await begPage.getByTestId('kamer-code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await shot(begPage, 'kamer-begeleider-invite-laptop')

    const { ctx, page } = await phone()
    await page.goto(`${server.url}/kamer`)
    await shot(page, 'kamer-open-phone')
    const startLength = await page.evaluate(() => history.length)
    await setUp(page, code, 'Blauwe vogel')
    await shot(page, 'kamer-setup-phone')
    await page.getByRole('button', { name: 'Kamer maken' }).click()
    await page.getByRole('heading', { name: 'Wat deze pagina wel en niet kan verbergen' }).waitFor()
    await shot(page, 'kamer-safety-phone')
    await page.getByRole('button', { name: 'Begrepen' }).click()
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
    await shot(page, 'kamer-home-phone')

    // Mijn netwerk: three people, all 'alleen ik' at first.
    await page.getByRole('button', { name: /^Mijn netwerk/ }).click()
    await page.getByRole('button', { name: /Verder/ }).click()
    await addPeople(page, [
      ['Oma Riet', 'Familie'],
      ['Jasper', 'Vrienden'],
      ['Meester Ali', 'School of werk'],
    ])
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)
    await shot(page, 'kamer-netwerk-phone')
    await page.getByRole('button', { name: /Je kamer/ }).click()

    // Klaar voor mijn afspraak: share two of the three.
    await page.getByRole('button', { name: /^Klaar voor mijn afspraak/ }).click()
    await page.getByText('Je deelt nu niets. Dat is ook goed.').waitFor()
    for (const name of ['Oma Riet', 'Jasper'])
      await page.getByRole('radiogroup', { name }).getByRole('radio', { name: 'Begeleider', exact: true }).click()
    const shared = page.getByRole('list', { name: 'Wat je nu deelt' })
    await expect.poll(() => shared.getByRole('listitem').count()).toBe(2)
    await shot(page, 'kamer-share-phone')
    expect(await page.evaluate(() => history.length)).toBe(startLength)
    expect(page.url()).toBe(`${server.url}/kamer`)

    // The begeleider: a quiet notice on another page, then exactly those two on the child's page.
    await begPage.goto(`${server.url}/begeleider`)
    await begPage.getByText('Nieuw gedeeld uit de kamer: Sam').waitFor()
    // The caseload row counts what is new, in words.
    await expect
      .poll(() => begPage.getByTestId('child-row').filter({ hasText: 'Sam' }).getByTestId('kamer-new').textContent())
      .toBe('2 nieuw uit de kamer')
    await shot(begPage, 'kamer-begeleider-notice-laptop')
    await begPage.getByRole('button', { name: 'Bekijk' }).click()
    const list = begPage.getByTestId('kamer-shared')
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2)
    expect(await list.textContent()).toContain('Oma Riet')
    expect(await list.textContent()).toContain('Jasper')
    expect(await list.textContent()).not.toContain('Meester Ali')
    await begPage.getByTestId('kamer-shared').scrollIntoViewIfNeeded()
    await shot(begPage, 'kamer-begeleider-shared-laptop')

    // Take one back: the begeleider no longer gets it.
    await shared.getByRole('listitem').filter({ hasText: 'Jasper' }).getByRole('button', { name: 'Terugnemen' }).click()
    await expect.poll(() => shared.getByRole('listitem').count()).toBe(1)
    const overview = await sanne.get(`/api/kamer/children/${childId}`)
    const names = (overview.body as { shared: { items: { person?: { name: string } }[] }[] }).shared.flatMap((g) =>
      g.items.map((i) => i.person?.name),
    )
    expect(names).toEqual(['Oma Riet'])

    // The receipt names who looked and when.
    await page.getByRole('button', { name: /Je kamer/ }).click()
    await page.getByRole('button', { name: /^Wie heeft wat gezien/ }).click()
    await page.getByText('Sanne bekeek Mijn netwerk').first().waitFor()
    await shot(page, 'kamer-receipt-phone')

    // Nothing on the phone: no storage, no cookies, the address bar never changed.
    expect(await storageOf(page)).toEqual({ local: 0, session: 0, idb: 0, cookie: '' })
    expect(await ctx.cookies()).toEqual([])
    await ctx.close()
    await beg.close()
  })

  async function addPeople(page: Page, people: [string, string][]) {
    for (const [name, category] of people) {
      await page.getByLabel('Naam of bijnaam').fill(name)
      await page.getByRole('group', { name: 'Wie is het?' }).getByRole('button', { name: category }).click()
      await page.getByRole('button', { name: 'Zet erin' }).click()
      await page.getByRole('listitem').filter({ hasText: name }).first().waitFor()
    }
  }

  async function storageOf(page: Page) {
    return page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      cookie: document.cookie,
    }))
  }

  for (const how of ['button', 'Shift ×3'] as const)
    it(`quick exit by ${how}: blank at once, no kamer in history, nothing stored`, async () => {
      const childId = await newChild(`Lina ${how === 'button' ? 'A' : 'B'}`.replace(/[^A-Za-z ]/g, ''))
      const { ctx, page } = await phone()
      await page.goto(`${server.url}/`)
      await setUp(page, await inviteCode(childId), `exit-${how === 'button' ? 'knop' : 'shift'}`)
      await page.getByRole('button', { name: 'Kamer maken' }).click()
      await page.getByRole('button', { name: 'Begrepen' }).click()
      await openNotes(page)
      await addNote(page, 'geheime kanarie')
      await page.getByText('geheime kanarie').waitFor()
      await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)
      // The quick exit is the first thing in tab order.
      expect(
        await page.evaluate(() => {
          const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select')]
          const positive = document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length
          return [focusable[0]?.className, positive]
        }),
      ).toEqual(['quick-exit', 0])

      // What the page looks like right after the exit's own handler ran, in the same event.
      const seen: string[][] = []
      await page.exposeFunction('kgSeen', (v: string[]) => seen.push(v))
      await page.evaluate(() => {
        const report = () =>
          (window as unknown as { kgSeen: (v: string[]) => void }).kgSeen([document.body.innerText, document.title])
        window.addEventListener('click', report)
        window.addEventListener('keydown', report)
      })
      if (how === 'button') await page.getByRole('button', { name: 'Snel weg' }).click()
      else {
        await page.locator('textarea').focus()
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
      }
      await page.waitForURL(NEUTRAL)
      await expect.poll(() => seen.at(-1)).toEqual(['', 'Buienradar'])
      if (how === 'Shift ×3') expect(seen.slice(0, 2).every(([text]) => text!.includes('kanarie'))).toBe(true)
      await page.waitForURL(NEUTRAL)
      expect(await page.content()).not.toContain('kanarie')
      // Back goes to what was before the kamer, not to the kamer.
      await page.goBack()
      expect(page.url()).not.toContain('/kamer')
      expect(await page.content()).not.toContain('kanarie')
      // The server revoked the kamer token; the phone holds nothing.
      await expect
        .poll(async () =>
          server.deps.db.selectFrom('kamer_tokens').select('revoked_at').where('child_id', '=', childId).execute(),
        )
        .toEqual([{ revoked_at: expect.any(String) as string }])
      const check = await ctx.newPage()
      await check.goto(`${server.url}/kamer`)
      expect(await storageOf(check)).toEqual({ local: 0, session: 0, idb: 0, cookie: '' })
      await check.getByLabel('PIN of wachtwoord').waitFor()
      await ctx.close()
    })

  // Changed with the no-lockout rules: five wrong PINs are answered, the sixth stops this phone (docs/kamer.md).
  it('stops this phone after too many wrong PINs', async () => {
    const childId = await newChild('Noor')
    const { ctx, page } = await phone()
    await setUp(page, await inviteCode(childId), 'vuurtoren')
    await page.getByRole('button', { name: 'Kamer maken' }).click()
    await page.getByRole('button', { name: 'Begrepen' }).click()
    await page.getByRole('button', { name: 'Sluiten' }).click()
    await page.getByText('Je kamer is gesloten.').waitFor()
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel('Naam van je kamer').fill('vuurtoren')
      await page.getByLabel('PIN of wachtwoord').fill('000123')
      await page.getByRole('button', { name: 'Openen' }).click()
      await page
        .getByText(i < 6 ? 'klopt niet' : 'Te vaak een verkeerde PIN')
        .first()
        .waitFor()
    }
    await page.getByLabel('PIN of wachtwoord').fill('482915')
    await page.getByRole('button', { name: 'Openen' }).click()
    await page.getByText('Te vaak een verkeerde PIN').waitFor()
    await shot(page, 'kamer-locked-phone')
    await ctx.close()
  })

  it('answers typed offline go out after reconnect, each stored exactly once', async () => {
    const childId = await newChild('Jay')
    const { ctx, page } = await phone()
    await setUp(page, await inviteCode(childId), 'zeilboot')
    await page.getByRole('button', { name: 'Kamer maken' }).click()
    await page.getByRole('button', { name: 'Begrepen' }).click()
    await openNotes(page)
    await addNote(page, 'eerste')
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)

    // The line drops: the phone goes offline and the server loses the socket.
    await ctx.setOffline(true)
    server.io.disconnectSockets(true)
    await page.getByText('Even geen verbinding').waitFor()
    const offline = ['tweede', 'derde', 'vierde', 'vijfde']
    for (const text of offline) await addNote(page, text)
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBeGreaterThan(0)
    await shot(page, 'kamer-offline-phone')

    await ctx.setOffline(false)
    await expect.poll(() => page.getByText('nog niet verstuurd').count(), { timeout: 20_000 }).toBe(0)
    const g = await server.deps.db
      .selectFrom('gesprekken')
      .select('id')
      .where('child_id', '=', childId)
      .where('setting', '=', 'kamer')
      .executeTakeFirstOrThrow()
    const events = await server.deps.db
      .selectFrom('gesprek_events')
      .select('type')
      .where('gesprek_id', '=', g.id)
      .where('type', '=', 'item.add')
      .execute()
    expect(events).toHaveLength(5)
    const snapshot = (await server.host.storedSnapshot(g.id)) as { context: { items: { text?: string }[] } }
    expect(snapshot.context.items.map((i) => i.text)).toEqual(['eerste', ...offline])
    await ctx.close()
  })
})
