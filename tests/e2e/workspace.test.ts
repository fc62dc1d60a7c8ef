import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Person } from '../../dialogs/framework/items'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, SCREENSHOTS, shot } from '../helpers/browser'
import {
  connect,
  connected,
  emitAck,
  fakeClock,
  HttpUser,
  msgId,
  tempDir,
  type TestServer,
  type TestSocket,
} from '../helpers/server'

const DAY = 24 * 60 * 60_000

/** The child's side over a real socket: the browser test is about the begeleider's screens. */
async function asChild(server: TestServer, code: string) {
  const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code })
  const socket = connect(server.url, { token: joined.body.token })
  await connected(socket)
  const gesprekId = joined.body.gesprekId
  await emitAck(socket, 'gesprek:join', { gesprekId })
  const send = async (event: unknown) => {
    const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    if (!ack.ok) throw new Error(`child command failed: ${ack.error}`)
  }
  return { socket, gesprekId, send }
}

async function pastGesprek(server: TestServer, user: HttpUser, childId: string, toolId: string) {
  const g = await user.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
  return asChild(server, g.body.join!.code)
}

type Send = (event: unknown) => Promise<void>

/** An earlier Stoplicht's answers: each place with its colour, then the ladder, then one sharing choice. */
async function stoplichtAnswers(
  send: Send,
  round: string,
  places: readonly (readonly [string, string])[],
  scale: number,
  share: { itemIds: string[]; level: string },
) {
  await send({ type: 'nav.next' })
  for (const [i, [subject, colour]] of places.entries())
    await send({ type: 'item.add', item: { id: `sl-${round}-${i}-xxxx`, subject, colour } })
  await send({ type: 'nav.next' })
  await send({ type: 'item.add', item: { id: `sl-${round}-scale-x`, scale } })
  await send({ type: 'share.set', ...share })
}

/** An earlier Mijn netwerk's answers: these people. */
async function netwerkAnswers(send: Send, round: string, people: Person[]) {
  await send({ type: 'nav.next' })
  for (const [i, p] of people.entries())
    await send({ type: 'item.add', item: { id: `net-${round}-${i}-xxx`, person: p } })
}

const person = (name: string, circle: 1 | 2 | 3, extra: Partial<Person> = {}): Person => ({
  name,
  category: 'familie',
  circle,
  gives: [],
  mustNotKnow: false,
  ...extra,
})

