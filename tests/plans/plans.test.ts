import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { JoinCodeOut, KindJoinOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ActieplanOut, ChildPlanOut, EvaluationsOut, VeiligheidsplanOut } from '../../dialogs/contract/plans'
import { createKamerInvite, setupKamer } from '../../server/auth/kamer'
import { sessionPrincipal } from '../../server/auth/sessions'
import { connected, emitAck, HttpUser, msgId, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

/**
 * The child's plans (docs/plans.md) through the real server: a plan cites answers by id and every read
 * resolves them through the projection of whoever will see it, so a private answer is refused when
 * cited, and a cited answer the child later keeps to themself disappears from screen and sheet.
 */
async function stoplichtWithAnswers(server: { url: string }, sanne: HttpUser) {
  const g = await startGesprek(server.url, sanne, { nickname: 'Noor', ageBand: '8-12', toolId: 'stoplicht' })
  const kind = open(server.url, { token: g.token })
  await connected(kind)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
  const send = async (event: unknown) => {
    const ack = await emitAck(kind, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
    expect(ack.ok, JSON.stringify(ack)).toBe(true)
  }
  const words = {
    secret: `GEHEIM-${randomUUID().slice(0, 8)}`,
    parent: `VOOR-MAMA-${randomUUID().slice(0, 8)}`,
    begeleider: `ALLEEN-BEGELEIDER-${randomUUID().slice(0, 8)}`,
  }
  await send({ type: 'nav.next' }) // plekken
  await send({ type: 'nav.next' }) // schaal
  await send({ type: 'item.add', item: { id: 'ladder-0001', scale: 6 } })
  await send({ type: 'nav.next' }) // nodig
  await send({ type: 'item.add', item: { id: 'nodig-secret', text: words.secret, prompt: 'helpt' } })
  await send({ type: 'item.add', item: { id: 'nodig-parent', text: words.parent, prompt: 'helpt' } })
  await send({ type: 'item.add', item: { id: 'nodig-begel', text: words.begeleider, prompt: 'helpt' } })
  await send({ type: 'share.set', itemIds: ['nodig-secret'], level: 'alleen-ik' })
  await send({ type: 'share.set', itemIds: ['nodig-parent'], level: 'begeleider-vertelt' })
  await send({ type: 'share.set', itemIds: ['nodig-begel'], level: 'begeleider' })
  return { ...g, send, words, kind }
}

describe('plans cite what the audience may see, never more', () => {
  it('actieplan: a private answer is refused, a begeleider-only answer stays off the parent sheet', async () => {
    const { server, sanne } = await startSeeded()
    const g = await stoplichtWithAnswers(server, sanne)
    const base = `/api/plans/children/${g.childId}/actieplan`
    const cite = (itemId: string) => ({ gesprekId: g.gesprekId, itemId })

    // Drafted from what the child shared: the suggestions hold the shared answers, never the private one.
    const first = (await sanne.get(base)).body as ActieplanOut
    const suggested = first.suggestions.map((s) => s.item.id).sort()
    expect(suggested).toEqual(['nodig-begel', 'nodig-parent'])
    expect(JSON.stringify(first)).not.toContain(g.words.secret)

    const secret = await sanne.request('PUT', base, {
      goals: [{ id: 'goal-1', text: 'Noor slaapt rustig', citations: [cite('nodig-secret')] }],
    })
    expect(secret.status).toBe(400)
    expect(secret.body).toEqual({ error: 'citation_not_shared' })
    // Another child's answer or a made-up id is refused the same way.
    const madeUp = await sanne.request('PUT', base, {
      goals: [{ id: 'goal-1', text: 'x', citations: [{ gesprekId: 'AAAAAAAAAAAA', itemId: 'nodig-parent' }] }],
    })
    expect(madeUp.body).toEqual({ error: 'citation_not_shared' })

    const ok = await sanne.request('PUT', base, {
      goals: [
        {
          id: 'goal-1',
          text: 'Noor weet bij wie ze terecht kan',
          progress: 'begonnen',
          citations: [cite('nodig-parent'), cite('nodig-begel')],
        },
      ],
    })
    expect(ok.status).toBe(200)
    const screen = (await sanne.get(base)).body as ActieplanOut
    expect(screen.goals[0]!.citations.map((c) => [c.item.id, c.forParent])).toEqual([
      ['nodig-parent', true],
      ['nodig-begel', false],
    ])
    const sheet = await sanne.get(`${base}/print`)
    expect(sheet.status).toBe(200)
    const sheetText = JSON.stringify(sheet.body)
    expect(sheetText).toContain(g.words.parent)
    expect(sheetText).not.toContain(g.words.begeleider)
    expect(sheetText).not.toContain(g.words.secret)
    expect((sheet.body as ActieplanOut).suggestions).toEqual([])

    // The child changes its mind later: the citation disappears from the screen and the sheet.
    await g.send({ type: 'share.set', itemIds: ['nodig-parent'], level: 'alleen-ik' })
    const after = (await sanne.get(base)).body as ActieplanOut
    expect(after.goals[0]!.citations.map((c) => c.item.id)).toEqual(['nodig-begel'])
    expect(after.goals[0]!.text).toBe('Noor weet bij wie ze terecht kan')
    const sheetAfter = JSON.stringify((await sanne.get(`${base}/print`)).body)
    expect(sheetAfter).not.toContain(g.words.parent)
    expect(JSON.stringify(after)).not.toContain(g.words.parent)

    // Another team's begeleider: the child does not exist for them.
    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(base)).status).toBe(404)
    expect((await joris.request('PUT', base, { goals: [] })).status).toBe(404)
    // Bad input is a code, never a crash.
    expect((await sanne.request('PUT', base, { goals: 'x' })).body).toEqual({ error: 'invalid_payload' })
  })

  it('veiligheidsplan: drafted from nodig and the flags; the child version reaches only the child', async () => {
    const { server, sanne } = await startSeeded()
    const g = await stoplichtWithAnswers(server, sanne)
    await sanne.request('PUT', `/api/parents/children/${g.childId}`, {
      present: 'mama',
      other: {},
      flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
    })
    const base = `/api/plans/children/${g.childId}/veiligheidsplan`
    const draft = (await sanne.get(base)).body as VeiligheidsplanOut
    expect(draft.draft.answers.map((a) => a.item.id).sort()).toEqual(['nodig-begel', 'nodig-parent'])
    expect(draft.draft.flags).toEqual([{ person: 'Papa', flags: ['geheim-adres'], from: 'begeleider' }])
    expect(JSON.stringify(draft)).not.toContain(g.words.secret)

    const plan = {
      worries: ['Papa mag niet weten waar Noor woont'],
      mustHappen: ['Het adres blijft geheim'],
      whoDoesWhat: [{ who: 'Mama', what: 'Haalt Noor op van school' }],
      citations: [
        { gesprekId: g.gesprekId, itemId: 'nodig-parent' },
        { gesprekId: g.gesprekId, itemId: 'nodig-begel' },
      ],
      childVersion: [{ picture: 'home', text: 'Je woont hier veilig.' }],
      agreements: [
        { who: 'ouder', on: '2026-11-20' },
        { who: 'kind', on: '2026-11-20' },
        { who: 'begeleider', on: '2026-11-20' },
      ],
    }
    const refused = await sanne.request('PUT', base, {
      ...plan,
      citations: [{ gesprekId: g.gesprekId, itemId: 'nodig-secret' }],
    })
    expect(refused.body).toEqual({ error: 'citation_not_shared' })
    expect((await sanne.request('PUT', base, plan)).status).toBe(200)
    const sheet = JSON.stringify((await sanne.get(`${base}/print`)).body)
    expect(sheet).toContain(g.words.parent)
    expect(sheet).not.toContain(g.words.begeleider)
    expect(sheet).not.toContain(g.words.secret)

    // The child's own screen gets the child version: pictures, sentences, who agreed; no answers.
    const mine = await new HttpUser(server.url, g.token).get('/api/plans/mine/veiligheidsplan')
    expect(mine.status).toBe(200)
    const child = mine.body as ChildPlanOut
    expect(child.lines).toEqual(plan.childVersion)
    expect(child.agreements).toHaveLength(3)
    expect(JSON.stringify(child)).not.toContain(g.words.parent)
    expect(JSON.stringify(child)).not.toContain('Papa')

    // A begeleider's session, no session, another child's screen: nothing.
    expect((await sanne.get('/api/plans/mine/veiligheidsplan')).status).toBe(401)
    expect((await new HttpUser(server.url).get('/api/plans/mine/veiligheidsplan')).status).toBe(401)
    const other = await startGesprek(server.url, sanne, { nickname: 'Kim', toolId: 'stoplicht' })
    const others = (await new HttpUser(server.url, other.token).get<ChildPlanOut>('/api/plans/mine/veiligheidsplan'))
      .body
    expect(others).toEqual({ lines: [], agreements: [], updatedAt: null })

    // A second screen that nobody approved gets nothing either (ADR 0010).
    const code = await sanne.post<JoinCodeOut>(`/api/gesprekken/${g.gesprekId}/join-code`)
    const second = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: code.body.code })
    expect(second.body.trusted).toBe(false)
    expect((await new HttpUser(server.url, second.body.token).get('/api/plans/mine/veiligheidsplan')).status).toBe(404)
  })

  it('evaluation: progress per goal, the begeleider scale beside the child’s own, trends over time', async () => {
    const { server, sanne } = await startSeeded()
    const g = await stoplichtWithAnswers(server, sanne)
    const plans = `/api/plans/children/${g.childId}`
    await sanne.request('PUT', `${plans}/actieplan`, {
      goals: [
        { id: 'goal-1', text: 'Noor gaat weer naar school' },
        { id: 'goal-2', text: 'Mama en Noor praten elke avond even' },
      ],
    })
    const evaluation = (heldOn: string, scale: number, progress: string) => ({
      heldOn,
      withParent: true,
      withChild: true,
      goals: [
        { goalId: 'goal-1', progress },
        { goalId: 'goal-2', progress: 'begonnen', note: 'Lukt bijna elke avond' },
      ],
      sos: { worries: 'Onrustige nachten', mustHappen: 'Vaste bedtijd', scale },
      goedGenoeg: { veilig: 'ja', rust: 'deels' },
    })
    expect((await sanne.post(`${plans}/evaluations`, evaluation('2026-10-01', 4, 'begonnen'))).status).toBe(201)
    expect((await sanne.post(`${plans}/evaluations`, evaluation('2026-11-12', 7, 'bereikt'))).status).toBe(201)
    // Unknown goal, future date, scale out of range: codes.
    const bad = [
      { ...evaluation('2026-11-12', 7, 'bereikt'), goals: [{ goalId: 'goal-9', progress: 'bereikt' }] },
      evaluation('2030-01-01', 7, 'bereikt'),
      evaluation('2026-11-12', 11, 'bereikt'),
    ]
    for (const b of bad)
      expect((await sanne.post(`${plans}/evaluations`, b)).body).toEqual({ error: 'invalid_payload' })

    const out = (await sanne.get(`${plans}/evaluations`)).body as EvaluationsOut
    expect(out.evaluations.map((e) => [e.heldOn, e.sos.scale])).toEqual([
      ['2026-10-01', 4],
      ['2026-11-12', 7],
    ])
    expect(out.evaluations[1]!.goals[0]).toMatchObject({ goalId: 'goal-1', text: 'Noor gaat weer naar school' })
    // The child's own ladder, as shared with the begeleider, beside the assessment.
    expect(out.childScale.map((s) => s.value)).toEqual([6])
    // The progress of the last evaluation is now the plan's.
    const plan = (await sanne.get(`${plans}/actieplan`)).body as ActieplanOut
    expect(plan.goals.map((x) => x.progress)).toEqual(['bereikt', 'begonnen'])
    // The date counts for the cadence.
    const card = (await sanne.get<CaseloadChild>(`/api/workspace/children/${g.childId}`)).body
    expect(card.cadence.evaluatie.lastAt).toContain('2026-11-12')

    // The child keeps the ladder to themself: it leaves the evaluation page too.
    await g.send({ type: 'share.set', itemIds: ['ladder-0001'], level: 'alleen-ik' })
    expect(((await sanne.get(`${plans}/evaluations`)).body as EvaluationsOut).childScale).toEqual([])
  })
})

