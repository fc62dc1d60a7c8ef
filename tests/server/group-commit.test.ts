import { describe, expect, it } from 'vitest'
import { GroupCommit, type GesprekWrite } from '../../server/gesprek/group-commit'
import { startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

/** A write that moves a gesprek from `fromSeq` to `fromSeq + 1` with a placeholder sealed payload. */
const writeFor = (gesprekId: string, fromSeq: number, msg: string): GesprekWrite => ({
  event: {
    gesprek_id: gesprekId,
    seq: fromSeq + 1,
    client_msg_id: msg,
    actor_role: 'kind',
    actor_id: 'test-actor',
    type: 'nav.next',
    event_enc: 'v1.placeholder',
    created_at: new Date().toISOString(),
  },
  gesprek: {
    id: gesprekId,
    fromSeq,
    toSeq: fromSeq + 1,
    toolVersion: '1',
    phase: 'actief',
    snapshotEnc: 'v1.placeholder',
    at: new Date().toISOString(),
  },
})

describe('group commit', () => {
  it('commits concurrent writes of many gesprekken in shared transactions, each exactly once', async () => {
    const { server, sanne } = await startSeeded()
    const ids = []
    for (let i = 0; i < 12; i++) ids.push((await startGesprek(server.url, sanne, { nickname: 'Mo' })).gesprekId)
    const commits = new GroupCommit(server.deps.db)
    let transactions = 0
    const original = server.deps.db.transaction.bind(server.deps.db)
    server.deps.db.transaction = () => {
      transactions++
      return original()
    }
    await Promise.all(ids.map((id, i) => commits.write(writeFor(id, 0, `group-msg-${i}`))))
    server.deps.db.transaction = original
    expect(transactions).toBeLessThan(ids.length) // they shared commits
    const rows = await server.deps.db
      .selectFrom('gesprek_events')
      .select(['gesprek_id', 'seq'])
      .where('actor_id', '=', 'test-actor')
      .execute()
    expect(rows).toHaveLength(ids.length)
    const seqs = await server.deps.db.selectFrom('gesprekken').select(['id', 'seq']).where('id', 'in', ids).execute()
    expect(seqs.every((g) => g.seq === 1)).toBe(true)
  })

  it('fails only the write whose gesprek moved on, and stores nothing of it', async () => {
    const { server, sanne } = await startSeeded()
    const a = (await startGesprek(server.url, sanne, { nickname: 'Mo' })).gesprekId
    const b = (await startGesprek(server.url, sanne, { nickname: 'Noor' })).gesprekId
    const commits = new GroupCommit(server.deps.db)
    const results = await Promise.allSettled([
      commits.write(writeFor(a, 0, 'ok-msg-01')),
      commits.write(writeFor(b, 5, 'stale-msg-01')),
    ])
    expect(results[0].status).toBe('fulfilled')
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
    const stale = await server.deps.db
      .selectFrom('gesprek_events')
      .selectAll()
      .where('client_msg_id', '=', 'stale-msg-01')
      .execute()
    expect(stale).toHaveLength(0)
    const rowB = await server.deps.db
      .selectFrom('gesprekken')
      .select('seq')
      .where('id', '=', b)
      .executeTakeFirstOrThrow()
    expect(rowB.seq).toBe(0)
  })
})
