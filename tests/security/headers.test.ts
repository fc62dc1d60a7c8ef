import { describe, expect, it } from 'vitest'
import { connected, emitAck, HttpUser, seedOrganisations, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** Header snapshot; socket Origin and re-authentication on every reconnect. */
const { start, open } = useServers()

/** Seeded, nobody logged in: a test logs in itself when it needs to. */
async function boot(secure = false) {
  const server = await start({ secure, retentionDays: false })
  await seedOrganisations(server)
  return server
}

const SNAPSHOT = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

describe('security headers', () => {
  it('sends the same strict set on pages, API answers and errors; no-store on child and kamer routes', async () => {
    const server = await boot()
    const anon = new HttpUser(server.url)
    const paths: [string, string][] = [
      ['GET', '/kind'],
      ['GET', '/kamer'],
      ['GET', '/begeleider'],
      ['GET', '/'],
      ['GET', '/api/health'],
      ['GET', '/api/kind/receipt'],
      ['POST', '/api/kind/join'],
      ['GET', '/api/nope'],
      ['GET', '/no-such-file.js'],
    ]
    for (const [m, p] of paths) {
      const res = await anon.request(m, p, m === 'POST' ? { code: 'x' } : undefined)
      const got = Object.fromEntries(Object.keys(SNAPSHOT).map((k) => [k, res.headers.get(k)]))
      expect(got, `${m} ${p}`).toEqual(SNAPSHOT)
      // Inline scripts can never run: no 'unsafe-inline' or 'unsafe-eval' for scripts, no wildcard anywhere.
      const csp = res.headers.get('content-security-policy')!
      expect(csp).not.toMatch(/script-src[^;]*unsafe/)
      expect(csp).not.toContain('*')
      expect(res.headers.get('strict-transport-security'), 'no HSTS over plain http').toBeNull()
      expect(res.headers.get('cache-control'), `${m} ${p}`).toBe('no-store')
    }
  })

  it('lets only the tool preview page be framed, and only by our own origin', async () => {
    const server = await boot()
    const anon = new HttpUser(server.url)
    const preview = await anon.get('/begeleider/beheer/voorbeeld')
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(preview.headers.get('content-security-policy')).toBe(
      SNAPSHOT['content-security-policy'].replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
    )
    for (const p of ['/begeleider/beheer', '/begeleider/beheer/voorbeeld/x', '/kind', '/api/tool-versions'])
      expect((await anon.get(p)).headers.get('x-frame-options'), p).toBe('DENY')
  })

  it('adds HSTS behind TLS, and Secure on the session cookie', async () => {
    const server = await boot(true)
    const res = await new HttpUser(server.url).get('/kind')
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    const login = await fetch(server.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sanne', password: 'correct horse battery' }),
    })
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    // The __Host- prefix: the browser refuses it unless Secure, Path=/ and no Domain (no subdomain can plant one).
    expect(cookie).toMatch(/^__Host-kg_session=/)
    expect(cookie).not.toMatch(/Domain=/i)
    // The prefixed cookie is the one the server reads (here over plain http, as the tests run).
    const me = await fetch(server.url + '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } })
    expect(me.status).toBe(200)
  })

  it('refuses state-changing requests from another origin', async () => {
    const server = await boot()
    const r = await new HttpUser(server.url).request(
      'POST',
      '/api/auth/login',
      { username: 'sanne', password: 'x' },
      {
        origin: 'https://evil.example',
      },
    )
    expect(r.status).toBe(403)
  })
})

describe('socket handshake', () => {
  it('runs without connection state recovery, so authentication is never skipped', async () => {
    const server = await boot()
    expect(
      (server.io as unknown as { opts: { connectionStateRecovery?: unknown } }).opts.connectionStateRecovery,
    ).toBeFalsy()
  })

  it('refuses a foreign Origin', async () => {
    const server = await boot()
    const { token } = await startGesprek(server.url, await HttpUser.login(server.url, 'sanne'))
    const s = open(server.url, { token, origin: 'https://evil.example' })
    await expect(connected(s)).rejects.toThrow()
  })

  it('re-checks a revoked device token on reconnect', async () => {
    const server = await boot()
    const sanne = await HttpUser.login(server.url, 'sanne')
    const g = await startGesprek(server.url, sanne)
    const kid = open(server.url, { token: g.token })
    await connected(kid)
    expect((await emitAck(kid, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
    await server.deps.db.updateTable('device_tokens').set({ revoked_at: new Date().toISOString() }).execute()
    // The network blips: the same client reconnects with the same token and must be refused.
    kid.disconnect()
    kid.connect()
    await expect(connected(kid)).rejects.toThrow('not_logged_in')
  })

  it('ends the sockets of a session at logout, and the reconnect is refused', async () => {
    const server = await boot()
    const sanne = await HttpUser.login(server.url, 'sanne')
    const g = await startGesprek(server.url, sanne)
    const beg = open(server.url, { cookie: sanne.cookie })
    await connected(beg)
    expect((await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
    const ended = new Promise((resolve) => beg.once('session:ended', resolve))
    const gone = new Promise((resolve) => beg.once('disconnect', resolve))
    await sanne.post('/api/auth/logout')
    expect(await ended).toEqual({ reason: 'logout' })
    await gone
    beg.connect()
    await expect(connected(beg)).rejects.toThrow('not_logged_in')
  })
})
