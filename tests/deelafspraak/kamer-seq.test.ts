import type { KamerGesprek } from '../../dialogs/contract/kamer'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { GesprekDetail, GesprekSummary, KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { S2C } from '../../dialogs/contract/socket'
import { connected, dataOf, emitAck, HttpUser, msgId, type TestSocket } from '../helpers/server'
import { setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

/**
 * The seq a begeleider sees counts only changes the begeleider can see. With the real seq, the gap
 * between two frames (or two page loads) told how many private edits the jongere made in between.
 */

const { startSeeded, open } = useServers()

/**
 * The seqs of every frame a socket receives: whole views and patches (ADR 0027). Each patch's base is
 * kept beside it: a base counts in the same units as the seq, so it must be the frame before it.
 */
type Frames = number[] & { bases: (number | null)[] }
function seqsOf(socket: TestSocket): Frames {
  const seqs = Object.assign([] as number[], { bases: [] as (number | null)[] })
  socket.on('gesprek:view', (raw) => {
    seqs.push(S2C['gesprek:view'].parse(raw).seq)
    seqs.bases.push(null)
  })
  socket.on('gesprek:patch', (raw) => {
    const frame = S2C['gesprek:patch'].parse(raw)
    seqs.push(frame.seq)
    seqs.bases.push(frame.base)
  })
  return seqs
}

/** Every patch builds on the frame before it (or the join's view), in the begeleider's own seq. */
function expectBasesInOwnSeq(frames: Frames, start: number) {
  frames.bases.forEach((base, i) => {
    if (base !== null) expect(base).toBe(i === 0 ? start : frames[i - 1])
  })
}

describe("the begeleider's seq of a kamer gesprek", () => {
  it('does not move for private edits: not in frames, not on the page, not after the kamer closes', async () => {
    const { server, sanne } = await startSeeded()
    const { childId, token } = await setUpKamer(server.url, sanne)
    const jongere = new HttpUser(server.url, token)
    const g = String((await jongere.post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'kamer-notities' })).body.id)
    const kind = open(server.url, { token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId: g })).ok).toBe(true)
    const send = async (event: unknown) => {
      const ack = await emitAck(kind, 'gesprek:command', { gesprekId: g, clientMsgId: msgId(), event })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
      return dataOf(ack).seq
    }
    await send({ type: 'nav.next' })

    const beg = open(server.url, { cookie: sanne.cookie })
    const frames = seqsOf(beg)
    await connected(beg)
    const joined = await emitAck(beg, 'gesprek:join', { gesprekId: g })
    expect(joined.ok).toBe(true)
    const start = dataOf(joined).seq

    // One shared note: one change the begeleider sees.
    await send({ type: 'item.add', item: { id: 'note-open-1', text: 'gedeeld een', pictures: [] } })
    await send({ type: 'share.set', itemIds: ['note-open-1'], level: 'begeleider' })
    await expect.poll(() => frames.length).toBe(1)
    expect(frames[0]).toBe(start + 1)

    // Six private edits: the jongere's own seq moves, the begeleider's does not.
    let kindSeq = 0
    for (let i = 0; i < 3; i++) {
      await send({ type: 'item.add', item: { id: `note-prive-${i}`, text: `prive ${i}`, pictures: [] } })
      kindSeq = await send({ type: 'item.update', itemId: `note-prive-${i}`, patch: { text: `prive ${i}!` } })
    }
    expect(kindSeq).toBeGreaterThan(start + 6)
    const page = await sanne.get<GesprekDetail>(`/api/gesprekken/${g}`)
    expect(page.status).toBe(200)
    expect(page.body.seq).toBe(start + 1)

    // The next shared note: the begeleider's seq moves by exactly one.
    await send({ type: 'item.add', item: { id: 'note-open-2', text: 'gedeeld twee', pictures: [] } })
    await send({ type: 'share.set', itemIds: ['note-open-2'], level: 'begeleider' })
    await expect.poll(() => frames.length).toBe(2)
    expect([...frames]).toEqual([start + 1, start + 2])
    expectBasesInOwnSeq(frames, start)
    expect((await sanne.get<GesprekDetail>(`/api/gesprekken/${g}`)).body.seq).toBe(start + 2)

    // Re-join with the last seq: nothing new; with an older one: the view again, at the same seq.
    expect(dataOf(await emitAck(beg, 'gesprek:join', { gesprekId: g, lastSeq: start + 2 }))).toEqual({
      seq: start + 2,
      view: null,
    })
    const older = await emitAck(beg, 'gesprek:join', { gesprekId: g, lastSeq: start + 1 })
    expect(dataOf(older).seq).toBe(start + 2)
    expect(dataOf(older).view!.items.map((i) => i.text)).toEqual(['gedeeld een', 'gedeeld twee'])
    // The jongere re-joins with the real seq as before.
    const again = await emitAck(kind, 'gesprek:join', { gesprekId: g, lastSeq: kindSeq + 2 })
    expect(dataOf(again)).toEqual({ seq: kindSeq + 2, view: null })

    // With the kamer locked, the begeleider reads the shared copy: the same seq, still no private count.
    kind.disconnect()
    expect((await jongere.post('/api/kamer/lock')).status).toBe(200)
    expect((await sanne.get<GesprekDetail>(`/api/gesprekken/${g}`)).body.seq).toBe(start + 2)
    const overview = await sanne.get(`/api/kamer/children/${childId}`)
    expect(overview.status).toBe(200)
    // A new server on the same data (no cache, the kamer closed) says the same.
    expect((await server.host.view(g, 'begeleider')).seq).toBe(start + 2)
  })

  it('in a guided gesprek too: private edits move the child seq, never the begeleider seq or its acks', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' })
    const made = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const g = String(made.body.gesprek.id)
    const joinedKind = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', {
      code: String(made.body.join!.code).replace('-', ''),
    })
    expect(joinedKind.status).toBe(200)
    const kind = open(server.url, { token: String(joinedKind.body.token) })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId: g })).ok).toBe(true)
    const send = async (s: TestSocket, event: unknown) => {
      const ack = await emitAck(s, 'gesprek:command', { gesprekId: g, clientMsgId: msgId(), event })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
      return dataOf(ack).seq
    }
    await send(kind, { type: 'nav.next' })
    const beg = open(server.url, { cookie: sanne.cookie })
    await connected(beg)
    const frames = seqsOf(beg)
    const start = dataOf(await emitAck(beg, 'gesprek:join', { gesprekId: g })).seq
    // Visible: a new answer, then the child takes it back to "alleen ik" (it leaves the begeleider's view).
    await send(kind, { type: 'item.add', item: { id: 'geheim-abcdef', text: 'eerst' } })
    await send(kind, { type: 'share.set', itemIds: ['geheim-abcdef'], level: 'alleen-ik' })
    await expect.poll(() => frames.at(-1)).toBe(start + 2)
    // Invisible: four edits of the private answer.
    for (let i = 0; i < 4; i++)
      await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${i}` } })
    expect((await sanne.get<GesprekDetail>(`/api/gesprekken/${g}`)).body.seq).toBe(start + 2)
    const list = await sanne.get<GesprekSummary[]>(`/api/workspace/children/${child.body.id}/gesprekken`)
    expect(list.body.find((x) => x.id === g)!.seq).toBe(start + 2)
    // The begeleider's own command is acked with the begeleider's seq, and its frame carries the same.
    const note = { type: 'note.add', note: { id: 'notitie-abcdef', text: 'rustig begonnen' } }
    expect(await send(beg, note)).toBe(start + 3)
    await expect.poll(() => frames.at(-1)).toBe(start + 3)
    expect([...frames]).toEqual([start + 1, start + 2, start + 3])
    expectBasesInOwnSeq(frames, start)
  })
})
