import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import type { FamilyPrepOut, MethodOut } from '../../dialogs/contract/method'
import type { CaseloadChild, OudergesprekOut } from '../../dialogs/contract/workspace'
import { connected, emitAck, fakeClock, HttpUser, msgId, type TestServer, type TestSocket } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const DAY = 24 * 60 * 60_000
const { startSeeded, open } = useServers()
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

async function send(socket: TestSocket, gesprekId: string, event: unknown) {
  const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  expect(ack, JSON.stringify(event)).toMatchObject({ ok: true })
}

/** A Drie huizen gesprek in which the child says `answers` and sets each to its level. */
async function gesprekWith(
  server: TestServer,
  user: HttpUser,
  childId: string,
  answers: [id: string, text: string, level: string][],
  toolId = 'drie-huizen',
) {
  const g = await user.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
  expect(g.status).toBe(201)
  const gesprekId = g.body.gesprek.id
  const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
  const kind = open(server.url, { token: joined.body.token })
  await connected(kind)
  await send(kind, gesprekId, { type: 'nav.next' })
  for (const [id, text, level] of answers) {
    if (toolId !== 'drie-huizen') break
    await send(kind, gesprekId, { type: 'item.add', item: { id, text } })
    if (level !== 'begeleider') await send(kind, gesprekId, { type: 'share.set', itemIds: [id], level })
  }
  kind.disconnect()
  return gesprekId
}

const method = async (u: HttpUser, id: string) => (await u.get(`/api/method/children/${id}`)).body as MethodOut
const emptyConsent = { present: {}, other: {}, jongere: {}, told: {} }

