import type { KamerGesprek, KamerTokenOut } from '../../dialogs/contract/kamer'
import type { GesprekDetail, JoinCodeOut } from '../../dialogs/contract/http'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import type { GesprekView } from '../../dialogs/contract/view'
import type { AgeBand } from '../../dialogs/contract/ids'
import { TOOLS } from '../../dialogs/registry'
import {
  captureLog,
  connected,
  dataOf,
  emitAck,
  HttpUser,
  msgId,
  onViews,
  type TestServer,
  type TestSocket,
  until,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { fittingItem } from './drive'

/**
 * Issue 4, enforcement: in a kamer, items at "alleen ik" are never sent to any socket but the jongere's own.
 * Every frame that reaches a begeleider socket is recorded twice: decoded (socket.io `onAny`) and raw
 * (engine.io packets, before socket.io decodes them). A unique canary rides in every item the jongere keeps
 * to themself; a second marker rides in one item they share, to prove the recorders hear what is sent.
 */

const { startSeeded, open } = useServers()

/** Every frame a socket receives, as text: raw engine packets and decoded events. */
function record(socket: TestSocket): string[] {
  const frames: string[] = []
  const raw = socket as unknown as Socket
  raw.io.engine.on('packet', (p: { type: string; data?: unknown }) =>
    frames.push(`${p.type}:${typeof p.data === 'string' ? p.data : JSON.stringify(p.data ?? null)}`),
  )
  raw.onAny((event: string, ...args: unknown[]) => frames.push(JSON.stringify([event, ...args])))
  return frames
}

/**
 * A kamer gesprek the way a jongere gets one: invite, name and PIN, then the gesprek from the kamer.
 * (It used to be made with host.create and a device token; a kamer gesprek is now sealed under its
 * kamer's PIN, so only the kamer route can make one the host can open.)
 */
async function kamerGesprek(server: TestServer, sanne: HttpUser, toolId: string, ageBand: AgeBand) {
  const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand })
  expect(child.status).toBe(201)
  const childId = (child.body as { id: string }).id
  const invite = await sanne.post<JoinCodeOut>(`/api/kamer/children/${childId}/invite`)
  const setup = await new HttpUser(server.url).post<KamerTokenOut>('/api/kamer/setup', {
    code: invite.body.code,
    name: `kamer ${randomUUID().slice(0, 8)}`,
    secret: '482915',
  })
  expect(setup.status).toBe(200)
  const token = String(setup.body.token)
  const g = await new HttpUser(server.url, token).post<KamerGesprek>('/api/kamer/gesprekken', { toolId })
  expect(g.status).toBe(200)
  return { childId, gesprekId: String(g.body.id), token }
}

const KAMER_TOOLS = TOOLS.filter((t) => t.operator === 'kind' && t.settings.includes('kamer'))

