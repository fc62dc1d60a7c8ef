import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut } from '../../dialogs/contract/http'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { CHILD_IDLE_MS } from '../../server/auth/join-codes'
import { KAMER_IDLE_MS } from '../../server/auth/kamer'
import { SESSION_IDLE_MS } from '../../server/auth/sessions'
import {
  collectViews,
  connected,
  emitAck,
  fakeClock,
  HttpUser,
  msgId,
  startGesprek,
  type TestSocket,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const run = promisify(execFile)
const { startSeeded, open } = useServers()

/** Every way a right ends must end the open socket within this (issue: rights end, views end). */
const WITHIN_MS = 1000

/** Resolves with how long after `since` the socket was disconnected, and the reason it was told. */
function endOf(s: TestSocket) {
  let reason: string | null = null
  s.on('session:ended', (e) => void (reason = e.reason))
  const at = new Promise<number>((resolve) => s.once('disconnect', () => resolve(Date.now())))
  return {
    within: async (since: number) => {
      const t = await Promise.race([at, new Promise<number>((r) => setTimeout(() => r(Infinity), 5000))])
      return { ms: t - since, reason }
    },
  }
}

async function live(opts: { clock?: ReturnType<typeof fakeClock> } = {}) {
  const { server, ids, sanne } = await startSeeded(opts.clock ? { clock: opts.clock } : {})
  const { gesprekId, token, childId } = await startGesprek(server.url, sanne)
  const beg = open(server.url, { cookie: sanne.cookie })
  const kind = open(server.url, { token })
  await Promise.all([connected(beg), connected(kind)])
  expect((await emitAck(beg, 'gesprek:join', { gesprekId })).ok).toBe(true)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
  const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  return { server, ids, sanne, gesprekId, childId, token, beg, kind, send }
}

describe('when a right ends, every open view ends within a second', () => {
  it('deactivation by an admin ends the begeleider socket', async () => {
    const { server, ids, beg } = await live()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const end = endOf(beg)
    const r = await admin.post(`/api/beheer/begeleiders/${ids.a1}/deactivate`)
    expect(r.status).toBe(200)
    const { ms, reason } = await end.within(Date.now())
    expect(ms).toBeLessThan(WITHIN_MS)
    expect(reason).toBe('locked')
  })

  it('deactivation from the admin CLI (another process) ends the socket', async () => {
    const { server, ids, beg } = await live()
    const end = endOf(beg)
    const started = Date.now()
    await run(
      'npx',
      ['tsx', 'server/cli.ts', 'deactivate', '--organisation-id', ids.a.organisationId, '--begeleider-id', ids.a1],
      { env: { ...process.env, ...server.env } },
    )
    const cliDone = Date.now()
    const { ms } = await end.within(cliDone)
    // The notice is in the table before the CLI exits: the socket may even end before that.
    expect(ms).toBeLessThan(WITHIN_MS)
    expect(cliDone - started).toBeGreaterThan(0)
  }, 60_000)

  it('logout everywhere ends the socket of every session', async () => {
    const { server, sanne, beg } = await live()
    const other = await HttpUser.login(server.url, 'sanne')
    const beg2 = open(server.url, { cookie: other.cookie })
    await connected(beg2)
    const e1 = endOf(beg)
    const e2 = endOf(beg2)
    expect((await sanne.post('/api/auth/logout-everywhere')).status).toBe(200)
    const now = Date.now()
    expect((await e1.within(now)).ms).toBeLessThan(WITHIN_MS)
    expect((await e2.within(now)).ms).toBeLessThan(WITHIN_MS)
  })

  it('session expiry (idle) ends the begeleider socket without anything being sent', async () => {
    const clock = fakeClock()
    const { beg, kind } = await live({ clock })
    const end = endOf(beg)
    const kindEnd = endOf(kind)
    clock.advance(SESSION_IDLE_MS + 1000)
    const { ms, reason } = await end.within(Date.now())
    expect(ms).toBeLessThan(WITHIN_MS)
    expect(reason).toBe('expired')
    // The child tablet went idle too (15 minutes): it ends as well.
    expect((await kindEnd.within(Date.now())).ms).toBeLessThan(WITHIN_MS)
  })

  it('an idle child tablet ends, also when nothing is sent; an active one does not', async () => {
    const clock = fakeClock()
    const { kind, send } = await live({ clock })
    const end = endOf(kind)
    clock.advance(CHILD_IDLE_MS - 60_000)
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    // Activity moved the idle deadline on: past the first deadline the socket stays.
    clock.advance(2 * 60_000)
    await new Promise((r) => setTimeout(r, 600))
    expect(kind.connected).toBe(true)
    clock.advance(CHILD_IDLE_MS)
    const { ms, reason } = await end.within(Date.now())
    expect(ms).toBeLessThan(WITHIN_MS)
    expect(reason).toBe('expired')
  })

  it('the end of the gesprek revokes the child device: its screen ends and the token opens nothing', async () => {
    const { server, sanne, gesprekId, kind, send, token } = await live()
    const end = endOf(kind)
    expect((await send({ type: 'gesprek.stop' })).ok).toBe(true)
    const { ms } = await end.within(Date.now())
    expect(ms).toBeLessThan(WITHIN_MS)
    const again = open(server.url, { token })
    await expect(connected(again)).rejects.toThrow('not_logged_in')
    // And no new screen for a stopped gesprek.
    const code = await sanne.post(`/api/gesprekken/${gesprekId}/join-code`)
    expect(code.status).toBe(409)
    expect(code.body).toEqual({ error: 'not_allowed_now' })
  })

  it('a join code minted before the stop opens nothing after it', async () => {
    const { server, sanne, gesprekId, send } = await live()
    const code = await sanne.post(`/api/gesprekken/${gesprekId}/join-code`)
    expect(code.status).toBe(201)
    expect((await send({ type: 'gesprek.stop' })).ok).toBe(true)
    const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: code.body.code })
    expect(joined.status).toBe(400)
    expect(joined.body).toEqual({ error: 'code_expired' })
  })

  it('a device token revoked from another process (a notice in the table) ends its socket', async () => {
    const { server, kind, token } = await live()
    const { hashToken } = await import('../../server/ids')
    const { writeRevocation } = await import('../../server/realtime/revocation-table')
    const end = endOf(kind)
    await writeRevocation(server.deps.db, { type: 'token', tokenHash: hashToken(token), reason: 'locked' })
    expect((await end.within(Date.now())).ms).toBeLessThan(WITHIN_MS)
  })

  it('a team move (warm handover) takes the old team out of the live room at once', async () => {
    const { server, ids, childId, beg, send } = await live()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const views = collectViews(beg)
    const ended = new Promise<{ gesprekId: string }>((r) => beg.once('gesprek:ended', r))
    const r = await admin.post(`/api/beheer/children/${childId}/move`, { teamId: ids.a2Team, begeleiderId: ids.a2 })
    expect(r.status).toBe(200)
    const t0 = Date.now()
    await ended
    expect(Date.now() - t0).toBeLessThan(WITHIN_MS)
    const before = views.length
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect((await send({ type: 'item.add', item: { id: 'item-moved-1', text: 'na de verhuizing' } })).ok).toBe(true)
    await new Promise((res) => setTimeout(res, 300))
    expect(views.length).toBe(before)
  })

  it('a kamer left open on a phone locks by itself when idle', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
    const setup = await new HttpUser(server.url).post('/api/kamer/setup', {
      code: invite.body.code,
      name: 'rustige kamer',
      secret: '482915',
    })
    const socket = open(server.url, { token: setup.body.token })
    await connected(socket)
    const end = endOf(socket)
    clock.advance(KAMER_IDLE_MS + 1000)
    const { ms, reason } = await end.within(Date.now())
    expect(ms).toBeLessThan(WITHIN_MS)
    expect(reason).toBe('locked')
    // The token is locked for good: the kamer asks for the PIN again.
    expect((await new HttpUser(server.url, setup.body.token).get('/api/kamer/me')).status).toBe(401)
  })
})

describe('bounds per token', () => {
  it('refuses a sixth socket on one token', async () => {
    const { server, token } = await live()
    // One socket is open already (live()); four more fit.
    for (let i = 0; i < 4; i++) await connected(open(server.url, { token }))
    await expect(connected(open(server.url, { token }))).rejects.toThrow('too_many_connections')
  })
})