describe.runIf(hasBrowser)('browser: the begeleider workspace, caseload to printed oudergesprek', () => {
  const sockets: TestSocket[] = []
  const clock = fakeClock(Date.now() - 30 * DAY)
  const web = useBrowser({ server: { clock }, seeded: true })
  let mo = ''

  beforeAll(async () => {
    // A month of work before today: a family of two, a teenager on their own, earlier gesprekken.
    let { sanne } = web
    const moCard = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Mo',
      ageBand: '8-12',
      phase: 2,
      newFamily: 'Gezin Z.',
    })
    mo = moCard.body.id
    await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Pip',
      ageBand: '0-4',
      familyId: moCard.body.familyId,
    })
    await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Daan',
      ageBand: '12-15',
      living: 'ambulant',
      phase: 1,
    })
    const places = [
      ['school', 'oranje'],
      ['opvang', 'groen'],
      ['slapen', 'rood'],
    ] as const
    const first = await pastGesprek(web.server, sanne, mo, 'stoplicht')
    sockets.push(first.socket)
    await stoplichtAnswers(first.send, 'a', places, 4, { itemIds: ['sl-a-0-xxxx'], level: 'begeleider-vertelt' })
    const net1 = await pastGesprek(web.server, sanne, mo, 'mijn-netwerk')
    sockets.push(net1.socket)
    await netwerkAnswers(net1.send, 'a', [
      person('Mama', 1),
      person('Oma', 1),
      person('Juf Anna', 2),
      person('Papa', 2, { safe: 'soms' }),
    ])
    clock.advance(14 * DAY)
    sanne = await HttpUser.login(web.server.url, 'sanne')
    const later = [
      ['school', 'groen'],
      ['opvang', 'groen'],
      ['slapen', 'oranje'],
    ] as const
    const second = await pastGesprek(web.server, sanne, mo, 'stoplicht')
    sockets.push(second.socket)
    await stoplichtAnswers(second.send, 'b', later, 7, { itemIds: ['sl-b-scale-x'], level: 'zelf-vertellen' })
    const net2 = await pastGesprek(web.server, sanne, mo, 'mijn-netwerk')
    sockets.push(net2.socket)
    await netwerkAnswers(net2.send, 'b', [
      person('Mama', 1),
      person('Oma', 1),
      person('Ali', 2, { category: 'vrienden' }),
      person('Papa', 3, { mustNotKnow: true }),
    ])
    // Sixteen days later: Mo is due again, Daan never had a gesprek (overdue).
    clock.advance(12 * DAY)
  }, 90_000)

  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  /** A laptop page logged in through the login form. */
  async function loggedIn(username: string) {
    const ctx = await web.context({ viewport: LAPTOP })
    const page = await ctx.newPage()
    page.setDefaultTimeout(8000)
    await web.login(page, username)
    return { ctx, page }
  }

  /** The same screen at laptop and at phone size. */
  async function laptopAndPhone(page: Page, name: string) {
    await shot(page, `${name}-laptop`)
    await page.setViewportSize(PHONE)
    await shot(page, `${name}-phone`)
    await page.setViewportSize(LAPTOP)
  }

  it('caseload → start gesprek → live view → oudergesprek → print to PDF', async () => {
    const { ctx, page: beg } = await loggedIn('sanne')

    // Caseload: siblings together, reminders visible but calm
    await beg.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    await beg.getByRole('heading', { name: 'Gezin Z.' }).waitFor()
    await expect.poll(() => beg.getByTestId('child-row').count()).toBe(3)
    const rows = await beg.getByTestId('child-row').allTextContents()
    expect(rows[0]).toMatch(/Mo/) // the family first, in name order
    expect(rows[1]).toMatch(/Pip/)
    expect(rows.join(' ')).toMatch(/over tijd/)
    await laptopAndPhone(beg, 'workspace-caseload')

    // Child page, then start a Drie huizen gesprek
    await beg.getByRole('link', { name: 'Mo', exact: true }).click()
    await beg.getByRole('heading', { name: 'Mo', exact: true }).waitFor()
    for (const tool of ['Drie huizen', 'Stoplicht', 'Mijn netwerk'])
      await beg.getByRole('button', { name: tool, exact: true }).waitFor()
    await beg
      .getByLabel('Afspraak')
      .fill('Vader krijgt elke maand een korte brief via de advocaat; afgesproken met moeder en vader.')
    await beg.locator('.other-parent').getByRole('button', { name: 'Vastleggen', exact: true }).click()
    await beg.getByText('Vader krijgt elke maand').first().waitFor()
    await shot(beg, 'workspace-child-laptop')
    await beg.getByRole('button', { name: 'Drie huizen', exact: true }).click()
    const code = (await beg.getByTestId('join-code').textContent())!.trim()

    // The child answers on their own device (a real socket) and chooses who may know what
    const child = await asChild(web.server, code)
    sockets.push(child.socket)
    await child.send({ type: 'nav.next' })
    await child.send({
      type: 'item.add',
      item: { id: 'dh-goed-001', text: 'Ik kan heel hard rennen', pictures: ['sport'] },
    })
    await child.send({ type: 'item.add', item: { id: 'dh-goed-002', text: 'Oma komt op zondag' } })
    await child.send({ type: 'nav.next' })
    await child.send({
      type: 'item.add',
      item: { id: 'dh-zorg-001', text: 'Papa schreeuwt soms', pictures: ['scared'] },
    })
    await child.send({ type: 'item.add', item: { id: 'dh-zorg-002', text: 'CANARY-GEHEIM-MO' } })
    await child.send({ type: 'nav.next' })
    await child.send({
      type: 'item.add',
      item: { id: 'dh-droom-01', text: 'Weer naar mijn eigen school', pictures: ['school'] },
    })
    await child.send({ type: 'share.set', itemIds: ['dh-goed-001', 'dh-droom-01'], level: 'zelf-vertellen' })
    await child.send({ type: 'share.set', itemIds: ['dh-zorg-001'], level: 'begeleider-vertelt' })
    await child.send({ type: 'share.set', itemIds: ['dh-zorg-002'], level: 'alleen-ik' })

    // Live view: in order, sharing level beside each, private item absent
    await beg.getByTestId('live-item').filter({ hasText: 'Weer naar mijn eigen school' }).waitFor()
    await expect.poll(() => beg.getByTestId('live-item').count()).toBe(4)
    expect(await beg.content()).not.toContain('CANARY-GEHEIM-MO')
    await beg.getByTestId('live-item').filter({ hasText: 'Papa schreeuwt soms' }).getByRole('button').click()
    await expect.poll(() => beg.locator('.live-item.is-worry').count()).toBe(1)
    await beg.getByLabel('Notitie toevoegen').fill('Mo vertelde dit rustig; navragen bij moeder hoe de avonden gaan.')
    await beg.getByRole('button', { name: 'Notitie toevoegen' }).click()
    await beg.getByText('navragen bij moeder').waitFor()
    await shot(beg, 'workspace-live-laptop')

    // History with pictures
    await beg.goto(`${web.server.url}/begeleider/kind/${mo}/geschiedenis`)
    await beg.getByRole('heading', { name: 'Geschiedenis van Mo' }).waitFor()
    await beg.getByText('Erbij gekomen').waitFor()
    expect(await beg.content()).not.toContain('CANARY-GEHEIM-MO')
    await laptopAndPhone(beg, 'workspace-history')

    // Oudergesprek: two lists by theme, in Mo's words; talking points editable
    await beg.goto(`${web.server.url}/begeleider/kind/${mo}/oudergesprek`)
    await beg.getByRole('heading', { name: 'Dit vertelt het kind zelf' }).waitFor()
    const zelf = beg.locator('.prep-list--zelf')
    const jij = beg.locator('.prep-list--jij')
    await zelf.getByText('Ik kan heel hard rennen').waitFor()
    await zelf.getByText('Weer naar mijn eigen school').waitFor()
    await jij.getByText('Papa schreeuwt soms').waitFor()
    // "Sinds" starts two weeks back (no evaluation yet): the Stoplicht of a month ago is not in the lists.
    expect(await jij.locator('.theme__title').allTextContents()).toEqual(['Zorgen'])
    await beg.getByRole('button', { name: 'Alles tonen' }).click()
    await jij.locator('.theme__title', { hasText: 'Veiligheid' }).waitFor()
    expect(await jij.locator('.theme__title').allTextContents()).toEqual(['Zorgen', 'Veiligheid'])
    const page = await beg.content()
    expect(page).not.toContain('CANARY-GEHEIM-MO')
    expect(page).not.toContain('Oma komt op zondag') // shared with the begeleider only
    await beg
      .getByLabel('Gesprekspunten')
      .fill(
        'Begin met wat goed gaat: Mo rent heel hard.\nMo vertelt zelf over school.\nIk vertel over de avonden thuis.\nAfspraken voor volgende week.',
      )
    await laptopAndPhone(beg, 'workspace-oudergesprek')
    await beg.getByTestId('print').click()

    // The A4 sheet, printed to PDF by Chromium, then rendered to PNGs to look at
    await beg.getByTestId('handout').waitFor()
    await beg.getByText('Mo rent heel hard').waitFor()
    await shot(beg, 'workspace-handout-screen')
    const dir = tempDir('kg-pdf-')
    const pdf = join(dir, 'oudergesprek.pdf')
    await beg.emulateMedia({ media: 'print' })
    await beg.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true })
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF')
    if (existsSync('/usr/bin/pdftoppm'))
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', pdf, join(SCREENSHOTS, 'workspace-handout-pdf')])
    const log = await web.server.deps.db.selectFrom('access_log').select('what').where('child_id', '=', mo).execute()
    for (const what of ['live', 'history', 'oudergesprek', 'print']) expect(log.map((r) => r.what)).toContain(what)
    await ctx.close()
  }, 120_000)

  it('a 0-4 child gets the observation, operated by the begeleider; admin page', async () => {
    const { ctx, page: beg } = await loggedIn('sanne')
    await beg.getByRole('link', { name: 'Pip', exact: true }).click()
    await beg.getByText('de observatie, met de ouder erbij').waitFor()
    const buttons = await beg.locator('.tool-buttons button').allTextContents()
    expect(buttons).toEqual([expect.stringMatching(/^Observatie/)])
    await beg.getByRole('button', { name: /^Observatie/ }).click()
    await beg.getByTestId('operator').waitFor()
    await beg.getByRole('button', { name: /Verder/ }).click()
    await beg.locator('.step--observe textarea').first().fill('Pip kijkt om naar mama als er een deur dichtslaat.')
    await beg.locator('.step--observe button[type=submit]').first().click()
    await beg.getByTestId('live-item').first().waitFor()
    await shot(beg, 'workspace-observatie-laptop')
    await ctx.close()

    const { ctx: adminCtx, page: admin } = await loggedIn('admin-a')
    await admin.getByRole('link', { name: 'Beheer' }).click()
    await admin.getByRole('heading', { name: /Beheer · Opvang A/ }).waitFor()
    await admin.getByText('Joris').first().waitFor()
    await shot(admin, 'workspace-beheer-laptop')
    await adminCtx.close()
  }, 60_000)
})