describe('kamer: "alleen ik" never reaches a begeleider socket', () => {
  it('has kamer tools to test', () => {
    expect(KAMER_TOOLS.length).toBeGreaterThan(0)
  })

  it.each(KAMER_TOOLS.map((t) => [t.id]))(
    '%s: the canary appears in no begeleider frame, page or log line',
    async (toolId) => {
      const tool = KAMER_TOOLS.find((t) => t.id === toolId)!
      const logs = captureLog()
      const { server, sanne } = await startSeeded({ log: logs.log })
      const admin = await HttpUser.login(server.url, 'admin-a')
      const { gesprekId, token } = await kamerGesprek(
        server,
        sanne,
        tool.id,
        tool.ageBands.find((b) => b === '12-15' || b === '16-18')!,
      )
      const CANARY = `CANARY${randomUUID().replace(/-/g, '')}`
      const SHARED = `SHARED${randomUUID().replace(/-/g, '')}`

      // Two begeleider sockets of Sanne and one of the team's admin, all in the room before anything happens.
      const watchers = [open(server.url, { cookie: sanne.cookie }), open(server.url, { cookie: sanne.cookie })]
      watchers.push(open(server.url, { cookie: admin.cookie }))
      const frames = watchers.map(record)
      await Promise.all(watchers.map(connected))
      for (const w of watchers) expect((await emitAck(w, 'gesprek:join', { gesprekId })).ok).toBe(true)

      const kind = open(server.url, { token })
      const kindFrames = record(kind)
      await connected(kind)
      expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
      let current: GesprekView = dataOf(await emitAck(kind, 'gesprek:join', { gesprekId })).view!
      onViews(kind, (_id, _seq, view) => void (current = view))
      const send = async (event: unknown, s: TestSocket = kind) =>
        emitAck(s, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })

      // Walk every step; in each step that takes answers, add canary items (and a canary follow-up).
      let added = 0
      let sharedId: string | undefined
      for (let guard = 0; guard < 40 && current.phase === 'actief' && current.step; guard++) {
        const spec = tool.steps.find((s) => s.id === current.step!.id)!
        for (let n = 0; n < 2; n++) {
          const id = `item-${spec.id}-${n}`.slice(0, 60)
          const items = current.items as never
          const item = fittingItem(spec, id, `${CANARY} ${spec.id} ${n}`, items)
          if (!item) break
          const ack = await send({ type: 'item.add', item })
          expect(ack.ok, `${spec.id}: ${JSON.stringify(ack)}`).toBe(true)
          added++
          const follow = spec.followUps?.[0]
          if (follow)
            expect(
              (await send({ type: 'item.update', itemId: id, patch: { followUps: { [follow]: CANARY } } })).ok,
            ).toBe(true)
        }
        if (!sharedId) {
          const item = fittingItem(spec, 'item-shared-0001', SHARED, current.items)
          if (item && (await send({ type: 'item.add', item })).ok) {
            sharedId = item.id
            expect(await send({ type: 'share.set', itemIds: [sharedId], level: 'begeleider' })).toMatchObject({
              ok: true,
            })
          }
        }
        const next = await send({ type: current.can.next ? 'nav.next' : 'nav.skip' })
        expect(next.ok).toBe(true)
        await until(() => current.step?.id !== spec.id || current.phase !== 'actief')
      }
      expect(added).toBeGreaterThan(0)
      expect(sharedId).toBeDefined()
      const allIds = current.items.filter((i) => i.id !== sharedId).map((i) => i.id)
      // Re-confirming "alleen ik" is a real change event: it is broadcast too, and must still carry nothing.
      expect((await send({ type: 'share.set', itemIds: allIds, level: 'alleen-ik' })).ok).toBe(true)

      // The begeleider may mark worry on what was shared, never change the jongere's choice; a note of
      // theirs in the jongere's own kamer is refused too (issue 17: the kamer is the jongere's).
      const beg = watchers[0]!
      expect((await send({ type: 'worry.mark', itemId: sharedId, on: true }, beg)).ok).toBe(true)
      expect(await send({ type: 'note.add', note: { id: 'note-canary-1', text: 'rustig' } }, beg)).toEqual({
        ok: false,
        error: 'forbidden',
      })
      for (const event of [
        { type: 'share.set', itemIds: [sharedId], level: 'begeleider-vertelt' },
        { type: 'share.set', itemIds: [allIds[0]], level: 'begeleider' },
        { type: 'item.remove', itemId: sharedId },
        { type: 'item.update', itemId: sharedId, patch: { text: 'x' } },
      ])
        expect(await send(event, beg)).toEqual({ ok: false, error: 'forbidden' })

      // A full resync (lastSeq unknown) and a late joiner get the whole begeleider view: still no canary.
      expect((await emitAck(beg, 'gesprek:join', { gesprekId })).ok).toBe(true)
      const late = open(server.url, { cookie: sanne.cookie })
      frames.push(record(late))
      await connected(late)
      expect((await emitAck(late, 'gesprek:join', { gesprekId })).ok).toBe(true)
      // Another team's begeleider is not even let in.
      const joris = await HttpUser.login(server.url, 'joris')
      const outsider = open(server.url, { cookie: joris.cookie })
      await connected(outsider)
      expect(await emitAck(outsider, 'gesprek:join', { gesprekId })).toEqual({ ok: false, error: 'not_found' })

      await until(() => frames.every((f) => f.join('\n').includes('"worry":true')))
      for (const f of frames) {
        const all = f.join('\n')
        expect(all).toContain(SHARED) // the recorder hears what is shared…
        expect(all).not.toContain(CANARY) // …and never what is not
      }
      // The jongere's own socket does get the canary: the test would see it if it were sent.
      expect(kindFrames.join('\n')).toContain(CANARY)

      // The page (HTTP) the begeleider opens shows the same projection.
      const page = await sanne.get<GesprekDetail>(`/api/gesprekken/${gesprekId}`)
      expect(page.status).toBe(200)
      expect(JSON.stringify(page.body)).toContain(SHARED)
      expect(JSON.stringify(page.body)).not.toContain(CANARY)

      // Not in the log, and not in plaintext on disk (sealed with the child's key).
      expect(logs.lines.join('\n')).not.toContain(CANARY)
      for (const file of readdirSync(server.dataDir))
        expect(readFileSync(join(server.dataDir, file)).includes(CANARY), file).toBe(false)
    },
    60_000,
  )
})