describe('consent records: each parent with gezag, the 12+ conversation, what a younger child is told', () => {
  it('records consent per parent, keeps the other parent’s gezag in the parents record, and never blocks a gesprek', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock() })
    const mo = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })).body.id

    // Nothing recorded yet: the status says so, and a gesprek still starts.
    expect((await method(sanne, mo)).consent).toMatchObject({ status: 'open', twelvePlus: false, recordedAt: null })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: mo, toolId: 'drie-huizen' })
    expect(g.status).toBe(201)
    // The child's own screen hears nothing of consent: the join answer and the child's view carry none.
    const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    expect(JSON.stringify(joined.body)).not.toMatch(/consent|toestemming|gezag/i)

    await sanne.request('PUT', `/api/parents/children/${mo}`, { present: 'mama', other: {}, flags: [] })
    await sanne.post(`/api/workspace/children/${mo}/other-parent`, {
      text: 'Papa krijgt een maandelijkse brief via de advocaat.',
      agreedOn: '2026-11-20',
    })
    const put = await sanne.request('PUT', `/api/method/children/${mo}/consent`, {
      present: { gezag: 'ja', decision: 'gegeven', on: '2026-11-21', explained: true },
      other: { gezag: 'ja', decision: 'open', on: null, explained: false },
      jongere: {},
      told: { on: '2026-11-21', who: ['school', 'jgz'], what: 'hoe het op school gaat' },
    })
    expect(put.status).toBe(200)
    const c = (put.body as MethodOut).consent
    // The father has gezag and has not been asked yet: not complete (fathers included [004:100-102]).
    expect(c.status).toBe('open')
    expect(c.parents).toEqual({
      present: 'mama',
      otherInformed: { text: 'Papa krijgt een maandelijkse brief via de advocaat.', agreedOn: '2026-11-20' },
    })
    expect(c.told.who).toEqual(['school', 'jgz'])
    expect(c.recordedBy).toBe('Sanne')
    // One home for the other parent's gezag: the parents record has it now.
    expect((await sanne.get(`/api/parents/children/${mo}`)).body.other.gezag).toBe('ja')
    // And a change there shows in the consent at once, no second copy to keep in step.
    const parents = (await sanne.get(`/api/parents/children/${mo}`)).body
    await sanne.request('PUT', `/api/parents/children/${mo}`, {
      present: parents.present,
      other: { ...parents.other, gezag: 'nee' },
      flags: parents.flags,
    })
    expect((await method(sanne, mo)).consent).toMatchObject({ status: 'compleet', other: { gezag: 'nee' } })

    // A refusal by a parent with gezag is recorded, never a block.
    await sanne.request('PUT', `/api/method/children/${mo}/consent`, {
      ...emptyConsent,
      present: { gezag: 'ja', decision: 'geweigerd', on: '2026-11-22' },
      other: { gezag: 'nee' },
    })
    expect((await method(sanne, mo)).consent.status).toBe('geweigerd')
    expect((await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: mo, toolId: 'stoplicht' })).status).toBe(201)
  })

  it('a jongere of 12+ consents too; bad bodies get invalid_payload; another team gets nothing', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock() })
    const daan = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Daan', ageBand: '12-15' }))
      .body.id
    const parents = { gezag: 'ja', decision: 'gegeven', on: '2026-11-21', explained: true }
    let out = (
      await sanne.request('PUT', `/api/method/children/${daan}/consent`, {
        ...emptyConsent,
        present: parents,
        other: { gezag: 'nee' },
      })
    ).body as MethodOut
    expect(out.consent).toMatchObject({ twelvePlus: true, status: 'open' })
    out = (
      await sanne.request('PUT', `/api/method/children/${daan}/consent`, {
        ...emptyConsent,
        present: parents,
        other: { gezag: 'nee' },
        jongere: {
          decision: 'gegeven',
          on: '2026-11-21',
          contacts: 'mentor op school',
          conditions: 'eerst zelf met de mentor praten',
          parentsInfo: 'mama hoort de grote lijnen',
        },
      })
    ).body as MethodOut
    expect(out.consent.status).toBe('compleet')
    // The 12+ consent ticks "professionals" on the fase-1 list by itself.
    expect(out.phase.fase1.items.find((i) => i.id === 'professionals')).toMatchObject({ done: true, from: 'consent' })

    for (const bad of [
      { ...emptyConsent, present: { decision: 'misschien' } },
      { ...emptyConsent, told: { who: ['buurvrouw'] } },
      { ...emptyConsent, extra: 1 },
      'geen json',
    ]) {
      const r = await sanne.request('PUT', `/api/method/children/${daan}/consent`, bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.body).toEqual({ error: 'invalid_payload' })
    }

    const joris = await HttpUser.login(server.url, 'joris')
    const adminB = await HttpUser.login(server.url, 'admin-b')
    for (const other of [joris, adminB]) {
      for (const [m, path, b] of [
        ['GET', `/api/method/children/${daan}`, undefined],
        ['PUT', `/api/method/children/${daan}/consent`, emptyConsent],
        ['POST', `/api/method/children/${daan}/oudergesprekken`, { heldOn: '2026-11-21' }],
        ['POST', `/api/method/children/${daan}/samen`, { heldOn: '2026-11-21' }],
        ['PUT', `/api/method/children/${daan}/fase1`, { ticks: ['sdq'] }],
        ['PUT', `/api/method/children/${daan}/overdracht`, { to: 'Jeugdteam', on: '2026-11-21' }],
      ] as const) {
        const r = await other.request(m, path, b)
        expect(r.status, `${m} ${path}`).toBe(404)
        expect(JSON.stringify(r.body)).not.toMatch(/mentor|Jeugdteam/)
      }
    }
    // Nothing the other team tried was written.
    const after = await method(sanne, daan)
    expect(after.rhythm.oudergesprekken).toEqual([])
    expect(after.phase.overdracht).toBeNull()
    expect(after.consent.jongere.contacts).toBe('mentor op school')
  })
})

