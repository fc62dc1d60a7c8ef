import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  connected,
  emitAck,
  errorOf,
  fakeClock,
  HttpUser,
  msgId,
  PASSWORD,
  seedOrganisations,
  startGesprek,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** Rate limits (docs/security.md): limits per IP, globally and per socket, on join codes, logins and commands. */
const { start, startSeeded, open } = useServers()

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** One join attempt from a chosen loopback address (Linux answers on all of 127.0.0.0/8). */
function join(port: number, code: string, from: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ code })
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/kind/join',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('rate limits', () => {
  it('10,000 join-code guesses from 100 addresses yield zero joins', { timeout: 180_000 }, async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock, retentionDays: false })
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const realCode = String(g.body.join!.code)
    const tokensBefore = (await server.deps.db.selectFrom('device_tokens').select('token_hash').execute()).length

    const statuses = new Map<number, number>()
    const total = 10_000
    let next = 0
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < total) {
          const i = next++
          const from = `127.0.0.${2 + (i % 100)}`
          // The real code is among the guesses, late: the limit holds even for the right answer.
          const guess =
            i === 9_000 ? realCode : Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * 32)]).join('')
          const status = await join(server.port, guess, from)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        }
      }),
    )
    console.log(JSON.stringify(Object.fromEntries(statuses)))
    expect(statuses.get(200) ?? 0).toBe(0)
    // At most the global ceiling got as far as checking a code; the rest were turned away unread.
    expect(statuses.get(429)).toBeGreaterThanOrEqual(total - 300)
    const tokensAfter = (await server.deps.db.selectFrom('device_tokens').select('token_hash').execute()).length
    expect(tokensAfter).toBe(tokensBefore)

    // The code itself was good: once the window has passed it works (so "zero" is the limiter's doing).
    clock.advance(61_000)
    expect(await join(server.port, realCode, '127.0.0.200')).toBe(200)
  })

  it('stops a password guesser per username, even with the right password afterwards', async () => {
    // Nobody logged in first: every login, good or bad, takes from this address's budget.
    const server = await start({ retentionDays: false })
    await seedOrganisations(server)
    const anon = new HttpUser(server.url)
    for (let i = 0; i < 10; i++)
      expect((await anon.post('/api/auth/login', { username: 'joris', password: `fout-${i}` })).status).toBe(401)
    const r = await anon.post('/api/auth/login', { username: 'joris', password: PASSWORD })
    expect(r.status).toBe(429)
    expect(r.body).toEqual({ error: 'rate_limited' })
    // Another user from the same address is not locked out by joris's guesser (until the per-IP ceiling).
    expect((await anon.post('/api/auth/login', { username: 'sanne', password: PASSWORD })).status).toBe(200)
  })

  it('limits commands per socket (token bucket) without harming another socket', async () => {
    const { server, sanne } = await startSeeded({ retentionDays: false })
    const g = await startGesprek(server.url, sanne)
    const flood = open(server.url, { token: g.token })
    const calm = open(server.url, { cookie: sanne.cookie })
    await Promise.all([connected(flood), connected(calm)])
    const acks = await Promise.all(
      Array.from({ length: 200 }, () => emitAck(flood, 'gesprek:join', { gesprekId: g.gesprekId })),
    )
    const limited = acks.filter((a) => errorOf(a) === 'rate_limited').length
    expect(limited).toBeGreaterThan(100)
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(40)
    expect(
      (
        await emitAck(calm, 'gesprek:command', {
          gesprekId: g.gesprekId,
          clientMsgId: msgId(),
          event: { type: 'note.add', note: { id: 'note-calm-01', text: 'rustig' } },
        })
      ).ok,
    ).toBe(true)
  })
})
