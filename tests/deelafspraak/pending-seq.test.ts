import type { JoinCodeOut, KindJoinOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { S2C } from '../../dialogs/contract/socket'
import type { GesprekView } from '../../dialogs/contract/view'
import { connected, dataOf, emitAck, HttpUser, msgId, startGesprek, type TestSocket, until } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/**
 * A later screen the child has not approved yet (ADR 0010) is told a seq of its own (ADR 0050): it moves
 * when something that screen may see changes, never for the child's private edits. With the child's real
 * seq, someone holding that screen (a second code is enough) could count and time every `alleen-ik` edit
 * until the child said no.
 */

const { startSeeded, open } = useServers()

const CANARY = 'CANARY-geheim-prive-antwoord'

/** Every frame a socket receives, whole views and patches, with the seq it carries. */
function framesOf(socket: TestSocket) {
  const frames: { seq: number; text: string }[] = []
  socket.on('gesprek:view', (raw) => {
    const f = S2C['gesprek:view'].parse(raw)
    frames.push({ seq: f.seq, text: JSON.stringify(f.view) })
  })
  socket.on('gesprek:patch', (raw) => {
    const f = S2C['gesprek:patch'].parse(raw)
    frames.push({ seq: f.seq, text: JSON.stringify(f.patch) })
  })
  return frames
}

async function childWithLaterScreen() {
  const { server, sanne } = await startSeeded()
  const g = await startGesprek(server.url, sanne)
  const gesprekId = g.gesprekId
  const kind = open(server.url, { token: g.token })
  await connected(kind)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
  const send = async (s: TestSocket, event: unknown, clientMsgId = msgId()) => {
    const ack = await emitAck(s, 'gesprek:command', { gesprekId, clientMsgId, event })
    expect(ack.ok, JSON.stringify(ack)).toBe(true)
    return dataOf(ack).seq
  }
  await send(kind, { type: 'nav.next' })
  // A private answer of the child's, from before the later screen came.
  await send(kind, { type: 'item.add', item: { id: 'geheim-abcdef', text: CANARY } })
  await send(kind, { type: 'share.set', itemIds: ['geheim-abcdef'], level: 'alleen-ik' })
  for (let i = 0; i < 2; i++)
    await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ${i}` } })

  /** A begeleider of the team mints a new code; whoever holds it joins as a later screen. */
  const laterScreen = async () => {
    const code = await sanne.post<JoinCodeOut>(`/api/gesprekken/${gesprekId}/join-code`)
    expect(code.status).toBe(201)
    const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: code.body.code })
    expect(joined.status).toBe(200)
    expect(joined.body.trusted).toBe(false)
    const token = String(joined.body.token)
    const socket = open(server.url, { token })
    const frames = framesOf(socket)
    await connected(socket)
    const join = await emitAck(socket, 'gesprek:join', { gesprekId })
    expect(join.ok).toBe(true)
    /** A reconnect: a fresh socket on the same token, joining without a seq. */
    const reconnect = async () => {
      const fresh = open(server.url, { token })
      await connected(fresh)
      const r = await emitAck(fresh, 'gesprek:join', { gesprekId })
      expect(r.ok).toBe(true)
      fresh.disconnect()
      return dataOf(r) as { seq: number; view: GesprekView }
    }
    const rejoin = async (lastSeq: number) => dataOf(await emitAck(socket, 'gesprek:join', { gesprekId, lastSeq }))
    return {
      token,
      socket,
      frames,
      seq: dataOf(join).seq,
      view: dataOf(join).view!,
      reconnect,
      rejoin,
    }
  }
  /** The child's screen learns which screens wait for its yes. */
  const waiting = () =>
    new Promise<string>((resolve) =>
      kind.on('devices:pending', (p) => {
        const d = p.devices.at(-1)
        if (d) resolve(d.deviceId)
      }),
    )
  return { server, sanne, gesprekId, kind, send, laterScreen, waiting }
}

describe("a later screen's seq (not yet approved)", () => {
  it("does not move for the child's private edits: no frame, no seq in its acks, its join or re-join", async () => {
    const { server, gesprekId, kind, send, laterScreen } = await childWithLaterScreen()
    const later = await laterScreen()
    // It starts in its own units: the child's private answer and its edits are not in the count.
    const realSeq = await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY}!` } })
    // Three changes it may see (the step, the answer, the answer leaving its view); the child is at six.
    expect(realSeq).toBe(6)
    expect(later.seq).toBe(3)
    expect(JSON.stringify(later.view)).not.toContain(CANARY)

    // Its own answer: the ack in its own seq, one step on.
    const ownMsg = msgId()
    const a1 = await send(
      later.socket,
      { type: 'item.add', item: { id: 'later-abcdef', text: 'van het scherm' } },
      ownMsg,
    )
    expect(a1).toBe(later.seq + 1)
    await until(() => later.frames.some((f) => f.seq === a1))

    // Five private edits by the child: the child's seq moves, the later screen hears nothing.
    let kindSeq = 0
    for (let i = 0; i < 5; i++)
      kindSeq = await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ${i}` } })
    expect(kindSeq).toBeGreaterThan(a1 + 5)
    // The screen's next own command is acked exactly one on: no private edit in between is counted.
    const a2 = await send(later.socket, { type: 'item.update', itemId: 'later-abcdef', patch: { text: 'nog eens' } })
    expect(a2).toBe(a1 + 1)
    // A resent command is acked with the seq it had, in the screen's units.
    expect(await send(later.socket, { type: 'item.add', item: { id: 'later-abcdef', text: 'x' } }, ownMsg)).toBe(a1)
    // Its own private answer moves its own seq (it sees its own edits), never the child's.
    const a3 = await send(later.socket, { type: 'share.set', itemIds: ['later-abcdef'], level: 'alleen-ik' })
    const a4 = await send(later.socket, { type: 'item.update', itemId: 'later-abcdef', patch: { text: 'stil' } })
    expect([a3, a4]).toEqual([a2 + 1, a2 + 2])
    // A visible change by the child: one step on, and the frames so far are exactly the screen's own seqs.
    const visible = await send(kind, { type: 'item.add', item: { id: 'zichtbaar-abcdef', text: 'fietsen' } })
    expect(visible).toBeGreaterThan(a4 + 5)
    await until(() => later.frames.some((f) => f.seq === a4 + 1))
    expect(later.frames.map((f) => f.seq)).toEqual([a1, a2, a3, a4, a4 + 1])
    expect(later.frames.every((f) => !f.text.includes(CANARY))).toBe(true)

    // Re-join with its last seq: nothing new, and the seq is its own.
    expect(await later.rejoin(a4 + 1)).toEqual({
      seq: a4 + 1,
      view: null,
    })
    // Private edits, then a re-join with its last seq: still nothing new.
    for (let i = 0; i < 3; i++)
      await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ${i}?` } })
    expect(await later.rejoin(a4 + 1)).toEqual({
      seq: a4 + 1,
      view: null,
    })
    // A reconnect (a fresh socket on the same token, no seq): the whole view, in its own seq.
    const again = await later.reconnect()
    expect(again.seq).toBe(a4 + 1)
    expect(JSON.stringify(again.view)).not.toContain(CANARY)
    expect(later.frames.map((f) => f.seq)).toEqual([a1, a2, a3, a4, a4 + 1])
    // Counted again from the stored log (a restart, another node): the same seqs, a resent command too.
    server.host.forget(gesprekId)
    expect((await later.reconnect()).seq).toBe(a4 + 1)
    server.host.forget(gesprekId)
    expect(await send(later.socket, { type: 'item.add', item: { id: 'later-abcdef', text: 'x' } }, ownMsg)).toBe(a1)
  })

  it("after the child's yes: the child's seq and whole view; after a no: nothing at all", async () => {
    const { gesprekId, kind, send, laterScreen, waiting } = await childWithLaterScreen()
    const asked = waiting()
    const later = await laterScreen()
    const deviceId = await asked
    let kindSeq = 0
    for (let i = 0; i < 3; i++)
      kindSeq = await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ${i}` } })
    expect(later.seq).toBe(3)
    // Yes: the screen joins the child's view, in the child's seq, with the child's private answer.
    expect((await emitAck(kind, 'device:answer', { gesprekId, deviceId, allow: true })).ok).toBe(true)
    await until(() => later.frames.some((f) => f.text.includes(CANARY)))
    expect(later.frames.map((f) => f.seq)).toEqual([kindSeq])
    // From now on it is one of the child's screens: private edits reach it, in the child's seq.
    const next = await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ja` } })
    await until(() => later.frames.some((f) => f.seq === next))
    expect(await later.reconnect()).toMatchObject({ seq: next })

    // A third screen, refused: between its join and the no it hears nothing, and after the no it is gone.
    const asked3 = waiting()
    const third = await laterScreen()
    const third3 = await asked3
    expect(third.seq).toBe(3)
    for (let i = 0; i < 3; i++)
      await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} ${i}!` } })
    const gone = new Promise<void>((r) => third.socket.once('disconnect', () => r()))
    expect((await emitAck(kind, 'device:answer', { gesprekId, deviceId: third3, allow: false })).ok).toBe(true)
    await gone
    await send(kind, { type: 'item.update', itemId: 'geheim-abcdef', patch: { text: `${CANARY} nee` } })
    await send(kind, { type: 'item.add', item: { id: 'zichtbaar-abcdef', text: 'fietsen' } })
    await until(() => later.frames.some((f) => f.text.includes('fietsen')))
    expect(third.frames).toEqual([])
  })
})