describe('the weekly rhythm: oudergesprek, the joint conversation, the preparation period', () => {
  it('an oudergesprek is due every week, a joint conversation after each kind-gesprek', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const id = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' })).body
      .id
    const card = async () =>
      (await (await HttpUser.login(server.url, 'sanne')).get(`/api/workspace/children/${id}`)).body as CaseloadChild
    expect((await card()).cadence.oudergesprek.status).toBe('ok')
    clock.advance(5 * DAY)
    expect((await card()).cadence.oudergesprek.status).toBe('due')
    clock.advance(3 * DAY)
    expect((await card()).cadence.oudergesprek.status).toBe('overdue')
    let u = await HttpUser.login(server.url, 'sanne')
    const held = await u.post(`/api/method/children/${id}/oudergesprekken`, { heldOn: dayOf(clock.now()) })
    expect(held.status).toBe(201)
    expect((held.body as MethodOut).rhythm.oudergesprek.status).toBe('ok')
    expect((await card()).cadence.oudergesprek).toMatchObject({
      status: 'ok',
      lastAt: `${dayOf(clock.now())}T12:00:00.000Z`,
    })
    expect((await u.post(`/api/method/children/${id}/oudergesprekken`, { heldOn: '2099-01-01' })).status).toBe(400)

    // A guided kind-gesprek: its joint conversation with the parent is now pending.
    expect((await method(u, id)).rhythm.samen.pending).toBe(false)
    const gesprekId = await gesprekWith(server, u, id, [])
    u = await HttpUser.login(server.url, 'sanne')
    expect((await method(u, id)).rhythm.samen).toMatchObject({ pending: true, lastGesprekId: gesprekId })
    // A joint conversation can only follow a gesprek of this child.
    const other = (await u.post<CaseloadChild>('/api/workspace/children', { nickname: 'Ilse', ageBand: '8-12' })).body
      .id
    const otherGesprek = await gesprekWith(server, u, other, [])
    const wrong = await u.post(`/api/method/children/${id}/samen`, {
      heldOn: dayOf(clock.now()),
      gesprekId: otherGesprek,
    })
    expect(wrong.status).toBe(404)
    const samen = await u.post(`/api/method/children/${id}/samen`, { heldOn: dayOf(clock.now()), gesprekId })
    expect(samen.status).toBe(201)
    expect((samen.body as MethodOut).rhythm.samen.pending).toBe(false)
    expect((samen.body as MethodOut).rhythm.samenRecords[0]).toMatchObject({ gesprekId, recordedBy: 'Sanne' })
  })

  it('the preparation’s default period is since the last oudergesprek, not since the last evaluation', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const id = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' })).body
      .id
    let u = sanne
    await gesprekWith(server, u, id, [['item-oud-00001', 'van lang geleden', 'zelf-vertellen']])
    clock.advance(10 * DAY)
    u = await HttpUser.login(server.url, 'sanne')
    // An evaluation today must not move the period; an oudergesprek must.
    await u.post(`/api/workspace/children/${id}/evaluations`, { heldOn: dayOf(clock.now()) })
    const prep = async () =>
      (await u.get(`/api/workspace/children/${id}/oudergesprek?since=auto`)).body as OudergesprekOut
    // No oudergesprek yet: the last two weeks, so the ten-day-old answer is still in.
    expect((await prep()).since).toBe(`${dayOf(clock.now() - 14 * DAY)}T00:00:00.000Z`)
    expect((await prep()).zelfVertellen.map((p) => p.item.text)).toEqual(['van lang geleden'])

    await u.post(`/api/method/children/${id}/oudergesprekken`, { heldOn: dayOf(clock.now() - 2 * DAY) })
    clock.advance(1 * DAY)
    u = await HttpUser.login(server.url, 'sanne')
    await gesprekWith(server, u, id, [['item-nieuw-0001', 'sinds het oudergesprek', 'begeleider-vertelt']])
    const p = await prep()
    expect(p.since).toBe(`${dayOf(clock.now() - 3 * DAY)}T00:00:00.000Z`)
    expect(p.zelfVertellen).toEqual([])
    expect(p.begeleiderVertelt.map((i) => i.item.text)).toEqual(['sinds het oudergesprek'])
    // Without `since` every gesprek is in, as before; a bad value is a clear error.
    expect((await u.get(`/api/workspace/children/${id}/oudergesprek`)).body.zelfVertellen).toHaveLength(1)
    expect((await u.get(`/api/workspace/children/${id}/oudergesprek?since=gisteren`)).status).toBe(400)
  })
})

