import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { useScryptStrengthForTests } from '../../server/auth/passwords'
import { fakeClock, PASSWORD } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** A login flood must not slow a real login down: scrypt runs under a ceiling, known guessers queue last. */
const { startSeeded } = useServers()
// The ceiling is about scrypt's real cost: this file's logins hash at full strength (tests/setup.ts makes them cheap).
useScryptStrengthForTests('full')

function login(port: number, username: string, password: string, from: string) {
  return new Promise<number>((resolve, reject) => {
    const data = JSON.stringify({ username, password })
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

describe('scrypt ceiling', () => {
  it('a real login goes ahead of a running flood of wrong passwords', { timeout: 120_000 }, async () => {
    const { server } = await startSeeded({ clock: fakeClock(), retentionDays: false })
    let answered = 0
    let stop = false
    const flood = Array.from({ length: 16 }, async (_, a) => {
      for (let i = 0; i < 6 && !stop; i++) {
        await login(server.port, 'joris', `fout-${i}`, `127.0.7.${a + 1}`)
        answered++
      }
    })
    // Every flooding address has gone wrong at least once before the real login starts.
    while (answered < 20) await new Promise((r) => setTimeout(r, 10))
    const before = answered
    expect(await login(server.port, 'sanne', PASSWORD, '127.0.8.1')).toBe(200)
    const servedAhead = answered - before
    stop = true
    await Promise.all(flood)
    // Without the ceiling the real login queued behind every guess in flight (about 16).
    expect(servedAhead).toBeLessThanOrEqual(8)
  })
})