describe('the jongere in the kamer', () => {
  it('the shared safety module drafts the plan; the kamer gets the child version', async () => {
    const { server, sanne } = await startSeeded()
    const childId = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '16-18' }))
      .body.id
    const p = await sessionPrincipal(server.deps, sanne.cookie.split('=')[1])
    const { code } = await createKamerInvite(server.deps, p!, { id: childId, age_band: '16-18' })
    const { token } = await setupKamer(server.deps, code, 'de kamer van sam', 'een lange zin van sam')
    const made = await new HttpUser(server.url, token).post<{ gesprek?: { id: string }; id?: string }>(
      '/api/kamer/gesprekken',
      { toolId: 'mijn-kamer' },
    )
    const gesprekId = (made.body.gesprek?.id ?? made.body.id) as string
    const jongere = open(server.url, { token })
    await connected(jongere)
    const send = async (event: unknown) => {
      const ack = await emitAck(jongere, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
    }
    const PRIVATE = `KAMER-PRIVE-${randomUUID().slice(0, 8)}`
    await send({ type: 'nav.next' })
    await send({
      type: 'item.add',
      item: { id: 'kamer-nodig-1', text: 'Een vaste plek om te slapen', prompt: 'veiligheid.nodig' },
    })
    await send({ type: 'item.add', item: { id: 'kamer-zorg-01', text: PRIVATE, prompt: 'veiligheid.zorgen' } })
    await send({ type: 'item.add', item: { id: 'kamer-schaal1', scale: 3, prompt: 'veiligheid.schaal' } })
    // In the kamer everything starts at alleen-ik; the jongere shares two of the three.
    await send({ type: 'share.set', itemIds: ['kamer-nodig-1', 'kamer-schaal1'], level: 'begeleider' })

    const plans = `/api/plans/children/${childId}`
    const draft = (await sanne.get(`${plans}/veiligheidsplan`)).body as VeiligheidsplanOut
    expect(draft.draft.answers.map((a) => a.item.id).sort()).toEqual(['kamer-nodig-1', 'kamer-schaal1'])
    expect(JSON.stringify(draft)).not.toContain(PRIVATE)
    expect(((await sanne.get(`${plans}/evaluations`)).body as EvaluationsOut).childScale.map((s) => s.value)).toEqual([
      3,
    ])

    const lines = [{ picture: 'bed', text: 'Je hebt een vaste plek om te slapen.' }]
    const body = { worries: [], mustHappen: [], whoDoesWhat: [], citations: [], childVersion: lines, agreements: [] }
    expect((await sanne.request('PUT', `${plans}/veiligheidsplan`, body)).status).toBe(200)
    const mine = await new HttpUser(server.url, token).get('/api/plans/mine/veiligheidsplan')
    expect((mine.body as ChildPlanOut).lines).toEqual(lines)
  })
})
