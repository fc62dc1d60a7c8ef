import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { describe, expect, it } from 'vitest'
import {
  checkEventBounds,
  checkSnapshotBounds,
  MAX_DRAWING_POINTS,
  MAX_ITEMS_PER_GESPREK,
  MAX_SNAPSHOT_CHARS,
} from '../../server/gesprek/bounds'
import type { Item } from '../../dialogs/framework/items'
import { connected, dataOf, emitAck, errorOf, fakeClock, HttpUser, msgId, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

async function inHuisGoed(opts: { clock?: ReturnType<typeof fakeClock> } = {}) {
  const { server, sanne, ids } = await startSeeded(opts.clock ? { clock: opts.clock } : {})
  const g = await startGesprek(server.url, sanne)
  const kind = open(server.url, { token: g.token })
  await connected(kind)
  const send = (event: unknown) =>
    emitAck(kind, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
  expect((await send({ type: 'nav.next' })).ok).toBe(true)
  expect((await send({ type: 'item.add', item: { id: 'item-0001', text: 'mijn hond' } })).ok).toBe(true)
  return { server, sanne, ids, ...g, kind, send }
}

describe('bounds with clear error codes', () => {
  it('refuses one drawing that is too large, with drawing_too_large, and stores nothing', async () => {
    const { send, server, gesprekId } = await inHuisGoed()
    const stroke = Array.from({ length: 400 }, (_, i) => [i, 1000 - i])
    const drawing = Array.from({ length: Math.ceil((MAX_DRAWING_POINTS + 1) / 400) }, () => stroke)
    expect(await send({ type: 'item.add', item: { id: 'item-big-1', drawing } })).toEqual({
      ok: false,
      error: 'drawing_too_large',
    })
    expect((await send({ type: 'item.add', item: { id: 'item-small-1', drawing: [stroke] } })).ok).toBe(true)
    const rows = await server.deps.db
      .selectFrom('gesprek_events')
      .select('item_id')
      .where('gesprek_id', '=', gesprekId)
      .execute()
    expect(rows.map((r) => r.item_id)).not.toContain('item-big-1')
  })

  it('limits items per gesprek and the size of one snapshot', () => {
    const items = Array.from({ length: MAX_ITEMS_PER_GESPREK }, (_, i) => ({ id: `i-${i}` }) as Item)
    const add = { type: 'item.add' as const, item: { id: 'item-next-1', pictures: [] as string[] } }
    expect(() => checkEventBounds({ items }, add)).toThrow('gesprek_full')
    expect(() => checkEventBounds({ items: items.slice(1) }, add)).not.toThrow()
    expect(() => checkSnapshotBounds('x'.repeat(MAX_SNAPSHOT_CHARS + 1))).toThrow('gesprek_full')
  })

  it('counts commands per token across all its sockets', async () => {
    // A clock that stands still: no refill, so the budget is exactly the burst, however slow the machine.
    const { server, token, gesprekId } = await inHuisGoed({ clock: fakeClock() })
    const sockets = [open(server.url, { token }), open(server.url, { token }), open(server.url, { token })]
    await Promise.all(sockets.map(connected))
    const acks = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        emitAck(sockets[i % 3]!, 'gesprek:command', {
          gesprekId,
          clientMsgId: msgId(),
          event: { type: 'item.add', item: { id: `item-flood-${i}`, text: 'x' } },
        }),
      ),
    )
    // One budget (burst 40, two used already) for the token, not 40 per socket.
    expect(acks.filter((a) => a.ok).length).toBe(38)
    expect(acks.some((a) => errorOf(a) === 'rate_limited')).toBe(true)
  })
})

