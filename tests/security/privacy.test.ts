import type { CaseloadChild } from '../../dialogs/contract/workspace'
import Sqlite from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { ChildKeys, loadInstanceKey } from '../../server/crypto/keys'
import { open } from '../../server/crypto/seal'
import { runRetention } from '../../server/jobs/retention'
import { dialectOf, type Db } from '../../server/store/db'
import {
  connected,
  emitAck,
  fakeClock,
  HttpUser,
  instanceKeyOf,
  msgId,
  onPostgres,
  storedText,
  startGesprek,
  tempDir,
  type TestServer,
  type TestSocket,
} from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const run = promisify(execFile)
// `open` is taken by the crypto under test.
const { start, startSeeded, open: openSocket, stopAll } = useServers()

const DAY = 24 * 60 * 60_000
const canary = () => `KANARIE${Math.random().toString(36).slice(2, 10).toUpperCase()}`

async function setup(opts: Parameters<typeof startSeeded>[0] = {}) {
  const seeded = await startSeeded({ retentionDays: false, ...opts })
  return { ...seeded, admin: await HttpUser.login(seeded.server.url, 'admin-a') }
}

/** A child answers with canary text; the begeleider writes a canary note. Returns the canaries. */
async function answerWithCanaries(server: TestServer, sanne: HttpUser) {
  const g = await startGesprek(server.url, sanne, { nickname: 'Kanarie' })
  const kid = openSocket(server.url, { token: g.token })
  const beg = openSocket(server.url, { cookie: sanne.cookie })
  await Promise.all([connected(kid), connected(beg)])
  const words = [canary(), canary(), canary()]
  const send = async (s: TestSocket, event: unknown) => {
    const ack = await emitAck(s, 'gesprek:command', { gesprekId: g.gesprekId, clientMsgId: msgId(), event })
    expect(ack.ok).toBe(true)
  }
  await send(kid, { type: 'nav.next' })
  await send(kid, { type: 'item.add', item: { id: 'item-canary-1', text: `mijn geheim ${words[0]}` } })
  await send(kid, { type: 'item.update', itemId: 'item-canary-1', patch: { followUps: { 'wie-weet': words[1]! } } })
  await send(beg, { type: 'note.add', note: { id: 'note-canary-1', text: `notitie ${words[2]}` } })
  return { ...g, words, kid, beg }
}

const fileHas = (file: string, needle: string) => {
  if (!existsSync(file)) return false
  const data = readFileSync(file)
  return [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')].some((b) => data.includes(b))
}

/** Tables whose foreign keys point at `parent`, asked of the store's own catalogue. */
async function tablesReferencing(db: Db, parent: string): Promise<string[]> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ name: string }>`select distinct kcu.table_name as name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = ${parent}`.execute(db)
    return r.rows.map((x) => x.name)
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  const out: string[] = []
  for (const { name } of tables.rows) {
    const fks = await sql<{ table: string }>`select * from pragma_foreign_key_list(${name})`.execute(db)
    if (fks.rows.some((f) => f.table === parent)) out.push(name)
  }
  return out
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const r =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
  return r.rows.map((c) => c.name)
}