describe('phases that do something', () => {
  it('fase 1: six weeks at most, a checklist prefilled from what is recorded; fase 3: the warm handover', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const id = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '8-12', phase: 1 })
    ).body.id
    let m = await method(sanne, id)
    expect(m.phase.fase1.items.map((i) => [i.id, i.done])).toEqual([
      ['intake', false],
      ['veiligheid', false],
      ['sdq', false],
      ['netwerk', false],
      ['professionals', false],
      ['actieplan', false],
    ])
    expect(m.phase.fase1.limit.status).toBe('ok')
    expect(m.phase.living).toBe('residentieel')
    // A Mijn netwerk gesprek ticks "netwerk"; telling the child who is approached ticks "professionals".
    await gesprekWith(server, sanne, id, [], 'mijn-netwerk')
    await sanne.request('PUT', `/api/method/children/${id}/consent`, {
      ...emptyConsent,
      told: { on: dayOf(clock.now()), who: ['school'] },
    })
    const ticked = await sanne.request('PUT', `/api/method/children/${id}/fase1`, { ticks: ['sdq', 'netwerk'] })
    expect(ticked.status).toBe(200)
    m = ticked.body as MethodOut
    expect(m.phase.fase1.items.filter((i) => i.done).map((i) => [i.id, i.from])).toEqual([
      ['sdq', null],
      ['netwerk', 'tool'],
      ['professionals', 'told'],
    ])
    expect((await sanne.request('PUT', `/api/method/children/${id}/fase1`, { ticks: ['koffie'] })).status).toBe(400)
    // An actieplan with a goal, written in the plans, ticks "actieplan" by itself.
    const plan = await sanne.request('PUT', `/api/plans/children/${id}/actieplan`, {
      goals: [{ id: 'goal-1', text: 'Lot slaapt rustig', citations: [] }],
    })
    expect(plan.status).toBe(200)
    expect((await method(sanne, id)).phase.fase1.items.find((i) => i.id === 'actieplan')).toMatchObject({
      done: true,
      from: 'plan',
    })

    clock.advance(36 * DAY)
    let u = await HttpUser.login(server.url, 'sanne')
    expect((await method(u, id)).phase.fase1.limit.status).toBe('due')
    clock.advance(7 * DAY)
    u = await HttpUser.login(server.url, 'sanne')
    expect((await method(u, id)).phase.fase1.limit.status).toBe('overdue')
    // The caseload row carries the same reminder.
    expect(((await u.get(`/api/workspace/children/${id}`)).body as CaseloadChild).cadence.fase1.status).toBe('overdue')
    // In fase 2 the six weeks no longer remind.
    await u.request('PUT', `/api/workspace/children/${id}`, { phase: 2 })
    expect((await method(u, id)).phase.fase1.limit.status).toBe('ok')
    expect(((await u.get(`/api/workspace/children/${id}`)).body as CaseloadChild).cadence.fase1.status).toBe('ok')

    await u.request('PUT', `/api/workspace/children/${id}`, { phase: 3 })
    const over = await u.request('PUT', `/api/method/children/${id}/overdracht`, {
      to: 'Jeugdteam Noord, Karin',
      on: dayOf(clock.now() + 7 * DAY),
      toldChild: 'Karin komt volgende week kennismaken, samen met mij.',
    })
    expect(over.status).toBe(200)
    expect((over.body as MethodOut).phase).toMatchObject({
      phase: 3,
      overdracht: { to: 'Jeugdteam Noord, Karin', recordedBy: 'Sanne' },
    })
    expect(
      (await u.request('PUT', `/api/method/children/${id}/overdracht`, { to: '', on: dayOf(clock.now()) })).status,
    ).toBe(400)
  })
})

