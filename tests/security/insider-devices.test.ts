import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
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
  type TestSocket,
  until,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

const CANARY = 'CANARY-nieuw-adres-Lindelaan-7'

async function childWithSecret() {
  const { server, sanne, ids } = await startSeeded()
  const g = await startGesprek(server.url, sanne)
  const kind = open(server.url, { token: g.token })
  await connected(kind)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
  const send = (s: TestSocket, event: unknown) =>
    emitAck(s, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
  expect((await send(kind, { type: 'nav.next' })).ok).toBe(true)
  expect((await send(kind, { type: 'item.add', item: { id: 'item-secret-1', text: CANARY } })).ok).toBe(true)
  expect((await send(kind, { type: 'share.set', itemIds: ['item-secret-1'], level: 'alleen-ik' })).ok).toBe(true)
  return { server, sanne, ids, ...g, kind, send }
}

/** A begeleider of the child's own team mints a code and redeems it in a browser of their own. */
async function mintAndRedeem(server: { url: string }, sanne: HttpUser, gesprekId: string, withCookie = false) {
  const code = await sanne.post(`/api/gesprekken/${gesprekId}/join-code`)
  expect(code.status).toBe(201)
  const browser = new HttpUser(server.url)
  if (withCookie) browser.cookie = sanne.cookie
  const joined = await browser.post<KindJoinOut>('/api/kind/join', { code: code.body.code })
  expect(joined.status).toBe(200)
  return joined.body as { token: string; trusted: boolean }
}

const texts = (v: GesprekView | null | undefined) => JSON.stringify(v ?? {})

describe('a begeleider cannot become the child (ADR 0010)', () => {
  it('a later code yields a device that sees no alleen-ik answer and cannot change a level', async () => {
    const { server, sanne, gesprekId, send } = await childWithSecret()
    const { token, trusted } = await mintAndRedeem(server, sanne, gesprekId)
    expect(trusted).toBe(false)
    const thief = open(server.url, { token })
    await connected(thief)
    const frames = collectViews(thief)
    const join = await emitAck(thief, 'gesprek:join', { gesprekId })
    expect(join.ok).toBe(true)
    expect(texts(dataOf(join).view)).not.toContain(CANARY)
    expect(dataOf(join).view!.items.map((i: { id: string }) => i.id)).not.toContain('item-secret-1')

    // Moving the private answer towards the parent handout: refused, and nothing is stored.
    for (const level of ['begeleider', 'begeleider-vertelt', 'zelf-vertellen'])
      expect(await send(thief, { type: 'share.set', itemIds: ['item-secret-1'], level })).toEqual({
        ok: false,
        error: 'device_pending',
      })
    expect(await send(thief, { type: 'item.remove', itemId: 'item-secret-1' })).toEqual({
      ok: false,
      error: 'device_pending',
    })
    expect(await send(thief, { type: 'item.update', itemId: 'item-secret-1', patch: { text: 'x' } })).toEqual({
      ok: false,
      error: 'device_pending',
    })
    // It cannot steer or end the child's gesprek either.
    expect(await send(thief, { type: 'gesprek.stop' })).toEqual({ ok: false, error: 'device_pending' })
    expect(await send(thief, { type: 'nav.next' })).toEqual({ ok: false, error: 'device_pending' })

    // Its own items it may add and set; they carry its device id, not the child's.
    expect((await send(thief, { type: 'item.add', item: { id: 'item-thief-1', text: 'van mij' } })).ok).toBe(true)
    expect((await send(thief, { type: 'share.set', itemIds: ['item-thief-1'], level: 'alleen-ik' })).ok).toBe(true)
    await until(() => frames.some((f) => f.view.items.some((i) => i.id === 'item-thief-1')))
    expect(frames.every((f) => !texts(f.view).includes(CANARY))).toBe(true)

    const oudergesprek = await sanne.get(`/api/workspace/children/${await childOf(server, gesprekId)}/oudergesprek`)
    expect(JSON.stringify(oudergesprek.body)).not.toContain(CANARY)
    const rows = await server.deps.db
      .selectFrom('gesprek_events')
      .select(['actor_role', 'actor_device', 'type', 'item_id'])
      .where('gesprek_id', '=', gesprekId)
      .orderBy('seq')
      .execute()
    const devices = new Set(rows.map((r) => r.actor_device))
    expect(devices.size).toBe(2)
    expect(rows.every((r) => r.actor_device)).toBe(true)
  })

  it('a begeleider browser (live session cookie) never becomes a trusted screen, not even the first one', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const browser = new HttpUser(server.url)
    browser.cookie = sanne.cookie
    const joined = await browser.post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    expect(joined.body.trusted).toBe(false)
  })

  it("the child's own screen is asked, calmly; a yes opens the child's view, a no ends the other screen", async () => {
    const { server, sanne, gesprekId, kind } = await childWithSecret()
    const asked = new Promise<{ devices: { deviceId: string }[] }>((resolve) =>
      kind.on('devices:pending', (p) => p.devices.length > 0 && resolve(p)),
    )
    const second = await mintAndRedeem(server, sanne, gesprekId)
    const other = open(server.url, { token: second.token })
    await connected(other)
    const frames = collectViews(other)
    expect((await emitAck(other, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const { devices } = await asked
    expect(devices).toHaveLength(1)

    // Only the child's own screen may answer: the waiting one cannot approve itself.
    expect(await emitAck(other, 'device:answer', { gesprekId, deviceId: devices[0]!.deviceId, allow: true })).toEqual({
      ok: false,
      error: 'forbidden',
    })

    expect(await emitAck(kind, 'device:answer', { gesprekId, deviceId: devices[0]!.deviceId, allow: true })).toEqual({
      ok: true,
      data: {},
    })
    await until(() => frames.some((f) => texts(f.view).includes(CANARY)))

    // A third screen, refused: it is ended at once.
    const third = await mintAndRedeem(server, sanne, gesprekId)
    const s3 = open(server.url, { token: third.token })
    await connected(s3)
    const gone = new Promise<void>((r) => s3.once('disconnect', () => r()))
    const asked3 = new Promise<{ devices: { deviceId: string }[] }>((resolve) =>
      kind.on('devices:pending', (p) => p.devices.length > 0 && resolve(p)),
    )
    expect((await emitAck(s3, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const { devices: d3 } = await asked3
    expect((await emitAck(kind, 'device:answer', { gesprekId, deviceId: d3[0]!.deviceId, allow: false })).ok).toBe(true)
    await gone
    await expect(connected(open(server.url, { token: third.token }))).rejects.toThrow('not_logged_in')
  })

  it("a screen joined first by the begeleider does not see what the child's later screen keeps to itself", async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const gesprekId = g.body.gesprek.id
    // The begeleider takes the first code themselves, in a browser without their session.
    const first = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
    expect(first.body.trusted).toBe(true)
    const held = open(server.url, { token: first.body.token })
    await connected(held)
    const heldFrames = collectViews(held)
    expect((await emitAck(held, 'gesprek:join', { gesprekId })).ok).toBe(true)
    expect(
      (await emitAck(held, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } })).ok,
    ).toBe(true)
    // The child gets a second code and joins: that screen waits for a yes, but its own answers are its own.
    const second = await mintAndRedeem(server, sanne, gesprekId)
    const kind = open(server.url, { token: second.token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    expect((await send({ type: 'item.add', item: { id: 'item-child-1', text: CANARY } })).ok).toBe(true)
    expect((await send({ type: 'share.set', itemIds: ['item-child-1'], level: 'alleen-ik' })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'item-child-2', text: 'gedeeld' } })).ok).toBe(true)
    await until(() => heldFrames.some((f) => f.view.items.some((i) => i.id === 'item-child-2')))
    // Items start at "begeleider" in a guided gesprek (the begeleider sits beside the child); once the
    // child's screen keeps one to itself, the held screen no longer has it.
    expect(texts(heldFrames.at(-1)!.view)).not.toContain(CANARY)
    const rejoin = await emitAck(held, 'gesprek:join', { gesprekId })
    expect(texts(dataOf(rejoin).view)).not.toContain(CANARY)
    // The held screen cannot re-level the child's screen's items either.
    expect(
      await emitAck(held, 'gesprek:command', {
        gesprekId,
        clientMsgId: msgId(),
        event: { type: 'share.set', itemIds: ['item-child-2'], level: 'begeleider-vertelt' },
      }),
    ).toEqual({ ok: false, error: 'forbidden' })
  })

  it("every way to a child's token is on the child's receipt, with its time", async () => {
    const { server, sanne, gesprekId, token } = await childWithSecret()
    await mintAndRedeem(server, sanne, gesprekId)
    const receipt = await new HttpUser(server.url, token).get('/api/kind/receipt')
    expect(receipt.status).toBe(200)
    const whats = (receipt.body.entries as { what: string; who: string }[]).map((e) => e.what)
    expect(whats).toContain('join')
    expect(whats).toContain('second-device')
    expect(JSON.stringify(receipt.body)).not.toContain(CANARY)
  })
})

describe('the receipt records every part that reached a begeleider screen', () => {
  it('also the parts pushed after the begeleider joined', async () => {
    const { server, sanne } = await startSeeded()
    const g = await startGesprek(server.url, sanne)
    const beg = open(server.url, { cookie: sanne.cookie })
    const kind = open(server.url, { token: g.token })
    await Promise.all([connected(beg), connected(kind)])
    const frames = collectViews(beg)
    expect((await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
    const send = (event: unknown) =>
      emitAck(kind, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'item-later-1', text: 'fietsen' } })).ok).toBe(true)
    await until(() => frames.some((f) => f.view.items.length > 0))
    const receipt = await new HttpUser(server.url, g.token).get('/api/kind/receipt')
    const live = (receipt.body.entries as { what: string; stepIds: string[] }[]).find((e) => e.what === 'live')!
    expect(live.stepIds).toContain('huis-goed')
  })
})

async function childOf(server: { deps: { db: any } }, gesprekId: string): Promise<string> {
  const row = await server.deps.db
    .selectFrom('gesprekken')
    .select('child_id')
    .where('id', '=', gesprekId)
    .executeTakeFirst()
  return row.child_id
}