describe('encryption at rest', () => {
  it(
    'never stores a canary answer readable, in any table, file, WAL or backup; the backup is complete',
    { timeout: 120_000 },
    async () => {
      const { server, sanne } = await setup()
      const g = await answerWithCanaries(server, sanne)
      // The positive control: the answers are really stored and readable through the server.
      const { view } = await server.host.view(g.gesprekId, 'begeleider')
      expect(JSON.stringify(view)).toContain(g.words[0])
      const stored = await storedText(server.deps.db)
      expect(stored).toContain(g.gesprekId)
      for (const w of g.words) expect(stored).not.toContain(w)

      const to = join(tempDir('kg-backup-'), 'copy.sqlite')
      const backup = () =>
        run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup', '--to', to], {
          env: { ...process.env, ...server.env },
        })
      if (onPostgres()) {
        // PostgreSQL is backed up with pg_dump: the CLI says so, and makes no file of its own.
        const refused = await backup().then(
          () => null,
          (err: { stderr: string }) => err,
        )
        expect(refused?.stderr).toContain('pg_dump')
        expect(refused?.stderr).toContain('KINDGESPREK_KEY')
        expect(existsSync(to)).toBe(false)
        return
      }
      const db = join(server.dataDir, 'kindgesprek.sqlite')
      expect(existsSync(`${db}-wal`)).toBe(true)
      for (const w of g.words) {
        expect(fileHas(db, w)).toBe(false)
        expect(fileHas(`${db}-wal`, w)).toBe(false)
      }

      // Online backup through the CLI, beside the running server.
      const out = await backup()
      expect(JSON.parse(out.stdout).pages).toBeGreaterThan(0)
      expect(statSync(to).mode & 0o777).toBe(0o600)
      for (const w of g.words) expect(fileHas(to, w)).toBe(false)
      // Refuses to overwrite.
      await expect(backup()).rejects.toThrow()

      // The copy is whole: with the instance key (kept apart from backups) it opens to the canary.
      const copy = new Sqlite(to, { readonly: true })
      const child = copy.prepare('select key_wrapped from children where id = ?').get(g.childId) as {
        key_wrapped: string
      }
      const key = new ChildKeys(instanceKeyOf(server)).unwrap(g.childId, child.key_wrapped)
      const rows = copy
        .prepare('select seq, event_enc from gesprek_events where gesprek_id = ? order by seq')
        .all(g.gesprekId) as {
        seq: number
        event_enc: string
      }[]
      copy.close()
      expect(rows).toHaveLength(4)
      expect(open(key, rows[1]!.event_enc, `${g.gesprekId}:2:event`)).toContain(g.words[0])
    },
  )

  it('crypto-shreds on erasure: the key and every row go, a stolen earlier copy of a row cannot be opened', async () => {
    const { server, sanne, admin } = await setup()
    const g = await answerWithCanaries(server, sanne)
    const db = server.deps.db
    const sealed = await db
      .selectFrom('gesprek_events')
      .select('event_enc')
      .where('gesprek_id', '=', g.gesprekId)
      .execute()
    expect(sealed.length).toBe(4)

    const kidGone = new Promise<void>((resolve) => g.kid.once('disconnect', () => resolve()))
    expect((await admin.post(`/api/beheer/children/${g.childId}/erase`)).body).toEqual({ ok: true })
    await kidGone

    const child = await db
      .selectFrom('children')
      .select(['nickname', 'key_wrapped', 'closed_at'])
      .where('id', '=', g.childId)
      .executeTakeFirstOrThrow()
    expect(child).toMatchObject({ nickname: '', key_wrapped: null })
    expect(child.closed_at).not.toBeNull()
    // Every table that points at the child (found through its foreign keys) is empty for them.
    const fkTables = await tablesReferencing(db, 'children')
    expect(fkTables).toContain('gesprekken')
    for (const t of fkTables) {
      if (!(await columnsOf(db, t)).includes('child_id')) continue
      const n = await sql<{
        n: number
      }>`select count(*) as n from ${sql.table(t)} where child_id = ${g.childId}`.execute(db)
      expect(Number(n.rows[0]!.n), t).toBe(0)
    }
    const left = await db.selectFrom('gesprek_events').select('id').where('gesprek_id', '=', g.gesprekId).execute()
    expect(left).toEqual([])

    // A row copied before the erasure: the instance key alone does not open it, and no child key is left.
    const instance = instanceKeyOf(server)
    expect(() => open(instance, sealed[1]!.event_enc, `${g.gesprekId}:2:event`)).toThrow()
    expect(() => new ChildKeys(instance).unwrap(g.childId, null)).toThrow()
    if (!onPostgres()) {
      // secure_delete: after a checkpoint not even the ciphertext lingers in the SQLite file.
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
      const bytes = readFileSync(join(server.dataDir, 'kindgesprek.sqlite'))
      for (const s of sealed) expect(bytes.includes(Buffer.from(s.event_enc.slice(3, 40)))).toBe(false)
    }

    // The server itself can no longer reach the data, and the child's device is out.
    expect((await sanne.get(`/api/gesprekken/${g.gesprekId}`)).status).toBe(404)
    const again = openSocket(server.url, { token: g.token })
    await expect(connected(again)).rejects.toThrow('not_logged_in')
  })
})

