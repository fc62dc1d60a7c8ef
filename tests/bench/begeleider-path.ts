/**
 * The begeleider's path after a finished gesprek (issue 14, "Tests and measure"), scripted in the real
 * Chromium against a real server: (a) from the finished gesprek's live view to a printed oudergesprek
 * sheet, (b) from there to an updated veiligheidsplan printed for the parent. Counts clicks and the
 * seconds spent waiting for the screen after each click (server and rendering, not the person), and
 * estimates reading and writing time from the words on screen and the characters typed. Prints JSON with
 * the target beside each figure; asserts nothing. Needs a built client (`npm run build`).
 * `npx tsx tests/bench/begeleider-path.ts`
 */
import type { Locator, Page } from 'playwright-core'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { launch, LAPTOP } from '../helpers/browser'
import {
  connect,
  connected,
  emitAck,
  HttpUser,
  msgId,
  PASSWORD,
  seedOrganisations,
  startTestServer,
} from '../helpers/server'

/** Assumed pace of a begeleider reading Dutch work text, and typing a short line (stated in the output). */
const READ_WORDS_PER_MIN = 200
const TYPE_CHARS_PER_MIN = 150

type Step = { what: string; waitS: number }

class Path {
  clicks = 0
  typed = 0
  readWords = 0
  steps: Step[] = []
  constructor(readonly page: Page) {}
  /** A click, and the wait until `ready` is visible: the seconds the begeleider waits for the screen. */
  async click(what: string, target: Locator, ready: Locator) {
    this.clicks++
    const t0 = performance.now()
    await target.click()
    await ready.waitFor()
    this.steps.push({ what, waitS: +((performance.now() - t0) / 1000).toFixed(3) })
  }
  async type(target: Locator, text: string) {
    await target.fill(text)
    this.typed += text.length
  }
  /** The words the begeleider has to read on this part of the screen (the child's answers, the plan). */
  async read(area: Locator) {
    const text = (await area.allInnerTexts()).join(' ').trim()
    this.readWords += text ? text.split(/\s+/).length : 0
  }
  report(target: { clicks: number }) {
    const waitS = +this.steps.reduce((s, x) => s + x.waitS, 0).toFixed(3)
    const readS = Math.round((this.readWords / READ_WORDS_PER_MIN) * 60)
    const writeS = Math.round((this.typed / TYPE_CHARS_PER_MIN) * 60)
    return {
      clicks: { value: this.clicks, target: `<= ${target.clicks}` },
      waitingSeconds: { value: waitS, target: 'as low as possible (server and rendering, measured)' },
      readWords: this.readWords,
      typedChars: this.typed,
      readingWritingSeconds: {
        value: readS + writeS,
        target: '< 300 (5 minutes) for a typical gesprek',
        estimate: `words / ${READ_WORDS_PER_MIN} per min + characters / ${TYPE_CHARS_PER_MIN} per min`,
      },
      steps: this.steps,
    }
  }
}

