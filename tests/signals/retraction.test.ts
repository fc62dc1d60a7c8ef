import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { GesprekDetail, KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { GesprekView } from '../../dialogs/contract/view'
import { connected, dataOf, emitAck, HttpUser, msgId, onViews } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

/**
 * The begeleider's own record survives a child's retraction (docs/deelafspraak.md): the note and the
 * fact that a worry was marked stay, in the begeleider's words; the child's words go from every
 * begeleider screen, page, print and the oudergesprek, as before.
 */
describe('retraction', () => {
  it("keeps the begeleider's note and worry mark, never the child's words", async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const childId = (child.body as { id: string }).id
    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const gesprekId = g.gesprek.id
    const token = (
      (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })).body as {
        token: string
      }
    ).token
    const kind = open(server.url, { token })
    const beg = open(server.url, { cookie: sanne.cookie })
    await Promise.all([connected(kind), connected(beg)])
    for (const s of [kind, beg]) expect((await emitAck(s, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (s: typeof kind, event: unknown) =>
      emitAck(s, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    let begView: GesprekView | undefined
    // The whole view as the client builds it from views and patches.
    onViews(beg, (_id, _seq, v) => void (begView = v))

    const CANARY = `CANARY${randomUUID().replace(/-/g, '')}`
    const NOTE = 'Zorg besproken met Anna uit het team'
    expect((await send(kind, { type: 'nav.next' })).ok).toBe(true)
    expect((await send(kind, { type: 'item.add', item: { id: 'item-retract-01', text: CANARY } })).ok).toBe(true)
    // The time of the mark is the server's: a client's own value is replaced.
    const markedFrom = Date.now()
    const mark = { type: 'worry.mark', itemId: 'item-retract-01', on: true, at: '2000-01-01T00:00:00.000Z' }
    expect((await send(beg, mark)).ok).toBe(true)
    expect(
      (await send(beg, { type: 'note.add', note: { id: 'note-retract-01', text: NOTE, itemId: 'item-retract-01' } }))
        .ok,
    ).toBe(true)
    // The child takes it back.
    expect((await send(kind, { type: 'share.set', itemIds: ['item-retract-01'], level: 'alleen-ik' })).ok).toBe(true)

    const page = (await sanne.get<GesprekDetail>(`/api/gesprekken/${gesprekId}`)).body
    const { view } = page
    expect(view.items).toEqual([])
    expect(view.notes).toEqual([{ id: 'note-retract-01', text: NOTE, takenBack: true }])
    // "Zorg gemarkeerd op [datum]": the fact and its day, in the begeleider's words.
    expect(view.traces).toEqual([{ stepId: 'huis-goed', worry: true, at: expect.any(String) as string }])
    expect(Date.parse(view.traces![0]!.at!)).toBeGreaterThanOrEqual(markedFrom - 1000)
    expect(Date.parse(view.traces![0]!.at!)).toBeLessThanOrEqual(Date.now())
    expect(JSON.stringify(page)).not.toContain(CANARY)
    // The live socket view agrees, and carries no canary either.
    await expect.poll(() => begView?.items.length).toBe(0)
    expect(begView!.notes).toEqual([{ id: 'note-retract-01', text: NOTE, takenBack: true }])
    expect(JSON.stringify(begView)).not.toContain(CANARY)
    // The history, the oudergesprek and its print: no child words, and the begeleider's notes never go there.
    for (const path of ['history', 'oudergesprek', 'oudergesprek/print']) {
      const res = await sanne.get(`/api/workspace/children/${childId}/${path}`)
      expect(res.status, path).toBe(200)
      expect(JSON.stringify(res.body), path).not.toContain(CANARY)
      if (path !== 'history') expect(JSON.stringify(res.body), path).not.toContain(NOTE)
    }
    // The child's own view never shows the begeleider's notes or marks.
    const own = dataOf(await emitAck(kind, 'gesprek:join', { gesprekId })).view!
    expect(own.notes).toEqual([])
    expect(own.traces).toBeUndefined()
    expect(own.items.map((i) => i.text)).toEqual([CANARY])
  }, 60_000)
})
