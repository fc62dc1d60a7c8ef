import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { describe, expect, it } from 'vitest'
import type { GesprekView } from '../../dialogs/contract/view'
import {
  collectViews,
  connected,
  dataOf,
  emitAck,
  HttpUser,
  msgId,
  startGesprek,
  tempDir,
  type TestSocket,
  until,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { start, startSeeded, open, stopAll } = useServers()

describe('one guided Drie huizen gesprek over real sockets', () => {
  it('relays child answers to the begeleider in order, within a second', async () => {
    const { server, sanne: begeleider } = await startSeeded()
    const { gesprekId, token } = await startGesprek(server.url, begeleider)
    const kind = open(server.url, { token })
    const beg = open(server.url, { cookie: begeleider.cookie })
    await Promise.all([connected(kind), connected(beg)])
    const begViews = collectViews(beg)
    expect((await emitAck(beg, 'gesprek:join', { gesprekId })).ok).toBe(true)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)

    expect(
      await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } }),
    ).toEqual({ ok: true, data: { seq: 1 } })
    const texts = ['mijn hond', 'oma', 'voetbal', 'pannenkoeken', 'mijn juf']
    for (const [i, text] of texts.entries()) {
      const ack = await emitAck(kind, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'item.add', item: { id: `item-000${i}`, text, pictures: ['heart'] } },
      })
      expect(ack).toEqual({ ok: true, data: { seq: i + 2 } })
    }
    // How fast is the benchmarks' question (tests/bench/relay.ts), not a timed test's.
    await until(() => begViews.at(-1)?.seq === 6)
    const last = begViews.at(-1)!.view
    expect(last.items.map((i) => i.text)).toEqual(texts)
    expect(last.items.every((i) => i.stepId === 'huis-goed' && i.share === 'begeleider')).toBe(true)
    expect(last.step?.id).toBe('huis-goed')
    // seq only grows: views arrived in order
    const seqs = begViews.map((v) => v.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
  })

  it('stores a repeated clientMsgId once and answers with the original ack', async () => {
    const { server, sanne: begeleider } = await startSeeded()
    const { gesprekId, token } = await startGesprek(server.url, begeleider)
    const kind = open(server.url, { token })
    await connected(kind)
    await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } })
    const id = msgId()
    const command = {
      gesprekId,
      clientMsgId: id,
      event: { type: 'item.add', item: { id: 'item-dup-1', text: 'een keer', pictures: [] } },
    }
    const first = await emitAck(kind, 'gesprek:command', command)
    const again = await Promise.all([1, 2, 3].map(() => emitAck(kind, 'gesprek:command', command)))
    expect(again).toEqual([first, first, first])
    const rows = await server.deps.db
      .selectFrom('gesprek_events')
      .selectAll()
      .where('gesprek_id', '=', gesprekId)
      .execute()
    expect(rows.filter((r) => r.client_msg_id === id)).toHaveLength(1)
    const { view } = await server.host.view(gesprekId, 'kind')
    expect(view.items).toHaveLength(1)
  })

  it('answers malformed payloads with an error code and stores nothing', async () => {
    const { server, sanne: begeleider } = await startSeeded()
    const { gesprekId, token } = await startGesprek(server.url, begeleider)
    const kind = open(server.url, { token })
    await connected(kind)
    const bad: [string, unknown][] = [
      ['gesprek:command', null],
      ['gesprek:command', 'hello'],
      ['gesprek:command', { gesprekId }],
      ['gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'item.add' } }],
      ['gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'no.such' } }],
      ['gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' }, extra: 1 }],
      [
        'gesprek:command',
        {
          gesprekId,
          clientMsgId: msgId(),
          event: { type: 'item.add', item: { id: 'x'.repeat(9), text: 'a'.repeat(5000) } },
        },
      ],
      ['gesprek:join', { gesprekId: 42 }],
    ]
    for (const [event, payload] of bad) {
      const ack = await emitAck(kind, event, payload)
      expect(ack).toEqual({ ok: false, error: 'invalid_payload' })
    }
    expect(await emitAck(kind, 'gesprek:explode', {})).toEqual({ ok: false, error: 'unknown_event' })
    // Not allowed by the machine right now: back on the first step, an item on an info step
    expect(
      await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.back' } }),
    ).toEqual({ ok: false, error: 'not_allowed_now' })
    expect(
      await emitAck(kind, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'item.add', item: { id: 'item-on-info', text: 'x' } },
      }),
    ).toEqual({ ok: false, error: 'not_allowed_now' })
    // Only a begeleider writes notes; only the child sets sharing
    expect(
      await emitAck(kind, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'note.add', note: { id: 'note-0001', text: 'x' } },
      }),
    ).toEqual({ ok: false, error: 'forbidden' })
    const stored = await server.deps.db
      .selectFrom('gesprek_events')
      .selectAll()
      .where('gesprek_id', '=', gesprekId)
      .execute()
    expect(stored).toHaveLength(0)
    // still serving
    expect(
      await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } }),
    ).toEqual({ ok: true, data: { seq: 1 } })
    // HTTP: bad bodies get codes too
    expect((await begeleider.request('POST', '/api/workspace/children', '{not json')).body).toEqual({
      error: 'invalid_payload',
    })
    expect(
      (await begeleider.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '99' })).body,
    ).toEqual({
      error: 'invalid_payload',
    })
    expect(
      (
        await begeleider.post<CaseloadChild>('/api/workspace/children', {
          nickname: 'x'.repeat(70_000),
          ageBand: '4-7',
        })
      ).status,
    ).toBe(413)
  })

  it('keeps every acked answer across a restart and the gesprek continues', async () => {
    const dataDir = tempDir()
    const first = await startSeeded({ dataDir })
    const { gesprekId, token } = await startGesprek(first.server.url, first.sanne)
    let kind = open(first.server.url, { token })
    await connected(kind)
    await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } })
    for (let i = 0; i < 3; i++)
      await emitAck(kind, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'item.add', item: { id: `item-keep-${i}`, text: `antwoord ${i}` } },
      })
    kind.disconnect()
    await stopAll()

    const again = await start({ dataDir })
    kind = open(again.url, { token })
    await connected(kind)
    const joined = await emitAck(kind, 'gesprek:join', { gesprekId })
    expect(joined.ok).toBe(true)
    expect(dataOf(joined).seq).toBe(4)
    expect(dataOf(joined).view!.items.map((i) => i.text)).toEqual(['antwoord 0', 'antwoord 1', 'antwoord 2'])
    // lastSeq equal to the server's: nothing missed, no view resent
    expect(dataOf(await emitAck(kind, 'gesprek:join', { gesprekId, lastSeq: 4 })).view).toBeNull()
    expect(
      await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } }),
    ).toEqual({ ok: true, data: { seq: 5 } })
    const beg = await HttpUser.login(again.url, 'sanne')
    const detail = await beg.get(`/api/gesprekken/${gesprekId}`)
    expect((detail.body as { view: GesprekView }).view.step?.id).toBe('huis-zorgen')
  })

  it('rebuilds the stored snapshot by replaying the event log', async () => {
    const { server, sanne: begeleider } = await startSeeded()
    const { gesprekId, token } = await startGesprek(server.url, begeleider)
    const kind = open(server.url, { token })
    const beg = open(server.url, { cookie: begeleider.cookie })
    await Promise.all([connected(kind), connected(beg)])
    const send = (event: unknown, s: TestSocket = kind) =>
      emitAck(s, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'item-r-1', text: 'fijn', pictures: ['sun'] } })
    await send({ type: 'item.update', itemId: 'item-r-1', patch: { followUps: { 'wie-weet': 'mama' } } })
    await send({ type: 'gesprek.pause' })
    await send({ type: 'gesprek.resume' })
    await send({ type: 'nav.skip' })
    await send({ type: 'note.add', note: { id: 'note-r-1', text: 'rustig', itemId: 'item-r-1' } }, beg)
    await send({ type: 'share.set', itemIds: ['item-r-1'], level: 'zelf-vertellen' })
    const replayed = await server.host.replay(gesprekId)
    expect(replayed.seq).toBe(8)
    expect(replayed.persisted).toEqual(await server.host.storedSnapshot(gesprekId))
  })

  it('refuses sockets without a valid session or token, and from foreign origins', async () => {
    const { server } = await startSeeded()
    const err = (s: TestSocket) => new Promise<string>((resolve) => s.once('connect_error', (e) => resolve(e.message)))
    expect(await err(open(server.url, {}))).toBe('not_logged_in')
    expect(await err(open(server.url, { token: 'x'.repeat(32) }))).toBe('not_logged_in')
    const begeleider = await HttpUser.login(server.url, 'sanne')
    const foreign = open(server.url, { cookie: begeleider.cookie, origin: 'https://evil.example' })
    expect(await err(foreign)).not.toBe('')
    expect(foreign.connected).toBe(false)
  })
})
