import type { KamerGesprek, KamerTokenOut } from '../../dialogs/contract/kamer'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CaseloadSignalsOut, ChildSignalsOut } from '../../dialogs/contract/signals'
import type { AgeBand } from '../../dialogs/contract/ids'
import { signalOf } from '../../dialogs/signals'
import { addWorkdays } from '../../server/signals/signals'
import { connected, emitAck, fakeClock, HttpUser, msgId, type TestServer } from '../helpers/server'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

/**
 * A kamer gesprek the way a jongere gets one: invite, name and PIN, then the gesprek from the kamer
 * (a kamer gesprek is sealed under its kamer's PIN, so only the kamer route makes one the host can open).
 */
async function kamer(server: TestServer, sanne: HttpUser, toolId: string, ageBand: AgeBand = '16-18') {
  const { childId, name, token: kamerToken } = await setUpKamer(server.url, sanne, ageBand)
  const g = await new HttpUser(server.url, kamerToken).post<KamerGesprek>('/api/kamer/gesprekken', { toolId })
  expect(g.status).toBe(200)
  const gesprekId = String(g.body.id)
  const kind = open(server.url, { token: kamerToken })
  await connected(kind)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
  const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  /** The jongere comes back later: name and PIN open the kamer again, commands go through a fresh socket. */
  const reopen = async () => {
    const opened = await new HttpUser(server.url).post<KamerTokenOut>('/api/kamer/open', { name, secret: KAMER_PIN })
    expect(opened.status).toBe(200)
    const again = open(server.url, { token: String(opened.body.token) })
    await connected(again)
    expect((await emitAck(again, 'gesprek:join', { gesprekId })).ok).toBe(true)
    return (event: unknown) => emitAck(again, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  }
  return { childId, gesprekId, send, kamerToken, reopen }
}

const signalsOf = async (sanne: HttpUser, childId: string) =>
  (await sanne.get(`/api/signals/children/${childId}`)).body as ChildSignalsOut
const caseload = async (sanne: HttpUser) => ((await sanne.get('/api/signals')).body as CaseloadSignalsOut).children

describe('signals reach a person, never an automatic step', () => {
  it('derives each kind from an answer, and nothing from an ordinary one', () => {
    expect(signalOf('stoplicht', { stepId: 'plekken', colour: 'rood' })).toBe('rood')
    expect(signalOf('stoplicht', { stepId: 'plekken', colour: 'oranje' })).toBeNull()
    expect(signalOf('stoplicht', { stepId: 'schaal', scale: 3 })).toBe('laag')
    expect(signalOf('stoplicht', { stepId: 'schaal', scale: 4 })).toBeNull()
    expect(signalOf('mijn-kamer', { stepId: 'modules', prompt: 'veiligheid.schaal', scale: 2 })).toBe('laag')
    expect(signalOf('mijn-kamer', { stepId: 'modules', prompt: 'veiligheid.schaal', scale: 3 })).toBeNull()
    const p = { name: 'X', category: 'familie' as const, circle: 1 as const, gives: [], mustNotKnow: false }
    expect(signalOf('mijn-netwerk', { stepId: 'mensen', person: { ...p, safe: 'nee' } })).toBe('niet-veilig')
    expect(signalOf('mijn-netwerk', { stepId: 'mensen', person: { ...p, mustNotKnow: true } })).toBe('mag-niet-weten')
    expect(signalOf('mijn-netwerk', { stepId: 'mensen', person: { ...p, safe: 'soms' } })).toBeNull()
  })

  it('counts the follow-up window in working days', () => {
    expect(addWorkdays('2026-11-26T10:00:00.000Z', 2)).toBe('2026-11-30') // Thursday → Monday
    expect(addWorkdays('2026-11-23T10:00:00.000Z', 2)).toBe('2026-11-25')
  })

  it('kamer scale 0-2: kept private, nothing at all; shared, the caseload and the child page say it in words', async () => {
    const clock = fakeClock(Date.parse('2026-11-26T10:00:00Z')) // a Thursday
    const seeded = await startSeeded({ clock })
    const server = seeded.server
    let sanne = seeded.sanne
    const { childId, send, reopen } = await kamer(server, sanne, 'mijn-kamer')
    const CANARY = `CANARY${randomUUID().replace(/-/g, '')}`
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    const add = await send({
      type: 'item.add',
      item: { id: 'scale-item-0001', prompt: 'veiligheid.schaal', scale: 1, text: CANARY },
    })
    expect(add.ok, JSON.stringify(add)).toBe(true)

    // Kept at "alleen ik": no signal, no count, no window, no canary, anywhere the begeleider looks.
    expect(await caseload(sanne)).toEqual({})
    const kept = await sanne.get(`/api/signals/children/${childId}`)
    expect(kept.body).toEqual({ followUpDays: 2, signals: [], talk: [] })
    expect(JSON.stringify(kept.body)).not.toContain(CANARY)
    expect(await server.deps.db.selectFrom('signal_seen').selectAll().execute()).toEqual([])

    // The jongere says yes: the begeleider sees it by the child's name, in words, with the window.
    expect((await send({ type: 'share.set', itemIds: ['scale-item-0001'], level: 'begeleider' })).ok).toBe(true)
    const row = async () => (await caseload(sanne))[childId]
    await expect.poll(row).toEqual({ types: ['laag'], open: 1, late: 0, talk: 0 })
    const shared = await signalsOf(sanne, childId)
    expect(shared.signals).toMatchObject([
      { type: 'laag', toolId: 'mijn-kamer', status: 'open', dueOn: '2026-11-30', followUps: [] },
    ])
    // The signal itself carries no answer: the words are on the gesprek page, behind its own access log line.
    expect(JSON.stringify(await caseload(sanne))).not.toContain(CANARY)

    // Past the window it says so; a record of the talk closes it.
    clock.advance(5 * 86_400_000)
    sanne = await HttpUser.login(server.url, 'sanne') // her session idled out over those days
    expect((await signalsOf(sanne, childId)).signals[0]!.status).toBe('te-laat')
    const s = shared.signals[0]!
    const rec = await sanne.post(`/api/signals/children/${childId}/followups`, {
      gesprekId: s.gesprekId,
      itemId: s.itemId,
      with: 'team',
      on: '2026-11-30',
    })
    expect(rec.status).toBe(200)
    const done = (await signalsOf(sanne, childId)).signals[0]!
    expect(done).toMatchObject({ status: 'besproken', followUps: [{ with: 'team', on: '2026-11-30', by: 'Sanne' }] })
    expect(await caseload(sanne)).toEqual({})

    // Taken back: the signal goes with the answer; a record against it is refused.
    // (the kamer locked itself over those days: the jongere opens it again with name and PIN)
    const sendLater = await reopen()
    expect((await sendLater({ type: 'share.set', itemIds: ['scale-item-0001'], level: 'alleen-ik' })).ok).toBe(true)
    expect((await signalsOf(sanne, childId)).signals).toEqual([])
    const refused = await sanne.post(`/api/signals/children/${childId}/followups`, {
      gesprekId: s.gesprekId,
      itemId: s.itemId,
      with: 'kind',
      on: '2026-11-30',
    })
    expect(refused.status).toBe(409)

    // Another team sees nothing of it.
    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(`/api/signals/children/${childId}`)).status).toBe(404)
    expect(await caseload(joris)).toEqual({})
  }, 60_000)

  it('network: "niet veilig" and "mag niet weten waar ik ben" signal only once shared', async () => {
    const { server, sanne } = await startSeeded()
    const { childId, send } = await kamer(server, sanne, 'mijn-netwerk', '12-15')
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    const person = (name: string, extra: object) => ({
      type: 'item.add',
      item: { id: `person-${name}-0001`, person: { name, category: 'familie', circle: 2, ...extra } },
    })
    expect((await send(person('Oom', { safe: 'nee' }))).ok).toBe(true)
    expect((await send(person('Papa', { mustNotKnow: true }))).ok).toBe(true)
    expect((await signalsOf(sanne, childId)).signals).toEqual([])
    expect(
      (await send({ type: 'share.set', itemIds: ['person-Oom-0001', 'person-Papa-0001'], level: 'begeleider' })).ok,
    ).toBe(true)
    await expect
      .poll(async () => (await signalsOf(sanne, childId)).signals.map((s) => s.type).sort())
      .toEqual(['mag-niet-weten', 'niet-veilig'])
  }, 60_000)

  it('guided Stoplicht: a red and a low ladder are already shared (the begeleider sat beside the child)', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '8-12' })
    const childId = (child.body as { id: string }).id
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })
    const { gesprek, join } = g.body as { gesprek: { id: string }; join: { code: string } }
    const token = (
      (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: join.code })).body as {
        token: string
      }
    ).token
    const kind = open(server.url, { token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId: gesprek.id })).ok).toBe(true)
    const send = (event: unknown) =>
      emitAck(kind, 'gesprek:command', { gesprekId: gesprek.id, clientMsgId: msgId(), event })
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect(
      (await send({ type: 'item.add', item: { id: 'colour-school-01', subject: 'school', colour: 'rood' } })).ok,
    ).toBe(true)
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'ladder-item-0001', scale: 2 } })).ok).toBe(true)
    await expect.poll(async () => (await caseload(sanne))[childId]?.types.sort()).toEqual(['laag', 'rood'])
  }, 60_000)

  it('"Ik wil praten" sends a contact request, nothing more; the begeleider closes it', async () => {
    const { server, sanne } = await startSeeded()
    const { childId, kamerToken } = await kamer(server, sanne, 'kamer-notities')
    const talk = () =>
      fetch(`${server.url}/api/signals/kamer/talk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kamerToken}`, 'content-type': 'application/json', origin: server.url },
        body: '{}',
      })
    expect((await talk()).status).toBe(200)
    expect((await talk()).status).toBe(200) // pressing twice is one request
    const s = await signalsOf(sanne, childId)
    expect(s.talk).toHaveLength(1)
    expect(s.signals).toEqual([])
    expect((await caseload(sanne))[childId]).toEqual({ types: [], open: 0, late: 0, talk: 1 })
    expect((await sanne.post(`/api/signals/children/${childId}/talk/handled`, {})).status).toBe(200)
    expect((await signalsOf(sanne, childId)).talk).toEqual([])
    // Without a kamer token nothing is asked.
    const anon = await fetch(`${server.url}/api/signals/kamer/talk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{}',
    })
    expect(anon.status).toBe(401)
  }, 60_000)
})
