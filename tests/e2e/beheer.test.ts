import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId, startGesprek, type TestSocket } from '../helpers/server'

const NEW_PASSWORD = 'drie losse woorden'

describe.runIf(hasBrowser)('browser: beheer, inzage, closing a trajectory, erasure and a password reset', () => {
  const web = useBrowser({ seeded: true })
  const sockets: TestSocket[] = []
  let mo = ''
  let sam = ''

  beforeAll(async () => {
    const { sanne } = web
    // Mo answered something: the inzage must carry it.
    const g = await startGesprek(web.server.url, sanne, { nickname: 'Mo' })
    mo = g.childId
    const kind = connect(web.server.url, { token: g.token })
    sockets.push(kind)
    await connected(kind)
    await emitAck(kind, 'gesprek:join', { gesprekId: g.gesprekId })
    for (const event of [
      { type: 'nav.next' },
      { type: 'item.add', item: { id: 'inzage-item-1', text: 'Ik fiets graag naar school' } },
    ]) {
      const ack = await emitAck(kind, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
      expect(ack.ok).toBe(true)
    }
    const samRes = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    sam = samRes.body.id
    // Sam's own kamer gesprek (made as POST /api/kamer/gesprekken makes it): the child page labels it.
    await web.server.host.create({ childId: sam, toolId: 'kamer-notities', setting: 'kamer', ageBand: '12-15' })
    await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: sam, toolId: 'mijn-netwerk' })
  }, 60_000)

  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  const childRow = (page: Page, name: string) =>
    page.getByTestId('beheer-child').filter({ has: page.getByText(name, { exact: true }) })

  it('exports, closes and erases a child, and resets a password inline', async () => {
    const ctx = await web.context({ viewport: LAPTOP, acceptDownloads: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(8000)
    // No window.prompt or confirm anywhere on this screen: a dialog would fail the test.
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.type())
      void d.dismiss()
    })
    // A fresh browser on the login page logs no error: "not logged in" is an answer, not a 401.
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    await page.goto(`${web.server.url}/begeleider`)
    await page.getByLabel('Gebruikersnaam').waitFor()
    expect(consoleErrors).toEqual([])
    await page.getByLabel('Gebruikersnaam').fill('admin-a')
    await page.getByLabel('Wachtwoord').fill('correct horse battery')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    await page.goto(`${web.server.url}/begeleider/beheer`)
    await page.getByRole('heading', { name: 'Beheer · Opvang A' }).waitFor()
    await expect.poll(() => page.getByTestId('beheer-child').count()).toBe(2)

    // The admin's own row offers no Deactiveren (the server refuses it); another's row does.
    const ownRow = page.getByRole('row').filter({ hasText: '@admin-a' })
    await ownRow.getByRole('button', { name: 'Nieuw wachtwoord' }).waitFor()
    expect(await ownRow.getByRole('button', { name: 'Deactiveren' }).count()).toBe(0)
    expect(
      await page.getByRole('row').filter({ hasText: '@sanne' }).getByRole('button', { name: 'Deactiveren' }).count(),
    ).toBe(1)
    // The name field says who sees it, without "hem"; the handover select is a real target.
    await page.getByLabel("Naam voor collega's en kinderen").waitFor()
    const moveSelect = childRow(page, 'Mo').locator('select')
    expect((await moveSelect.boundingBox())!.height).toBeGreaterThanOrEqual(44)

    // Password: an inline form, the minimum said while typing, both fields must match.
    const sanneRow = page.getByRole('row').filter({ hasText: '@sanne' })
    await sanneRow.getByRole('button', { name: 'Nieuw wachtwoord' }).click()
    const form = page.getByRole('form', { name: 'Nieuw wachtwoord voor Sanne' })
    await form.getByText('Minstens 10 tekens').waitFor()
    await form.getByLabel('Nieuw wachtwoord').fill('kort')
    await form.getByText('Nog 6 tekens.').waitFor()
    const save = form.getByRole('button', { name: 'Wachtwoord instellen' })
    expect(await save.isDisabled()).toBe(true)
    await form.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD)
    await form.getByLabel('Nog een keer').fill(`${NEW_PASSWORD}x`)
    await form.getByText('De twee zijn nog niet hetzelfde.').waitFor()
    expect(await save.isDisabled()).toBe(true)
    await form.getByLabel('Nog een keer').fill(NEW_PASSWORD)
    await form.getByText('Goed zo.').waitFor()
    await shot(page, 'beheer-password-laptop')
    await save.click()
    await page.getByText('Nieuw wachtwoord ingesteld voor Sanne.').waitFor()
    expect(await form.count()).toBe(0)
    await HttpUser.login(web.server.url, 'sanne', NEW_PASSWORD) // throws when the new password does not work

    // Inzage: a download of the JSON, nothing kept in the browser, the export logged.
    const moRow = childRow(page, 'Mo')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      moRow.getByRole('button', { name: 'Inzage downloaden' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`inzage-${mo}.json`)
    const file = readFileSync(await download.path(), 'utf8')
    expect(file).toContain('Ik fiets graag naar school')
    expect(JSON.parse(file)).toBeTypeOf('object')
    await page.getByText('De inzage van Mo staat in je downloads').waitFor()
    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))).toEqual({
      local: 0,
      session: 0,
    })
    const looks = await web.server.deps.db.selectFrom('access_log').select('what').where('child_id', '=', mo).execute()
    expect(looks.map((r) => r.what)).toContain('export')

    // Sam's child page: the kamer gesprek carries a quiet label, the guided one none.
    await page.goto(`${web.server.url}/begeleider/kind/${sam}`)
    const list = page.locator('.gesprek-list li')
    await expect.poll(() => list.count()).toBe(2)
    expect(await list.locator('.kamer-label').allTextContents()).toEqual(['kamer'])
    await shot(page, 'beheer-childpage-kamer-laptop')
    await page.goto(`${web.server.url}/begeleider/beheer`)
    await expect.poll(() => page.getByTestId('beheer-child').count()).toBe(2)

    // Close Sam's trajectory: the retention is explained next to the button, then shown on the row.
    const samRow = childRow(page, 'Sam')
    await samRow.getByRole('button', { name: 'Traject afsluiten' }).click()
    await samRow.getByText('Over 30 dagen wist de app vanzelf alles wat Sam zei').waitFor()
    await shot(page, 'beheer-close-laptop')
    await samRow.getByRole('button', { name: 'Afsluiten', exact: true }).click()
    await samRow.getByText(/Afgesloten op .* wordt gewist op/).waitFor()
    expect(await samRow.getByRole('button', { name: 'Traject afsluiten' }).count()).toBe(0)
    const closed = await web.server.deps.db
      .selectFrom('children')
      .select('closed_at')
      .where('id', '=', sam)
      .executeTakeFirst()
    expect(closed?.closed_at).toBeTruthy()

    // Erase Mo: only after typing the nickname.
    await moRow.getByRole('button', { name: 'Wissen' }).click()
    const confirm = page.getByRole('form', { name: 'Mo wissen' })
    const erase = confirm.getByRole('button', { name: 'Mo voorgoed wissen' })
    expect(await erase.isDisabled()).toBe(true)
    await confirm.getByLabel('Typ Mo om te bevestigen').fill('Mohammed')
    expect(await erase.isDisabled()).toBe(true)
    await confirm.getByLabel('Typ Mo om te bevestigen').fill('Mo')
    await shot(page, 'beheer-erase-laptop')
    await page.setViewportSize(PHONE)
    await shot(page, 'beheer-erase-phone')
    await page.setViewportSize(LAPTOP)
    // Nothing was erased by typing alone.
    const before = await web.server.deps.db
      .selectFrom('children')
      .select('key_wrapped')
      .where('id', '=', mo)
      .executeTakeFirst()
    expect(before?.key_wrapped).toBeTruthy()
    await erase.click()
    await page.getByText('Mo is gewist.').waitFor()
    await expect.poll(() => page.getByTestId('beheer-child').count()).toBe(1)
    const after = await web.server.deps.db
      .selectFrom('children')
      .select('key_wrapped')
      .where('id', '=', mo)
      .executeTakeFirst()
    expect(after?.key_wrapped ?? null).toBeNull()
    const gesprekken = await web.server.deps.db
      .selectFrom('gesprekken')
      .select('id')
      .where('child_id', '=', mo)
      .execute()
    expect(gesprekken).toHaveLength(0)

    await shot(page, 'beheer-laptop')
    await page.setViewportSize(PHONE)
    await shot(page, 'beheer-phone')
    expect(dialogs).toEqual([])
    await ctx.close()
  })
})
