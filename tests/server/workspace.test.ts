import type { NewGesprekOut } from '../../dialogs/contract/http'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GesprekView } from '../../dialogs/contract/view'
import type { Person } from '../../dialogs/framework/items'
import type { CaseloadChild, HistoryOut, OudergesprekOut } from '../../dialogs/contract/workspace'
import { cadenceItem } from '../../server/workspace/cadence'
import { buildHistory } from '../../server/workspace/history'
import {
  connected,
  dataOf,
  emitAck,
  fakeClock,
  HttpUser,
  msgId,
  startGesprek,
  storedText,
  type TestSocket,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const DAY = 24 * 60 * 60_000
const { startSeeded, open } = useServers()

async function setup(clock = fakeClock()) {
  return { ...(await startSeeded({ clock })), clock }
}

async function send(socket: TestSocket, gesprekId: string, event: unknown) {
  const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  expect(ack, JSON.stringify(event)).toMatchObject({ ok: true })
}

describe('cadence: gentle reminders on a moving clock', () => {
  it('a kind-gesprek every two weeks and an evaluation every six, due before and overdue after', async () => {
    const { server, sanne, clock } = await setup()
    const made = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Noor',
      ageBand: '8-12',
      phase: 1,
    })
    expect(made.status).toBe(201)
    const id = made.body.id
    // Moving the clock by days ends sessions (idle timeout): each look is a fresh login, like a new day.
    const card = async () =>
      (await (await HttpUser.login(server.url, 'sanne')).get(`/api/workspace/children/${id}`)).body as CaseloadChild
    expect((await card()).cadence.gesprek.status).toBe('ok')
    clock.advance(10 * DAY)
    expect((await card()).cadence.gesprek.status).toBe('ok')
    clock.advance(1 * DAY) // three days before the two weeks are up
    expect((await card()).cadence.gesprek.status).toBe('due')
    clock.advance(4 * DAY) // day 15
    const late = await card()
    expect(late.cadence.gesprek.status).toBe('overdue')
    // Never blocking: an overdue child's gesprek starts like any other, and resets the reminder.
    const g = await (
      await HttpUser.login(server.url, 'sanne')
    ).post<NewGesprekOut>('/api/gesprekken', { childId: id, toolId: 'drie-huizen' })
    expect(g.status).toBe(201)
    expect((await card()).cadence.gesprek).toMatchObject({ status: 'ok', lastAt: new Date(clock.now()).toISOString() })

    expect((await card()).cadence.evaluatie.status).toBe('ok')
    clock.advance(20 * DAY) // day 35 since intake
    expect((await card()).cadence.evaluatie.status).toBe('due')
    clock.advance(8 * DAY) // day 43
    expect((await card()).cadence.evaluatie.status).toBe('overdue')
    const today = new Date(clock.now()).toISOString().slice(0, 10)
    const today_ = await HttpUser.login(server.url, 'sanne')
    const held = await today_.post(`/api/workspace/children/${id}/evaluations`, { heldOn: today })
    expect(held.status).toBe(201)
    expect((held.body as CaseloadChild).cadence.evaluatie.status).toBe('ok')
    // A date in the future is a typo, not an evaluation.
    const future = await today_.post(`/api/workspace/children/${id}/evaluations`, { heldOn: '2099-01-01' })
    expect(future.status).toBe(400)
  })

  it('pure rule at the edges', () => {
    const start = '2026-01-01T00:00:00.000Z'
    const t0 = Date.parse(start)
    expect(cadenceItem('gesprek', t0 + 11 * DAY - 1, null, start).status).toBe('ok')
    expect(cadenceItem('gesprek', t0 + 11 * DAY, null, start).status).toBe('due')
    expect(cadenceItem('gesprek', t0 + 14 * DAY, null, start).status).toBe('due')
    expect(cadenceItem('gesprek', t0 + 14 * DAY + 1, null, start).status).toBe('overdue')
    expect(cadenceItem('evaluatie', t0 + 35 * DAY, null, start).status).toBe('due')
    expect(cadenceItem('evaluatie', t0 + 34 * DAY, null, start).status).toBe('ok')
  })
})

