import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwords'
import { iso } from '../../server/clock'
import { hashToken } from '../../server/ids'
import { HttpUser } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/**
 * Someone holding a backup file (no instance key) must not be able to check guesses against it: kamer
 * names, join codes and invite codes are keyed indexes, the PIN is peppered (server/crypto/secrets.ts).
 */
const { startSeeded } = useServers()
const PIN = '482915'

describe('a backup gives away no kamer and no live code', () => {
  it('stores join codes, invite codes and kamer names as keyed indexes, not plain SHA-256', async () => {
    const { server, sanne } = await startSeeded({ retentionDays: false })
    const mo = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: mo.body.id, toolId: 'drie-huizen' })
    const code = String(g.body.join!.code).replace('-', '')
    const db = server.deps.db
    const codes = (await db.selectFrom('join_codes').select('code_hash').execute()).map((r) => r.code_hash)
    expect(codes).toHaveLength(1)
    expect(codes).not.toContain(hashToken(code))

    const sam = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const invite = await sanne.post(`/api/kamer/children/${sam.body.id}/invite`)
    const inviteCode = String(invite.body.code).replace('-', '')
    const invites = (await db.selectFrom('kamer_invites').select('code_hash').execute()).map((r) => r.code_hash)
    expect(invites).not.toContain(hashToken(`kamer-invite:${inviteCode}`))
    const anon = new HttpUser(server.url)
    expect(
      (await anon.post('/api/kamer/setup', { code: invite.body.code, name: 'nachtlamp', secret: PIN })).status,
    ).toBe(200)
    const kamers = await db.selectFrom('kamers').selectAll().execute()
    expect(kamers.map((k) => k.name_key)).not.toContain(hashToken('kamer:nachtlamp'))
    // No PIN hash that plain scrypt could test: only the data key sealed under the peppered PIN's key.
    expect(kamers[0]).toMatchObject({ legacy_secret_hash: null, legacy_name_key: null })
    expect(kamers[0]!.key_sealed).toMatch(/^v1\./)
  })

  it('upgrades a kamer from before the keyed index at its first open with the right name and PIN', async () => {
    const { server, sanne } = await startSeeded({ retentionDays: false })
    const sam = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
    const now = iso(server.deps.clock)
    // A row as migration 20 leaves an existing kamer.
    await server.deps.db
      .insertInto('kamers')
      .values({
        id: String(sam.body.id),
        child_id: String(sam.body.id),
        name_key: null,
        pin_kdf: null,
        key_sealed: null,
        legacy_name_key: hashToken('kamer:oude zolder'),
        legacy_secret_hash: await hashPassword(PIN),
        opened_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const anon = new HttpUser(server.url)
    expect((await anon.post('/api/kamer/open', { name: 'oude zolder', secret: '739104' })).status).toBe(401)
    expect((await anon.post('/api/kamer/open', { name: 'Oude Zolder', secret: PIN })).status).toBe(200)
    const row = await server.deps.db.selectFrom('kamers').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ legacy_name_key: null, legacy_secret_hash: null })
    expect(row.key_sealed).toMatch(/^v1\./)
    // From now on the new index finds it.
    expect((await anon.post('/api/kamer/open', { name: 'oude zolder', secret: PIN })).status).toBe(200)
  })
})
