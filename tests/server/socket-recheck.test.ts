import { describe, expect, it } from 'vitest'
import { PRINCIPAL_RECHECK_MS } from '../../server/realtime/io'
import { connected, emitAck, fakeClock, msgId, startGesprek, type TestSocket } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

async function setup() {
  const clock = fakeClock()
  const { server, sanne } = await startSeeded({ clock })
  const { gesprekId, token } = await startGesprek(server.url, sanne)
  const beg = open(server.url, { cookie: sanne.cookie })
  const kind = open(server.url, { token })
  await Promise.all([connected(beg), connected(kind)])
  expect((await emitAck(beg, 'gesprek:join', { gesprekId })).ok).toBe(true)
  expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
  let n = 0
  const note = () =>
    emitAck(beg, 'gesprek:command', {
      gesprekId,
      clientMsgId: msgId(),
      event: { type: 'note.add', note: { id: `note-000${++n}`, text: 'rustig' } },
    })
  const next = () => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event: { type: 'nav.next' } })
  return { server, clock, beg, kind, note, next }
}

const ended = (s: TestSocket) =>
  new Promise<{ reason: string; disconnected: boolean }>((resolve) => {
    s.once('session:ended', ({ reason }) => s.once('disconnect', () => resolve({ reason, disconnected: true })))
  })

describe('an open socket re-checks its principal (deactivation from another process)', () => {
  it('refuses the next command of a begeleider deactivated in the database, once the re-check window has passed', async () => {
    const { server, clock, beg, note } = await setup()
    expect((await note()).ok).toBe(true)
    // What the CLI does in its own process: no hook reaches this server's sockets.
    await server.deps.db.updateTable('begeleiders').set({ active: 0 }).where('username', '=', 'sanne').execute()

    // Within the window the socket trusts its last check: no database read per command.
    clock.advance(PRINCIPAL_RECHECK_MS - 1000)
    expect((await note()).ok).toBe(true)

    clock.advance(2000)
    const end = ended(beg)
    expect(await note()).toEqual({ ok: false, error: 'session_expired' })
    expect(await end).toEqual({ reason: 'expired', disconnected: true })
    // The session row is gone too: a reconnect with the same cookie is refused at the handshake.
    expect(await server.deps.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0)
  })

  it('refuses a begeleider whose sessions were ended in the database (end-sessions from the CLI)', async () => {
    const { server, clock, beg, note } = await setup()
    await server.deps.db.deleteFrom('sessions').execute()
    clock.advance(PRINCIPAL_RECHECK_MS)
    const end = ended(beg)
    expect(await note()).toEqual({ ok: false, error: 'session_expired' })
    expect((await end).disconnected).toBe(true)
  })

  it("refuses a child's device token revoked in the database after the window", async () => {
    const { server, clock, kind, next } = await setup()
    expect((await next()).ok).toBe(true)
    await server.deps.db
      .updateTable('device_tokens')
      .set({ revoked_at: new Date(clock.now()).toISOString() })
      .execute()
    clock.advance(PRINCIPAL_RECHECK_MS)
    const end = ended(kind)
    expect(await next()).toEqual({ ok: false, error: 'session_expired' })
    expect((await end).disconnected).toBe(true)
  })

  it('keeps working for a principal that is still valid after many windows', async () => {
    const { clock, note, next } = await setup()
    for (let i = 0; i < 4; i++) {
      clock.advance(PRINCIPAL_RECHECK_MS + 1000)
      expect((await note()).ok).toBe(true)
      expect((await next()).ok).toBe(true)
    }
  })
})