async function main() {
  const server = await startTestServer()
  await seedOrganisations(server)
  const sanne = await HttpUser.login(server.url, 'sanne')
  const childId = (
    await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12', phase: 2 })
  ).body.id
  await sanne.request('PUT', `/api/parents/children/${childId}`, {
    present: 'mama',
    other: {},
    flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
  })
  // An earlier plan exists: this round the begeleider updates it with what the child said today.
  await sanne.request('PUT', `/api/plans/children/${childId}/veiligheidsplan`, {
    worries: ['Noor slaapt slecht sinds de verhuizing'],
    mustHappen: ['Papa weet het adres niet.'],
    whoDoesWhat: [{ who: 'Mama', what: 'Brengt en haalt Noor van school' }],
    citations: [],
    childVersion: [{ picture: 'home', text: 'Je bent hier veilig.' }],
    agreements: [{ who: 'ouder', on: '2026-11-01' }],
  })

  // A typical Stoplicht: five places, the ladder, three things that help, shared as a child of 9 might.
  const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })
  const gesprekId = g.body.gesprek.id
  const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
  const kid = connect(server.url, { token: joined.body.token })
  await connected(kid)
  await emitAck(kid, 'gesprek:join', { gesprekId })
  const send = (event: unknown) => emitAck(kid, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  await send({ type: 'nav.next' })
  // A child in the shelter: "Hier, in de opvang" and no separate "Thuis" (ADR 0060).
  const places = [
    ['opvang', 'groen'],
    ['school', 'groen'],
    ['slapen', 'rood'],
    ['ander-huis', 'oranje'],
  ] as const
  for (const [i, [subject, colour]] of places.entries())
    await send({ type: 'item.add', item: { id: `place-${i}-xxxx`, subject, colour } })
  await send({ type: 'nav.next' })
  await send({ type: 'item.add', item: { id: 'ladder-xxxx', scale: 6 } })
  await send({ type: 'nav.next' })
  const helps = ['Bij mama in bed als ik eng droom', 'Met oma bellen', 'Mijn knuffel en het lampje aan']
  for (const [i, text] of helps.entries())
    await send({ type: 'item.add', item: { id: `nodig-${i}-xxxx`, text, prompt: 'helpt' } })
  await send({
    type: 'share.set',
    itemIds: ['place-0-xxxx', 'place-3-xxxx', 'nodig-0-xxxx'],
    level: 'begeleider-vertelt',
  })
  await send({ type: 'share.set', itemIds: ['nodig-1-xxxx', 'ladder-xxxx'], level: 'zelf-vertellen' })
  await send({ type: 'share.set', itemIds: ['nodig-2-xxxx'], level: 'begeleider' })
  await send({ type: 'share.set', itemIds: ['place-4-xxxx'], level: 'alleen-ik' })
  // delen, afsluiting, then Klaar: the gesprek is afgerond.
  for (let i = 0; i < 3; i++) await send({ type: 'nav.next' })
  kid.disconnect()

  const browser = await launch()
  const ctx = await browser.newContext({ viewport: LAPTOP })
  const page = await ctx.newPage()
  page.setDefaultTimeout(20_000)
  // window.print opens no dialog headless; the print click is counted, the dialog itself is not timed.
  await page.addInitScript(() => {
    window.print = () => undefined
  })
  await page.goto(`${server.url}/begeleider`)
  await page.getByLabel('Gebruikersnaam').fill('sanne')
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
  await page.goto(`${server.url}/begeleider/gesprek/${gesprekId}`)
  await page.getByRole('link', { name: 'Naar de voorbereiding van het oudergesprek' }).waitFor()

  // (a) Finished gesprek → oudergesprek preparation → sheet → print.
  const a = new Path(page)
  await a.click(
    'naar de voorbereiding',
    page.getByRole('link', { name: 'Naar de voorbereiding van het oudergesprek' }),
    page.getByTestId('prep-item').first(),
  )
  await a.read(page.locator('.prep-items'))
  await a.click('blad afdrukken', page.getByTestId('print'), page.getByTestId('handout'))
  await a.read(page.getByTestId('handout'))
  await a.click('afdrukken', page.getByRole('button', { name: 'Afdrukken', exact: true }), page.getByTestId('handout'))

  // (b) From the printed sheet → the veiligheidsplan, today's answers in it → saved → parent sheet → print.
  const b = new Path(page)
  await b.click('terug', page.getByRole('button', { name: /Terug/ }).first(), page.getByTestId('prep-item').first())
  await b.click(
    'naar het kind',
    page.getByRole('link', { name: /Noor/ }).first(),
    page.getByRole('heading', { name: 'Noor', exact: true }),
  )
  await b.click(
    'veiligheidsplan',
    page.getByRole('link', { name: 'Veiligheidsplan', exact: true }),
    page.getByRole('heading', { name: 'Veiligheidsplan van Noor' }),
  )
  await b.read(page.locator('.plan-grid > section'))
  for (const text of helps.slice(0, 1).concat(helps.slice(2))) {
    const answer = page.getByTestId('cited').filter({ hasText: text }).first()
    await b.click(
      `neem op: ${text}`,
      answer.getByRole('button', { name: 'Neem op in het plan' }),
      answer.getByRole('button', { name: 'In het plan' }),
    )
  }
  const mustHappen = page.locator('section.panel').filter({ hasText: 'Wat moet er gebeuren?' })
  await b.click(
    'regel toevoegen',
    mustHappen.getByRole('button', { name: 'Regel toevoegen' }),
    page.getByLabel('Wat moet er gebeuren? 2'),
  )
  await b.type(page.getByLabel('Wat moet er gebeuren? 2'), 'Het lampje blijft aan en mama is dichtbij')
  await b.click(
    'opslaan',
    page.getByRole('button', { name: 'Opslaan', exact: true }),
    page.getByText('Opgeslagen', { exact: true }),
  )
  await b.click(
    'blad voor de ouder',
    page.getByRole('link', { name: 'Blad voor de ouder' }),
    page.getByTestId('plan-sheet'),
  )
  await b.click(
    'afdrukken',
    page.getByRole('button', { name: 'Afdrukken', exact: true }),
    page.getByTestId('plan-sheet'),
  )

  const out = {
    bench: 'begeleider-path',
    measured:
      'Real Chromium (headless, 1366x768) and a real server with SQLite on this machine; clicks counted, waiting = click until the next screen is visible. Reading and writing are estimates, not measurements.',
    gesprek: { tool: 'stoplicht', answers: places.length + 1 + helps.length, keptPrivate: 1 },
    toPrintedOudergesprek: a.report({ clicks: 10 }),
    toUpdatedVeiligheidsplan: b.report({ clicks: 10 }),
    total: {
      clicks: { value: a.clicks + b.clicks, target: '<= 10 each path' },
      readingWritingSeconds: {
        value:
          Math.round(((a.readWords + b.readWords) / READ_WORDS_PER_MIN) * 60) +
          Math.round(((a.typed + b.typed) / TYPE_CHARS_PER_MIN) * 60),
        target: '< 300',
      },
    },
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
  await browser.close()
  await server.stop()
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`)
  process.exit(1)
})