describe('smaller insider findings', () => {
  it("an erased child's tombstone cannot be shown, renamed or given evaluations", async () => {
    const { server, sanne, childId } = await inHuisGoed()
    const admin = await HttpUser.login(server.url, 'admin-a')
    expect((await admin.post(`/api/beheer/children/${childId}/erase`)).status).toBe(200)
    expect((await sanne.get(`/api/workspace/children/${childId}`)).status).toBe(404)
    expect((await sanne.request('PUT', `/api/workspace/children/${childId}`, { nickname: 'Nieuw' })).status).toBe(404)
    expect((await sanne.post(`/api/workspace/children/${childId}/evaluations`, { heldOn: '2026-11-20' })).status).toBe(
      404,
    )
    const row = await server.deps.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', childId)
      .executeTakeFirstOrThrow()
    expect(row.nickname).toBe('')
    expect(
      await server.deps.db.selectFrom('evaluations').selectAll().where('child_id', '=', childId).execute(),
    ).toEqual([])
  })

  it('answers invalid_payload to a __proto__ follow-up key and to follow-ups the step does not ask', async () => {
    const { send } = await inHuisGoed()
    const raw = JSON.parse('{"type":"item.update","itemId":"item-0001","patch":{"followUps":{"__proto__":{"x":"y"}}}}')
    expect(await send(raw)).toEqual({ ok: false, error: 'invalid_payload' })
    // huis-goed asks "wie-weet" and "wat-fijn"; "wat-helpt" belongs to another house.
    expect(
      await send({ type: 'item.update', itemId: 'item-0001', patch: { followUps: { 'wat-helpt': 'niemand' } } }),
    ).toEqual({ ok: false, error: 'invalid_payload' })
    expect(
      (await send({ type: 'item.update', itemId: 'item-0001', patch: { followUps: { 'wie-weet': 'oma' } } })).ok,
    ).toBe(true)
  })

  it("refuses a begeleider's note in the jongere's kamer gesprek", async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
    const setup = await new HttpUser(server.url).post('/api/kamer/setup', {
      code: invite.body.code,
      name: 'rustige kamer',
      secret: '482915',
    })
    const jongere = new HttpUser(server.url, setup.body.token)
    const made = await jongere.post('/api/kamer/gesprekken', { toolId: 'kamer-notities' })
    expect(made.status).toBeLessThan(300)
    const gesprekId = (made.body.gesprek?.id ?? made.body.id) as string
    const beg = open(server.url, { cookie: sanne.cookie })
    await connected(beg)
    expect(
      await emitAck(beg, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'note.add', note: { id: 'note-kamer-1', text: 'gezien' } },
      }),
    ).toEqual({ ok: false, error: 'forbidden' })
  })
})

describe('the begeleider sees that the kamer was used and what was shared, never presence or timing', () => {
  it('sends no frame for private work, no step or phase, and one frame when something is shared', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
    const setup = await new HttpUser(server.url).post('/api/kamer/setup', {
      code: invite.body.code,
      name: 'stille kamer',
      secret: '482915',
    })
    const made = await new HttpUser(server.url, setup.body.token).post('/api/kamer/gesprekken', {
      toolId: 'kamer-notities',
    })
    const gesprekId = (made.body.gesprek?.id ?? made.body.id) as string
    const jongere = open(server.url, { token: setup.body.token })
    const beg = open(server.url, { cookie: sanne.cookie })
    await Promise.all([connected(jongere), connected(beg)])
    const frames: unknown[] = []
    // Whole views and patches alike: any frame at all would tell the begeleider that something happened.
    beg.on('gesprek:view', (f) => frames.push(f))
    beg.on('gesprek:patch', (f) => frames.push(f))
    const join = await emitAck(beg, 'gesprek:join', { gesprekId })
    expect(join.ok).toBe(true)
    expect(dataOf(join).view!.step).toBeNull()
    expect(Object.values(dataOf(join).view!.can).every((v) => v === false)).toBe(true)
    const send = (event: unknown) => emitAck(jongere, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'note-priv-1', text: 'PRIVATE-kamer-canary' } })).ok).toBe(true)
    expect((await send({ type: 'item.update', itemId: 'note-priv-1', patch: { text: 'PRIVATE-2' } })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'note-share-1', text: 'dit mag je weten' } })).ok).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(frames).toHaveLength(0)
    expect((await send({ type: 'share.set', itemIds: ['note-share-1'], level: 'begeleider' })).ok).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(frames).toHaveLength(1)
    expect(JSON.stringify(frames)).not.toContain('PRIVATE')
    // The child page's list shows the kamer gesprek without phase or seq.
    const list = await sanne.get(`/api/workspace/children/${child.body.id}/gesprekken`)
    const row = (list.body as { id: string; phase: string; seq: number }[]).find((g) => g.id === gesprekId)!
    expect(row).toMatchObject({ phase: 'kamer', seq: 0 })
  })
})
