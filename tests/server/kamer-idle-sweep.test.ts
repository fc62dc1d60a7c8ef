import { describe, expect, it } from 'vitest'
import { KAMER_IDLE_MS } from '../../server/auth/kamer'
import { sweepIdleKamers } from '../../server/realtime/io'
import { connected, fakeClock, HttpUser } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

describe('a kamer left open on a phone', () => {
  it('loses its socket once it has been idle too long, even when nothing is sent', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const child = await sanne.post('/api/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
    const setup = await new HttpUser(server.url).post('/api/kamer/setup', {
      code: invite.body.code,
      name: 'rustige kamer',
      secret: '482915',
    })
    const socket = open(server.url, { token: setup.body.token })
    await connected(socket)
    const ended = new Promise<unknown>((resolve) => socket.once('session:ended', resolve))

    clock.advance(KAMER_IDLE_MS - 60_000)
    expect(await sweepIdleKamers(server.io, server.deps)).toBe(0)
    expect(socket.connected).toBe(true)

    clock.advance(2 * 60_000)
    expect(await sweepIdleKamers(server.io, server.deps)).toBe(1)
    expect(await ended).toEqual({ reason: 'locked' })
    await new Promise((r) => setTimeout(r, 50))
    expect(socket.connected).toBe(false)
    // The token is locked for good: the kamer asks for the PIN again.
    const me = await new HttpUser(server.url, setup.body.token).get('/api/kamer/me')
    expect(me.status).toBe(401)
  })
})