describe('inzage and erasure are for an admin of the same organisation (AVG art. 15, 17)', () => {
  it('exports what the child shared and only a count of what they kept to themselves; other organisations get 404', async () => {
    const { server, sanne, admin } = await setup()
    const g = await answerWithCanaries(server, sanne)
    await emitAck(g.kid, 'gesprek:command', {
      gesprekId: g.gesprekId,
      clientMsgId: msgId(),
      event: { type: 'share.set', itemIds: ['item-canary-1'], level: 'alleen-ik' },
    })
    const res = await admin.get(`/api/beheer/children/${g.childId}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const data = res.body as {
      child: { id: string }
      keptToThemselves: number
      uitleg: string
      gesprekken: { keptToThemselves: number; items: { id: string }[] }[]
    }
    expect(data.child.id).toBe(g.childId)
    // The admin's inzage never holds an alleen-ik answer: a count instead (the child's own copy comes through
    // the child's own session). Changed deliberately in issue 17: before, the private words were in it.
    expect(JSON.stringify(data)).not.toContain(g.words[0])
    expect(JSON.stringify(data)).not.toContain(g.words[1])
    expect(data.gesprekken[0]!.items.map((i) => i.id)).not.toContain('item-canary-1')
    expect(data.gesprekken[0]!.keptToThemselves).toBe(1)
    expect(data.keptToThemselves).toBe(1)
    expect(data.uitleg).toBe('1 antwoord hield het kind voor zichzelf.')
    expect(JSON.stringify(data)).not.toContain(g.words[2])

    const other = await HttpUser.login(server.url, 'admin-b')
    expect((await other.get(`/api/beheer/children/${g.childId}/export`)).status).toBe(404)
    expect((await other.post(`/api/beheer/children/${g.childId}/erase`)).status).toBe(404)
    expect((await sanne.get(`/api/beheer/children/${g.childId}/export`)).status).toBe(403)
    // The export is in the access log (who looked, never what).
    const log = await server.deps.db.selectFrom('access_log').selectAll().where('child_id', '=', g.childId).execute()
    expect(log.some((r) => r.what === 'export')).toBe(true)
    expect(JSON.stringify(log)).not.toContain(g.words[0])
  })

  it('the inzage holds the begeleider’s method records too: the handover and the afscheid contacts', async () => {
    const { sanne, admin } = await setup()
    const childId = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Rik', ageBand: '8-12', phase: 3 })
    ).body.id
    expect(
      (await sanne.request('PUT', `/api/method/children/${childId}/overdracht`, { to: 'Karin', on: '2026-12-10' }))
        .status,
    ).toBe(200)
    const contacts = { contacts: [{ who: 'Juf Ria, je nieuwe school', number: '010-1234567', what: '' }] }
    expect((await sanne.request('PUT', `/api/method/children/${childId}/contacten`, contacts)).status).toBe(200)
    const data = (await admin.get(`/api/beheer/children/${childId}/export`)).body as {
      method: { type: string; recordedBy: string; body: unknown }[]
    }
    const types = data.method.map((r) => r.type)
    expect(types).toContain('overdracht')
    expect(types).toContain('contacten')
    expect(JSON.stringify(data.method)).toContain('Juf Ria, je nieuwe school')
    expect(JSON.stringify(data.method)).toContain('010-1234567')
    expect(data.method.every((r) => typeof r.recordedBy === 'string')).toBe(true)
  })

  it('exports and erases from the CLI too', { timeout: 120_000 }, async () => {
    const { server, ids, sanne } = await setup()
    const g = await answerWithCanaries(server, sanne)
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
        env: { ...process.env, ...server.env },
      })
    const exported = JSON.parse(
      (await cli('export-child', '--organisation-id', ids.a.organisationId, '--child-id', g.childId)).stdout,
    )
    expect(JSON.stringify(exported)).toContain(g.words[0])
    await expect(
      cli('erase-child', '--organisation-id', ids.b.organisationId, '--child-id', g.childId),
    ).rejects.toThrow()
    await cli('erase-child', '--organisation-id', ids.a.organisationId, '--child-id', g.childId)
    const row = await server.deps.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', g.childId)
      .executeTakeFirstOrThrow()
    expect(row.key_wrapped).toBeNull()
    expect(
      await server.deps.db.selectFrom('gesprekken').selectAll().where('child_id', '=', g.childId).execute(),
    ).toEqual([])
  })
})

describe('retention', () => {
  it('erases raw answers 30 days after the trajectory closes, not a day before', async () => {
    const clock = fakeClock()
    const { server, sanne, admin } = await setup({ clock })
    const closed = await answerWithCanaries(server, sanne)
    const open_ = await startGesprek(server.url, sanne, { nickname: 'Blijft' })
    expect((await admin.post(`/api/beheer/children/${closed.childId}/close`)).body).toEqual({ ok: true })

    clock.advance(29 * DAY)
    expect(await runRetention(server.deps, server.host)).toEqual({ erased: [] })
    expect((await server.host.view(closed.gesprekId, 'begeleider')).view.items).toHaveLength(1)

    clock.advance(1 * DAY + 1000)
    expect(await runRetention(server.deps, server.host)).toEqual({ erased: [closed.childId] })
    const events = await server.deps.db
      .selectFrom('gesprek_events')
      .select('id')
      .where('gesprek_id', '=', closed.gesprekId)
      .execute()
    expect(events).toEqual([])
    const child = await server.deps.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', closed.childId)
      .executeTakeFirstOrThrow()
    expect(child.key_wrapped).toBeNull()
    // The trajectory that is still open is untouched; a second run finds nothing more.
    expect(
      await server.deps.db.selectFrom('gesprekken').select('id').where('id', '=', open_.gesprekId).execute(),
    ).toHaveLength(1)
    expect(await runRetention(server.deps, server.host)).toEqual({ erased: [] })
  })

  it('honours a configured period', async () => {
    const clock = fakeClock()
    const { server, sanne, admin } = await setup({ clock })
    const g = await startGesprek(server.url, sanne)
    await admin.post(`/api/beheer/children/${g.childId}/close`)
    clock.advance(8 * DAY)
    expect((await runRetention(server.deps, server.host, { days: 10 })).erased).toEqual([])
    expect((await runRetention(server.deps, server.host, { days: 7 })).erased).toEqual([g.childId])
  })
})

describe('instance key rotation', () => {
  it('rewraps every child key: data still opens with the new key, no longer with the old one', async () => {
    const dataDir = tempDir('kg-rotate-')
    const { server, sanne } = await setup({ dataDir })
    const g = await answerWithCanaries(server, sanne)
    const oldKey = instanceKeyOf(server)
    // On PostgreSQL the key lives in the environment: the CLI prints the new one for the secrets store.
    const env = onPostgres() ? server.env : { DATA_DIR: dataDir, KINDGESPREK_KEY: '' }
    await stopAll()

    const out = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'rotate-key'], {
      env: { ...process.env, ...env },
    })
    expect(JSON.parse(out.stdout.split('\n')[0]!).rewrapped).toBeGreaterThanOrEqual(1)
    const printed = /new KINDGESPREK_KEY=(\S+)/.exec(out.stdout)?.[1]
    expect(Boolean(printed)).toBe(onPostgres())
    const newKey = printed ? Buffer.from(printed, 'base64') : loadInstanceKey(dataDir, undefined)
    expect(newKey.equals(oldKey)).toBe(false)
    expect(existsSync(join(dataDir, 'instance.key.next'))).toBe(false)

    const again = await start({ dataDir, retentionDays: false, ...(printed ? { instanceKey: printed } : {}) })
    const { view } = await again.host.view(g.gesprekId, 'begeleider')
    expect(JSON.stringify(view)).toContain(g.words[0])
    const row = await again.deps.db
      .selectFrom('children')
      .select('key_wrapped')
      .where('id', '=', g.childId)
      .executeTakeFirstOrThrow()
    expect(() => new ChildKeys(oldKey).unwrap(g.childId, row.key_wrapped)).toThrow()
  })
})