describe('caseload: families, phase and living situation', () => {
  it('groups siblings together and edits a child in place', async () => {
    const { sanne } = await setup()
    const a = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Mo',
      ageBand: '8-12',
      living: 'ambulant',
      newFamily: 'Gezin Z',
    })
    const b = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Ilse',
      ageBand: '0-4',
      familyId: a.body.familyId,
    })
    await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Daan', ageBand: '12-15' })
    expect(b.status).toBe(201)
    const list = await sanne.get('/api/workspace/caseload')
    const fam = list.body.families.find((f: { label: string | null }) => f.label === 'Gezin Z')
    expect(fam.children.map((c: CaseloadChild) => c.nickname)).toEqual(['Ilse', 'Mo'])
    expect(fam.children.find((c: CaseloadChild) => c.nickname === 'Mo').living).toBe('ambulant')
    const edited = await sanne.request('PUT', `/api/workspace/children/${b.body.id}`, { phase: 3, ageBand: '4-7' })
    expect(edited.body).toMatchObject({ phase: 3, ageBand: '4-7', familyId: a.body.familyId })
    expect((await sanne.request('PUT', `/api/workspace/children/${b.body.id}`, { phase: 4 })).status).toBe(400)
    expect((await sanne.request('PUT', `/api/workspace/children/${b.body.id}`, {})).status).toBe(400)
  })
})