describe('the family: one preparation for siblings, each child’s deelafspraak kept apart', () => {
  it('never mixes one child’s items into another’s, never a private item, never an item for the other parent', async () => {
    const clock = fakeClock()
    const { server, sanne, ids } = await startSeeded({ clock })
    const moCard = (
      await sanne.post<CaseloadChild>('/api/workspace/children', {
        nickname: 'Mo',
        ageBand: '8-12',
        newFamily: 'Gezin Z.',
      })
    ).body
    const familyId = moCard.familyId!
    const mo = moCard.id
    const pip = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Pip', ageBand: '4-7', familyId })
    ).body.id
    const lin = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lin', ageBand: '8-12', familyId })
    ).body.id
    const sep = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sep', ageBand: '8-12', familyId })
    ).body.id
    // Mo and Pip are here with mama; for Lin the oudergesprek is with papa, so mama is Lin's other parent.
    for (const [child, present] of [
      [mo, 'mama'],
      [pip, 'mama'],
      [lin, 'papa'],
    ] as const)
      await sanne.request('PUT', `/api/parents/children/${child}`, { present, other: {}, flags: [] })

    const moG = await gesprekWith(server, sanne, mo, [
      ['mo-zelf-00001', 'MO-zelf voetbal', 'zelf-vertellen'],
      ['mo-jij-000001', 'MO-jij bang in de nacht', 'begeleider-vertelt'],
      ['mo-priv-00001', 'MO-PRIVATE geheim', 'alleen-ik'],
      ['mo-beg-000001', 'MO-BEGELEIDER alleen sanne', 'begeleider'],
    ])
    const pipG = await gesprekWith(server, sanne, pip, [
      ['pip-zelf-0001', 'PIP-zelf tekenen', 'zelf-vertellen'],
      ['pip-priv-0001', 'PIP-PRIVATE knuffel', 'alleen-ik'],
    ])
    await gesprekWith(server, sanne, lin, [['lin-jij-00001', 'LIN-voor-papa', 'begeleider-vertelt']])
    await gesprekWith(server, sanne, sep, [['sep-zelf-0001', 'SEP-zelf', 'zelf-vertellen']])
    // A sibling who moved to another team is not this team's to read.
    const adminA = await HttpUser.login(server.url, 'admin-a')
    const moved = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Ruby', ageBand: '8-12', familyId })
    ).body.id
    await gesprekWith(server, sanne, moved, [['ruby-zelf-001', 'RUBY-ander-team', 'zelf-vertellen']])
    expect(
      (await adminA.post(`/api/beheer/children/${moved}/move`, { teamId: ids.a2Team, begeleiderId: ids.a2 })).status,
    ).toBe(200)

    const res = await sanne.get(`/api/method/families/${familyId}/oudergesprek`)
    expect(res.status).toBe(200)
    const prep = res.body as FamilyPrepOut
    expect(prep.with).toBe('mama')
    const text = JSON.stringify(prep)
    for (const never of ['PRIVATE', 'BEGELEIDER', 'LIN-voor-papa', 'SEP-zelf', 'RUBY'])
      expect(text).not.toContain(never)
    expect(prep.children.map((c) => [c.child.nickname, c.included, c.leftOut])).toEqual([
      ['Lin', false, 'andere-ouder'],
      ['Mo', true, null],
      ['Pip', true, null],
      ['Sep', false, 'ouder-onbekend'],
    ])
    const of = (name: string) => prep.children.find((c) => c.child.nickname === name)!
    const all = (c: FamilyPrepOut['children'][number]) => [...c.zelfVertellen, ...c.begeleiderVertelt, ...c.observatie]
    expect(of('Mo').zelfVertellen.map((i) => i.item.text)).toEqual(['MO-zelf voetbal'])
    expect(of('Mo').begeleiderVertelt.map((i) => i.item.text)).toEqual(['MO-jij bang in de nacht'])
    expect(of('Pip').zelfVertellen.map((i) => i.item.text)).toEqual(['PIP-zelf tekenen'])
    // Each item sits under the child whose gesprek it came from, and nowhere else.
    expect(new Set(all(of('Mo')).map((i) => i.gesprekId))).toEqual(new Set([moG]))
    expect(new Set(all(of('Pip')).map((i) => i.gesprekId))).toEqual(new Set([pipG]))
    expect(all(of('Lin'))).toEqual([])

    // The same family's talk with papa: only Lin, whose oudergesprek is with papa.
    const papa = (await sanne.get(`/api/method/families/${familyId}/oudergesprek?with=papa`)).body as FamilyPrepOut
    expect(papa.children.filter((c) => c.included).map((c) => c.child.nickname)).toEqual(['Lin'])
    expect(JSON.stringify(papa)).not.toMatch(/MO-|PIP-|SEP-/)
    expect((await sanne.get(`/api/method/families/${familyId}/oudergesprek?with=oma`)).status).toBe(400)

    // Recording the family's talk is one tap: an oudergesprek for each sibling it was about, and only those.
    const rec = await sanne.post(`/api/method/families/${familyId}/oudergesprekken`, { heldOn: dayOf(clock.now()) })
    expect(rec.body).toEqual({ recorded: 2 })
    expect((await method(sanne, mo)).rhythm.oudergesprekken).toHaveLength(1)
    expect((await method(sanne, lin)).rhythm.oudergesprekken).toHaveLength(0)
    // since=auto now starts at today's talk: the earlier answers drop out of the next preparation.
    const next = (await sanne.get(`/api/method/families/${familyId}/oudergesprek?since=auto`)).body as FamilyPrepOut
    expect(next.since).toBe(`${dayOf(clock.now())}T00:00:00.000Z`)

    // Another team: the family does not exist for them (they only see their own moved child's family).
    const joris = await HttpUser.login(server.url, 'joris')
    const theirs = (await joris.get(`/api/method/families/${familyId}/oudergesprek`)).body as FamilyPrepOut
    expect(theirs.children.map((c) => c.child.nickname)).toEqual(['Ruby'])
    expect(JSON.stringify(theirs)).not.toMatch(/MO-|PIP-|LIN-|SEP-/)
    const adminB = await HttpUser.login(server.url, 'admin-b')
    expect((await adminB.get(`/api/method/families/${familyId}/oudergesprek`)).status).toBe(404)
    expect(
      (await adminB.post(`/api/method/families/${familyId}/oudergesprekken`, { heldOn: '2026-11-22' })).status,
    ).toBe(404)
  })
})
