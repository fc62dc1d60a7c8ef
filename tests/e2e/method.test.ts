import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, shot, TABLET } from '../helpers/browser'
import { connect, connected, emitAck, fakeClock, HttpUser, msgId, type TestSocket } from '../helpers/server'

const DAY = 24 * 60 * 60_000

describe.runIf(hasBrowser)('browser: the begeleider’s method flow (consent, rhythm, phases, the family)', () => {
  const sockets: TestSocket[] = []
  const clock = fakeClock(Date.now() - 3 * DAY)
  const web = useBrowser({ server: { clock }, seeded: true })
  const ids = { mo: '', pip: '', daan: '', family: '' }

  /** A Drie huizen gesprek of this child, its answers at these levels (the child's own socket). */
  async function gesprek(user: HttpUser, childId: string, answers: [string, string, string][], toolId = 'drie-huizen') {
    const g = await user.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
    const joined = await new HttpUser(web.server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    const socket = connect(web.server.url, { token: joined.body.token })
    sockets.push(socket)
    await connected(socket)
    const gesprekId = g.body.gesprek.id
    const send = async (event: unknown) => {
      const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
      if (!ack.ok) throw new Error(`child command failed: ${ack.error}`)
    }
    await send({ type: 'nav.next' })
    for (const [id, text, level] of answers) {
      await send({ type: 'item.add', item: { id, text } })
      await send({ type: 'share.set', itemIds: [id], level })
    }
    socket.disconnect()
  }

  beforeAll(async () => {
    const { sanne } = web
    const mo = (
      await sanne.post<CaseloadChild>('/api/workspace/children', {
        nickname: 'Mo',
        ageBand: '8-12',
        phase: 1,
        newFamily: 'Gezin Z.',
      })
    ).body
    ids.mo = mo.id
    ids.family = mo.familyId!
    ids.pip = (
      await sanne.post<CaseloadChild>('/api/workspace/children', {
        nickname: 'Pip',
        ageBand: '4-7',
        familyId: ids.family,
      })
    ).body.id
    // A baby in the family with no parent recorded: left out of a sheet for mama, reminded as "observatie/contact".
    await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Bo', ageBand: '0-4', familyId: ids.family })
    ids.daan = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Daan', ageBand: '12-15', phase: 1 })
    ).body.id
    for (const id of [ids.mo, ids.pip])
      await sanne.request('PUT', `/api/parents/children/${id}`, { present: 'mama', other: {}, flags: [] })
    await gesprek(sanne, ids.mo, [
      ['mo-zelf-00001', 'Ik kan hard rennen', 'zelf-vertellen'],
      ['mo-geheim-001', 'MO-GEHEIM niet voor mama', 'alleen-ik'],
    ])
    await gesprek(sanne, ids.mo, [], 'mijn-netwerk')
    await gesprek(sanne, ids.pip, [['pip-zelf-0001', 'Ik teken een hond', 'zelf-vertellen']])
    // Three days later, today: the server's day is the browser's day.
    clock.advance(3 * DAY)
  }, 90_000)

  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  async function loggedIn(viewport: { width: number; height: number }) {
    const ctx = await web.context({ viewport })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.login(page)
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    return { ctx, page }
  }
  const both = async (page: Page, name: string) => {
    await page.setViewportSize(LAPTOP)
    await shot(page, `method-${name}-laptop`)
    await page.setViewportSize(TABLET)
    await shot(page, `method-${name}-tablet`)
    await page.setViewportSize(LAPTOP)
  }

  it('the family: one preparation for the siblings, each child apart, recorded in one tap', async () => {
    const { ctx, page } = await loggedIn(LAPTOP)
    await page.getByRole('link', { name: 'Oudergesprek voor het gezin' }).click()
    await page.getByRole('heading', { name: /Oudergesprek voorbereiden · Gezin Z\./ }).waitFor()
    await expect.poll(() => page.getByTestId('family-child').count()).toBe(2)
    await page.getByTestId('family-left-out').getByText(/Bo/).waitFor()
    const mo = page.getByTestId('family-child').filter({ hasText: 'Mo' })
    const pip = page.getByTestId('family-child').filter({ hasText: 'Pip' })
    await mo.getByText('Ik kan hard rennen').waitFor()
    await pip.getByText('Ik teken een hond').waitFor()
    // Never one child's words under the other, never a private answer.
    expect(await mo.getByText('Ik teken een hond').count()).toBe(0)
    expect(await pip.getByText('Ik kan hard rennen').count()).toBe(0)
    expect(await page.content()).not.toContain('MO-GEHEIM')
    await page.getByTestId('siblings-topic').getByRole('heading', { name: 'Broertjes en zusjes' }).waitFor()
    await both(page, 'family')
    await page.getByRole('button', { name: /Oudergesprek van vandaag vastleggen/ }).click()
    await page.getByText('Vastgelegd voor 2 kinderen').waitFor()
    await ctx.close()
  })

  it('the child page: the consent note, consent per parent, the rhythm and the fase-1 list prefilled', async () => {
    const { ctx, page } = await loggedIn(LAPTOP)
    await page.getByRole('link', { name: 'Mo', exact: true }).click()
    await page.getByRole('heading', { name: 'Mo', exact: true }).waitFor()
    // Starting is never blocked; the note says what is missing.
    await page.getByTestId('consent-note').waitFor()
    await page.getByRole('button', { name: 'Drie huizen', exact: true }).waitFor()
    // The family's talk of today counts for Mo: the weekly reminder is on schedule.
    await expect.poll(() => page.getByTestId('rhythm').textContent()).toMatch(/Oudergesprek\s*op schema/)
    // The network tool already done ticks "Netwerk in kaart" by itself.
    const fase1 = page.getByTestId('fase1')
    const netwerk = fase1.getByRole('checkbox', { name: 'Netwerk in kaart' })
    expect(await netwerk.isChecked()).toBe(true)
    expect(await netwerk.isDisabled()).toBe(true)
    await fase1.getByRole('checkbox', { name: 'SDQ besproken met ouder (en kind)' }).check()
    await expect
      .poll(() => fase1.getByRole('checkbox', { name: 'SDQ besproken met ouder (en kind)' }).isChecked())
      .toBe(true)

    // The joint conversation after the last kind-gesprek is pending, then recorded in one tap.
    await page
      .getByTestId('samen')
      .getByText(/nog geen gezamenlijk gesprek/)
      .waitFor()
    await both(page, 'child-before')
    await page.getByRole('button', { name: 'Gezamenlijk gesprek van vandaag vastleggen' }).click()
    await page
      .getByTestId('samen')
      .getByText(/Laatste gezamenlijke gesprek/)
      .waitFor()

    // Consent: mama has gezag and agrees; papa has no gezag. Told Mo that school is contacted.
    const consent = page.getByTestId('consent')
    const mama = consent.getByRole('group', { name: /Ouder met wie het kind hier is: mama/ })
    await mama.getByLabel('Gezag').selectOption('ja')
    await mama.getByLabel('Toestemming').selectOption('gegeven')
    await mama.getByRole('checkbox', { name: 'Doel van de kind-gesprekken uitgelegd' }).check()
    const papa = consent.getByRole('group', { name: /Ouder die niet is meegekomen: papa/ })
    // A refusal shows the pointer to the Juridische richtlijn, and still blocks nothing.
    await papa.getByLabel('Gezag').selectOption('ja')
    await papa.getByLabel('Toestemming').selectOption('geweigerd')
    await consent
      .getByTestId('consent-refused')
      .getByText(/Juridische richtlijn/)
      .waitFor()
    await papa.getByLabel('Gezag').selectOption('nee')
    await papa.getByLabel('Toestemming').selectOption('open')
    await consent.getByRole('checkbox', { name: 'school' }).check()
    await consent.getByRole('button', { name: 'Bewaren' }).click()
    await consent.getByText('compleet', { exact: true }).waitFor()
    await expect.poll(() => page.getByTestId('consent-note').count()).toBe(0)
    // One home for papa's gezag: the parents panel above shows what the consent just recorded.
    await expect.poll(() => page.getByTestId('parents-panel').getByLabel('Gezag').inputValue()).toBe('nee')
    // Telling Mo who is approached ticks "professionals" on the fase-1 list.
    expect(await fase1.getByRole('checkbox', { name: /Professionals in kaart/ }).isChecked()).toBe(true)
    await both(page, 'child-after')

    // The preparation opens at "since the last oudergesprek": today's.
    await page.getByRole('link', { name: 'Oudergesprek voorbereiden' }).click()
    const today = new Date(clock.now()).toISOString().slice(0, 10)
    await expect.poll(() => page.locator('input[name="since"]').inputValue()).toBe(today)
    await page.getByText('Standaard sinds het laatste oudergesprek, of de laatste twee weken.').waitFor()
    await ctx.close()
  })

  it('a jongere of 12+: the consent conversation beside what the deelafspraak already settles', async () => {
    const { ctx, page } = await loggedIn(TABLET)
    await page.getByRole('link', { name: 'Daan', exact: true }).click()
    const consent = page.getByTestId('consent')
    await consent.getByText('Gesprek over toestemming met de jongere (12+)').waitFor()
    await consent.getByText(/De ouder hier hoort uit de app alleen wat de jongere per antwoord deelt/).waitFor()
    await consent.getByLabel('Wie benader je, en wat vraag je?').fill('De mentor, over hoe het op school gaat.')
    await consent.getByLabel('Voorwaarden en wensen').fill('Daan praat eerst zelf met de mentor.')
    await consent.getByRole('button', { name: 'Bewaren' }).click()
    await consent.getByText(/Vastgelegd door Sanne/).waitFor()
    await both(page, 'jongere')
    // Fase 3: the warm handover to follow-up help, and what Daan was told about it.
    await page.getByLabel('Fase').selectOption('3')
    const fase3 = page.getByTestId('fase3')
    await fase3.getByLabel('Overdracht aan (organisatie, wie)').fill('Jeugdteam Noord, Karin')
    await fase3.getByLabel('Wat heb je het kind hierover verteld?').fill('Karin komt volgende week kennismaken.')
    await fase3.getByRole('button', { name: 'Overdracht vastleggen' }).click()
    await fase3.getByText(/Vastgelegd door Sanne/).waitFor()
    await shot(page, 'method-fase3-laptop')

    // Consent is still open for Daan: the gesprek starts anyway, and the child's screen says nothing of it.
    await page.getByTestId('consent-note').waitFor()
    await page.getByRole('button', { name: 'Mijn netwerk', exact: true }).click()
    const code = (await page.getByTestId('join-code').textContent())!.trim()
    const childCtx = await web.context({ viewport: TABLET })
    const child = await childCtx.newPage()
    await child.goto(`${web.server.url}/kind#${code.replace('-', '')}`)
    await child.locator('.kind-bar').waitFor()
    await child.locator('.step-host h1').first().waitFor()
    const seen = (await child.locator('body').innerText()).toLowerCase()
    for (const words of ['niet compleet vastgelegd', 'gezag', 'juridische richtlijn']) expect(seen).not.toContain(words)
    await childCtx.close()
    // 0-4 reminders say "observatie/contact", the caseload shows the weekly oudergesprek.
    await page.goto(`${web.server.url}/begeleider`)
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    const bo = page.getByTestId('child-row').filter({ hasText: 'Bo' })
    await bo.getByText('Observatie/contact').waitFor()
    await bo.getByText('Oudergesprek').waitFor()
    await ctx.close()
  })
})