describe('accounts: logout everywhere, deactivation, reset, warm handover', () => {
  it('logout everywhere ends every session and closes live sockets', async () => {
    const { server, sanne } = await setup()
    const laptop2 = await HttpUser.login(server.url, 'sanne')
    const { gesprekId } = await startGesprek(server.url, sanne)
    const live = open(server.url, { cookie: laptop2.cookie })
    await connected(live)
    expect((await emitAck(live, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const ended = new Promise((resolve) => live.on('session:ended', resolve))
    expect((await sanne.post('/api/auth/logout-everywhere')).status).toBe(200)
    expect(await ended).toEqual({ reason: 'logout' })
    expect((await laptop2.get('/api/auth/me')).status).toBe(401)
    expect((await sanne.get('/api/auth/me')).status).toBe(401)
  })

  it('deactivating an account ends its sessions and sockets; it cannot log in until reactivated', async () => {
    const { server, ids } = await setup()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const joris = await HttpUser.login(server.url, 'joris')
    const s = open(server.url, { cookie: joris.cookie })
    await connected(s)
    const ended = new Promise((resolve) => s.on('session:ended', resolve))
    expect((await admin.post(`/api/beheer/begeleiders/${ids.a2}/deactivate`)).status).toBe(200)
    expect(await ended).toEqual({ reason: 'locked' })
    expect((await joris.get('/api/auth/me')).status).toBe(401)
    await expect(HttpUser.login(server.url, 'joris')).rejects.toThrow()
    // An admin cannot lock themself out.
    expect((await admin.post(`/api/beheer/begeleiders/${ids.a.begeleiderId}/deactivate`)).status).toBe(400)
    expect((await admin.post(`/api/beheer/begeleiders/${ids.a2}/activate`)).status).toBe(200)
    await HttpUser.login(server.url, 'joris')
  })

  it('a password reset ends old sessions; short passwords and taken usernames get their own codes', async () => {
    const { server, ids } = await setup()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const joris = await HttpUser.login(server.url, 'joris')
    const short = await admin.post(`/api/beheer/begeleiders/${ids.a2}/password`, { password: 'kort' })
    expect(short.body).toEqual({ error: 'password_too_short' })
    expect(
      (await admin.post(`/api/beheer/begeleiders/${ids.a2}/password`, { password: 'nieuw wachtwoord 1' })).status,
    ).toBe(200)
    expect((await joris.get('/api/auth/me')).status).toBe(401)
    await HttpUser.login(server.url, 'joris', 'nieuw wachtwoord 1')
    const taken = await admin.post('/api/beheer/begeleiders', {
      teamId: ids.a2Team,
      username: 'Joris',
      displayName: 'Joris 2',
      password: 'a long enough password',
    })
    expect(taken.body).toEqual({ error: 'username_taken' })
  })

  it('moves a child to another team and begeleider, logged, with its gesprekken', async () => {
    const { server, ids, sanne } = await setup()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const joris = await HttpUser.login(server.url, 'joris')
    const { childId, gesprekId } = await startGesprek(server.url, sanne)
    // The receiver must belong to the team named.
    const wrong = await admin.post(`/api/beheer/children/${childId}/move`, {
      teamId: ids.a.teamId,
      begeleiderId: ids.a2,
    })
    expect(wrong.status).toBe(400)
    const moved = await admin.post(`/api/beheer/children/${childId}/move`, { teamId: ids.a2Team, begeleiderId: ids.a2 })
    expect(moved.status).toBe(200)
    expect((await sanne.get(`/api/workspace/children/${childId}`)).status).toBe(404)
    expect((await joris.get(`/api/gesprekken/${gesprekId}`)).status).toBe(200)
    const card = (await joris.get(`/api/workspace/children/${childId}`)).body as CaseloadChild
    expect(card).toMatchObject({ begeleider: 'Joris', mine: true })
    const overview = await admin.get('/api/beheer')
    expect(overview.body.handovers[0]).toMatchObject({
      childId,
      fromTeamId: ids.a.teamId,
      toTeamId: ids.a2Team,
      fromBegeleiderId: ids.a1,
      toBegeleiderId: ids.a2,
      byBegeleiderId: ids.a.begeleiderId,
    })
  })
})

describe('the parent who did not come along', () => {
  it('is a sealed, append-only record: readable for the team, never plaintext on disk', async () => {
    const { server, sanne, clock } = await setup()
    const { childId } = await startGesprek(server.url, sanne)
    const canary = `CANARY-other-parent-${Date.now()}`
    const first = await sanne.post(`/api/workspace/children/${childId}/other-parent`, {
      text: `Vader krijgt elke maand een brief via de advocaat ${canary}`,
      agreedOn: '2026-11-01',
    })
    expect(first.status).toBe(201)
    clock.advance(60_000)
    const second = await sanne.post(`/api/workspace/children/${childId}/other-parent`, {
      text: 'Telefonisch, eens per twee weken, na overleg met moeder',
      agreedOn: '2026-11-15',
    })
    expect(second.body.current).toMatchObject({ agreedOn: '2026-11-15', recordedBy: 'Sanne' })
    expect(second.body.earlier[0].text).toContain(canary)
    expect(await storedText(server.deps.db)).not.toContain(canary)
    await server.close()
    for (const f of readdirSync(server.dataDir).filter((n) => n.startsWith('kindgesprek.sqlite')))
      expect(readFileSync(join(server.dataDir, f)).includes(canary), f).toBe(false)
  })
})

describe('history and oudergesprek come only from their projections', () => {
  it('private items never appear; the two lists hold exactly what the child chose; every look is logged', async () => {
    const { server, sanne } = await setup()
    const { childId, gesprekId, token } = await startGesprek(server.url, sanne)
    const kind = open(server.url, { token })
    await connected(kind)
    await send(kind, gesprekId, { type: 'nav.next' })
    const add = (id: string, text: string) => send(kind, gesprekId, { type: 'item.add', item: { id, text } })
    await add('item-goed-0001', 'voetballen met Ali')
    await add('item-goed-0002', `CANARY-private-${gesprekId}`)
    await add('item-goed-0003', 'alleen voor Sanne')
    await send(kind, gesprekId, { type: 'nav.next' })
    await add('item-zorg-0001', 'papa is boos')
    await send(kind, gesprekId, { type: 'nav.next' })
    await add('item-droom-001', 'een hond')
    await send(kind, gesprekId, {
      type: 'share.set',
      itemIds: ['item-goed-0001', 'item-droom-001'],
      level: 'zelf-vertellen',
    })
    await send(kind, gesprekId, { type: 'share.set', itemIds: ['item-zorg-0001'], level: 'begeleider-vertelt' })
    await send(kind, gesprekId, { type: 'share.set', itemIds: ['item-goed-0002'], level: 'alleen-ik' })

    const history = await sanne.get(`/api/workspace/children/${childId}/history`)
    expect(history.status).toBe(200)
    const h = history.body as HistoryOut
    expect(JSON.stringify(h)).not.toContain('CANARY-private')
    expect(h.timeline[0]).toMatchObject({ gesprekId, items: 4 })

    const prep = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    const text = JSON.stringify(prep)
    expect(text).not.toContain('CANARY-private')
    expect(text).not.toContain('alleen voor Sanne') // begeleider-only stays with the begeleider
    expect(prep.zelfVertellen.map((p) => [p.theme, p.item.text])).toEqual([
      ['goed', 'voetballen met Ali'],
      ['dromen', 'een hond'],
    ])
    expect(prep.begeleiderVertelt.map((p) => [p.theme, p.item.text])).toEqual([['zorgen', 'papa is boos']])

    // The child takes one back: it leaves the preparation at once.
    await send(kind, gesprekId, { type: 'share.set', itemIds: ['item-droom-001'], level: 'begeleider' })
    const again = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    expect(again.zelfVertellen.map((p) => p.item.text)).toEqual(['voetballen met Ali'])

    await sanne.request('PUT', `/api/workspace/children/${childId}/oudergesprek/draft`, {
      talkingPoints: 'Begin met wat goed gaat',
      tips: 'Korte zinnen',
    })
    const printed = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek/print`)).body as OudergesprekOut
    expect(printed.draft).toEqual({ talkingPoints: 'Begin met wat goed gaat', tips: 'Korte zinnen' })

    const log = await server.deps.db
      .selectFrom('access_log')
      .select(['what', 'gesprek_id', 'step_ids'])
      .where('child_id', '=', childId)
      .execute()
    const whats = log.map((r) => r.what)
    for (const what of ['history', 'oudergesprek', 'print']) expect(whats, what).toContain(what)
    expect(log.find((r) => r.what === 'print')).toMatchObject({ gesprek_id: gesprekId })
  })

  it('the 0-4 observation summary reaches the oudergesprek; raw observations do not', async () => {
    const { server, sanne } = await setup()
    const made = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Pip', ageBand: '0-4' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: made.body.id, toolId: 'observatie' })
    expect(g.status).toBe(201)
    expect(g.body.join).toBeNull()
    const gesprekId = g.body.gesprek.id
    const beg = open(server.url, { cookie: sanne.cookie })
    await connected(beg)
    let view: GesprekView = dataOf(await emitAck(beg, 'gesprek:join', { gesprekId })).view!
    const stepIds: string[] = []
    // Walk every step; write one raw observation in the first principle and a summary for the parent.
    for (let guard = 0; view.step && guard < 20; guard++) {
      stepIds.push(view.step.id)
      if (view.step.id === 'veiligheid')
        await send(beg, gesprekId, {
          type: 'item.add',
          item: { id: 'obs-raw-0001', text: 'RAW-OBS kijkt vaak om', prompt: 'gezien' },
        })
      if (view.step.id === 'met-ouder')
        await send(beg, gesprekId, {
          type: 'item.add',
          item: { id: 'obs-sum-0001', text: 'Pip zoekt troost bij mama en vindt die', prompt: 'goed-vertellen' },
        })
      await send(beg, gesprekId, { type: 'nav.next' })
      view = dataOf(await emitAck(beg, 'gesprek:join', { gesprekId })).view!
    }
    expect(stepIds).toContain('met-ouder')
    const prep = (await sanne.get(`/api/workspace/children/${made.body.id}/oudergesprek`)).body as OudergesprekOut
    expect(prep.observatie.map((p) => p.item.text)).toEqual(['Pip zoekt troost bij mama en vindt die'])
    expect(JSON.stringify(prep)).not.toContain('RAW-OBS')
  })
})

describe('history data (pure)', () => {
  const view = (items: Partial<GesprekView['items'][number]>[]): GesprekView => ({
    toolId: 't',
    version: '1',
    ageBand: '8-12',
    setting: 'begeleid',
    phase: 'afgerond',
    step: null,
    can: { next: false, back: false, skip: false, pause: false, resume: false, stop: false },
    items: items.map((i, n) => ({
      id: `item-${n}-xxxxx`,
      stepId: 's',
      pictures: [],
      followUps: {},
      share: 'begeleider',
      worry: false,
      ...i,
    })),
    notes: [],
    skipped: [],
  })
  const person = (name: string, circle: 1 | 2 | 3): Person => ({
    name,
    category: 'familie',
    circle,
    gives: [],
    mustNotKnow: false,
  })

  it('netwerk: who came in, who went out, who moved circle; stoplicht and scale series in time order', () => {
    const g = (id: string, at: string, items: Parameters<typeof view>[0]) => ({
      id,
      toolId: 'mijn-netwerk',
      setting: 'begeleid',
      createdAt: at,
      phase: 'afgerond',
      view: view(items),
    })
    const out = buildHistory({ id: 'child-xxxxxxx', nickname: 'Mo', ageBand: '8-12' }, [
      g('gesprek-0001', '2026-01-01', [
        { person: person('Oma', 1) },
        { person: person('Juf Anna', 2) },
        { subject: 'school', colour: 'oranje', stepId: 'plekken' },
        { scale: 4, stepId: 'schaal' },
      ]),
      g('gesprek-0002', '2026-01-15', [
        { person: person('oma ', 2) },
        { person: person('Ali', 1) },
        { subject: 'school', colour: 'groen', stepId: 'plekken' },
        { scale: 7, stepId: 'schaal' },
      ]),
    ])
    expect(out.netwerk.now?.people.map((p) => p.person.name)).toEqual(['oma ', 'Ali'])
    expect(out.netwerk.changes).toEqual([
      {
        fromGesprekId: 'gesprek-0001',
        toGesprekId: 'gesprek-0002',
        at: '2026-01-15',
        cameIn: ['Ali'],
        wentOut: ['Juf Anna'],
        moved: [{ name: 'oma ', from: 1, to: 2 }],
      },
    ])
    expect(out.stoplicht[0]!.points.map((p) => p.colour)).toEqual(['oranje', 'groen'])
    expect(out.scales[0]!.points.map((p) => p.value)).toEqual([4, 7])
    expect(out.timeline.map((t) => t.gesprekId)).toEqual(['gesprek-0002', 'gesprek-0001'])
  })
})
