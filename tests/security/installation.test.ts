import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { valuesJoined } from '../../server/cli-args'
import { passwordIsStrongEnough } from '../../server/auth/passwords'
import type { SessionsOut } from '../../dialogs/contract/http'
import { HttpUser, onPostgres, tempDir } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** Smaller findings about a real installation: demo account, passwords, file modes, socket headers, CLI ids. */
const { start, startSeeded } = useServers()

describe('a real installation', () => {
  it('gets no demo account with a known password behind TLS or with PUBLIC_ORIGINS', async () => {
    for (const opts of [{ secure: true }, { origins: ['https://kindgesprek.example.nl'] }]) {
      const server = await start({ demo: true, retentionDays: false, ...opts })
      expect(server.demo).toBeNull()
      const demo = await server.deps.db.selectFrom('begeleiders').select('id').where('username', '=', 'demo').execute()
      expect(demo).toEqual([])
    }
    // Local, as `npm start` runs it: still there.
    expect((await start({ demo: true, retentionDays: false })).demo).not.toBeNull()
  })

  it('refuses passwords that are only long: ten spaces, one letter repeated, padding', async () => {
    for (const weak of [' '.repeat(10), 'a'.repeat(12), '   abc    ', 'abababababab', '  1234  1234  '])
      expect(passwordIsStrongEnough(weak), JSON.stringify(weak)).toBe(false)
    for (const fine of ['correct horse battery', 'Zonnebloem-42', 'een lange zin'])
      expect(passwordIsStrongEnough(fine), fine).toBe(true)
    const { server, ids } = await startSeeded({ retentionDays: false })
    const admin = await HttpUser.login(server.url, 'admin-a')
    const r = await admin.post('/api/beheer/begeleiders', {
      teamId: ids.a.teamId,
      username: 'spatie',
      displayName: 'Spatie',
      password: ' '.repeat(10),
    })
    expect(r.body).toEqual({ error: 'password_too_short' })
  })

  it('makes DATA_DIR 0700 and its files 0600 even when the folder existed with looser modes', async () => {
    const dir = join(tempDir(), 'data')
    mkdirSync(dir, { mode: 0o755 })
    chmodSync(dir, 0o755)
    writeFileSync(join(dir, 'instance.key'), Buffer.alloc(32, 1).toString('base64'), { mode: 0o644 })
    chmodSync(join(dir, 'instance.key'), 0o644)
    const server = await start({ dataDir: dir, retentionDays: false })
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    // On PostgreSQL the folder holds no database file; what it does hold is still closed.
    const files = onPostgres() ? ['instance.key'] : ['kindgesprek.sqlite', 'kindgesprek.sqlite-wal', 'instance.key']
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600)
    await server.stop()
  })

  it('sends the security headers on /socket.io/ too', async () => {
    const server = await start({ retentionDays: false })
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`)
    await res.text()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('the admin CLI takes ids that start with "-" in the README form --team-id ID', () => {
    // What went wrong: parseArgs takes "-x3Fq9" for an option of its own.
    expect(() => parseArgs({ args: ['--team-id', '-x3Fq9'], options: { 'team-id': { type: 'string' } } })).toThrow()
    const options = new Set(['team-id', 'username'])
    expect(valuesJoined(['--team-id', '-x3Fq9', '--username', 'sanne', '--admin'], options)).toEqual([
      '--team-id=-x3Fq9',
      '--username=sanne',
      '--admin',
    ])
  })
})

describe('sessions', () => {
  it('an old session stays visible after a new login and can be ended from the new one', async () => {
    const { server } = await startSeeded({ retentionDays: false })
    const old = await HttpUser.login(server.url, 'joris')
    const now = await HttpUser.login(server.url, 'joris')
    const list = await now.get<SessionsOut>('/api/auth/sessions')
    expect(list.body.sessions).toHaveLength(2)
    expect(list.body.sessions.filter((s) => s.current)).toHaveLength(1)
    expect((await now.post('/api/auth/sessions/end-others')).body).toEqual({ ok: true, ended: 1 })
    expect((await old.get('/api/auth/me')).body).toEqual({ error: 'not_logged_in' })
    expect((await now.get('/api/auth/me')).status).toBe(200)
  })
})
