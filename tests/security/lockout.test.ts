import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { fakeClock, HttpUser, PASSWORD } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/**
 * Limits slow a guesser down without locking the real user out, and say nothing about which
 * accounts or kamer names exist. Each address is a loopback address of its own (Linux answers on all
 * of 127.0.0.0/8), so no proxy is needed here (tests/security/proxy.test.ts covers one).
 */
const { startSeeded } = useServers()

function post(port: number, path: string, body: unknown, from: string) {
  return new Promise<{ status: number; body: { error?: string; token?: string } }>((resolve, reject) => {
    const data = JSON.stringify(body)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') as never }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

const PIN = '482915'

describe('limits that cannot lock people out', () => {
  it('sixty guessing addresses do not fill the join ceiling for a real child', { timeout: 120_000 }, async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock(), retentionDays: false })
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    for (let a = 0; a < 60; a++)
      await Promise.all(
        Array.from({ length: 5 }, () => post(server.port, '/api/kind/join', { code: 'AAAA-AAAA' }, `127.0.1.${a + 1}`)),
      )
    // The guessers are still turned away...
    expect((await post(server.port, '/api/kind/join', { code: 'AAAA-AAAA' }, '127.0.1.1')).status).toBe(429)
    // ...and a real child on a fresh address joins.
    expect((await post(server.port, '/api/kind/join', { code: String(g.body.join!.code) }, '127.0.2.1')).status).toBe(
      200,
    )
  })

  it('wrong passwords for a named begeleider do not lock them out elsewhere', { timeout: 60_000 }, async () => {
    const { server } = await startSeeded({ clock: fakeClock(), retentionDays: false })
    const login = (password: string, from: string) =>
      post(server.port, '/api/auth/login', { username: 'joris', password }, from)
    for (let i = 0; i < 12; i++) await login(`fout-${i}`, '127.0.3.1')
    // The guesser's address is stopped, even with the right password...
    expect((await login(PASSWORD, '127.0.3.1')).status).toBe(429)
    // ...but Joris at his own desk gets in, and may even mistype once first.
    expect((await login('typo', '127.0.3.2')).status).toBe(401)
    expect((await login(PASSWORD, '127.0.3.2')).status).toBe(200)
    // Renewing the attack from the same address does not lock him out either.
    for (let i = 0; i < 5; i++) await login(`fout-${i}`, '127.0.3.1')
    expect((await login(PASSWORD, '127.0.3.2')).status).toBe(200)
  })

  it('wrong PINs on a kamer name do not lock its jongere out, and unknown names answer alike', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock(), retentionDays: false })
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
    const setup = await post(
      server.port,
      '/api/kamer/setup',
      { code: invite.body.code, name: 'nachtlamp', secret: PIN },
      '127.0.4.9',
    )
    expect(setup.status).toBe(200)
    const open = (name: string, secret: string, from: string) =>
      post(server.port, '/api/kamer/open', { name, secret }, from)
    const real: (string | undefined)[] = []
    const phantom: (string | undefined)[] = []
    for (let i = 0; i < 7; i++) real.push((await open('nachtlamp', '000123', '127.0.4.1')).body.error)
    for (let i = 0; i < 7; i++) phantom.push((await open('bestaat-niet', '000123', '127.0.4.1')).body.error)
    // No probing: a real name and a made-up one give the same answers in the same order.
    expect(real).toEqual(phantom)
    expect(real.at(-1)).toBe('kamer_locked')
    // The jongere on their own phone still gets in.
    expect((await open('nachtlamp', PIN, '127.0.4.2')).status).toBe(200)
  })

  it('setup does not tell whether a kamer name is taken', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock(), retentionDays: false })
    const kamer = async (nickname: string, secret: string) => {
      const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand: '12-15' })
      const invite = await sanne.post(`/api/kamer/children/${child.body.id}/invite`)
      return new HttpUser(server.url).post('/api/kamer/setup', { code: invite.body.code, name: 'zolder', secret })
    }
    expect((await kamer('Sam', '482915')).status).toBe(200)
    expect((await kamer('Lina', '739104')).status).toBe(200)
    // Both kamers open, each with its own PIN.
    const anon = new HttpUser(server.url)
    const a = await anon.post('/api/kamer/open', { name: 'zolder', secret: '482915' })
    const b = await anon.post('/api/kamer/open', { name: 'zolder', secret: '739104' })
    expect([a.status, b.status]).toEqual([200, 200])
    const who = async (token: string) => (await new HttpUser(server.url, token).get('/api/kamer/receipt')).status
    expect(await who(String(a.body.token))).toBe(200)
    expect(a.body.token).not.toBe(b.body.token)
  })
})
