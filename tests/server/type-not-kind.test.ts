import { sql } from 'kysely'
import * as z from 'zod'
import { describe, expect, it } from 'vitest'
import { ToolVersionDoc, type DraftOut, type ToolVersionFile } from '../../dialogs/contract/tool-version'
import { allRecords, addRecord } from '../../server/method/records'
import { loadPlan, savePlan } from '../../server/plans/store'
import { migrate } from '../../server/store/migrations'
import { childTasks } from '../../server/workspace/tasks'
import { connected, emitAck, HttpUser, msgId, startGesprek, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

async function command(server: TestServer, token: string, gesprekId: string, event: unknown) {
  const socket = open(server.url, { token })
  await connected(socket)
  const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  socket.disconnect()
  return ack
}

/** A tool document as it was stored before migration 160: each step's type under `kind`. */
const oldShape = (json: string) => {
  const doc = JSON.parse(json) as { steps: Record<string, unknown>[] }
  return JSON.stringify({ ...doc, steps: doc.steps.map(({ type, ...rest }) => ({ ...rest, kind: type })) })
}

/**
 * `kind` is the child alone (docs/glossary.md). A store from before the rename (columns `kind`, tool
 * documents with `steps[].kind`) is migrated once, and everything in it still reads: a gesprek on an
 * organisation's own version loads, replays to its stored snapshot and shows the same view.
 */
describe('migration 160: type, not kind', () => {
  it('a store from before the rename still reads after migrating, the same as before', async () => {
    const { server, sanne } = await startSeeded()
    const db = server.deps.db
    const admin = await HttpUser.login(server.url, 'admin-a')

    // An organisation's own Stoplicht (version 2), a gesprek on it with an answer, and a working draft.
    const doc = (await admin.get<DraftOut>('/api/tool-versions/stoplicht/draft')).body.doc
    const reworded = { ...doc, texts: { ...doc.texts, nl: { ...doc.texts.nl, 'intro.title': 'Ons stoplicht' } } }
    expect((await admin.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: reworded })).status).toBe(200)
    expect((await admin.post('/api/tool-versions/stoplicht/publish', { note: 'eigen' })).status).toBe(201)
    const g = await startGesprek(server.url, sanne, { toolId: 'stoplicht', ageBand: '8-12', nickname: 'Ada' })
    expect((await command(server, g.token, g.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    const answer = { type: 'item.add', item: { id: 'item-old-0001', subject: 'school', colour: 'groen' } }
    expect((await command(server, g.token, g.gesprekId, answer)).ok).toBe(true)
    const draft = { ...reworded, texts: { ...reworded.texts, nl: { ...reworded.texts.nl, 'intro.title': 'Later' } } }
    expect((await admin.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: draft })).status).toBe(200)

    // A task, a method record and a plan of the child.
    const child = await db
      .selectFrom('children')
      .select(['children.id', 'children.key_wrapped'])
      .innerJoin('gesprekken', 'gesprekken.child_id', 'children.id')
      .where('gesprekken.id', '=', g.gesprekId)
      .executeTakeFirstOrThrow()
    const begeleider = await db.selectFrom('begeleiders').select('id').executeTakeFirstOrThrow()
    await db
      .insertInto('tasks')
      .values({
        id: 'task-old-0001',
        child_id: child.id,
        type: 'huisdier-opvang',
        gesprek_id: g.gesprekId,
        item_id: 'item-old-0001',
        created_at: new Date().toISOString(),
        done_at: null,
        done_by: null,
      })
      .execute()
    await addRecord(server.deps, child, begeleider.id, 'overdracht', { wat: 'warm' }, '2026-11-30')
    await savePlan(server.deps, child, 'actieplan', begeleider.id, { goals: ['samen'] })

    const viewBefore = (await server.host.view(g.gesprekId, 'kind')).view
    expect(viewBefore.step).toMatchObject({ id: 'plekken', type: 'stoplicht' })
    const tasksBefore = await childTasks(server.deps, child.id)
    const recordsBefore = await allRecords(server.deps, child)

    // The store as it was before migration 160.
    for (const table of ['tasks', 'method_records', 'plans'] as const)
      await db.schema.alterTable(table).renameColumn('type', 'kind').execute()
    for (const r of await db.selectFrom('tool_versions').select(['id', 'doc']).execute())
      await db
        .updateTable('tool_versions')
        .set({ doc: oldShape(r.doc) })
        .where('id', '=', r.id)
        .execute()
    for (const r of await db.selectFrom('tool_drafts').select(['organisation_id', 'tool_id', 'doc']).execute())
      await db
        .updateTable('tool_drafts')
        .set({ doc: oldShape(r.doc) })
        .where('organisation_id', '=', r.organisation_id)
        .where('tool_id', '=', r.tool_id)
        .execute()
    await db.deleteFrom('schema_migrations').where('version', '=', 160).execute()
    const stored = await sql<{ doc: string }>`select doc from tool_versions`.execute(db)
    expect(stored.rows[0]!.doc).toContain('"kind":"stoplicht"')

    expect(await migrate(db)).toBe(1)

    // Every tool document has `type` again and parses; nothing named `kind` is left in one.
    for (const table of ['tool_versions', 'tool_drafts'] as const)
      for (const r of await db.selectFrom(table).select('doc').execute()) {
        expect(r.doc).not.toContain('"kind"')
        expect(ToolVersionDoc.parse(JSON.parse(r.doc)).steps.map((s) => s.type)).toEqual(doc.steps.map((s) => s.type))
      }
    const draftNow = (await admin.get<DraftOut>('/api/tool-versions/stoplicht/draft')).body.doc
    expect(draftNow.texts.nl!['intro.title']).toBe('Later')
    expect(draftNow.steps.map((s) => s.type)).toEqual(doc.steps.map((s) => s.type))

    // The gesprek loads again from its row, replays to its stored snapshot and shows the same view.
    server.host.forget(g.gesprekId)
    expect((await server.host.view(g.gesprekId, 'kind')).view).toEqual(viewBefore)
    server.host.forget(g.gesprekId)
    const { persisted } = await server.host.replay(g.gesprekId)
    expect(persisted).toEqual(await server.host.storedSnapshot(g.gesprekId))
    // Sealed, so no migration could rewrite it: the snapshot never held a field named kind.
    expect(JSON.stringify(persisted)).not.toMatch(/"kind":/)
    expect((await command(server, g.token, g.gesprekId, { type: 'nav.next' })).ok).toBe(true)

    // Tasks, method records and plans read as before, their sealed bodies included.
    expect(await childTasks(server.deps, child.id)).toEqual(tasksBefore)
    expect(tasksBefore.map((t) => t.type)).toEqual(['huisdier-opvang'])
    expect(await allRecords(server.deps, child)).toEqual(recordsBefore)
    expect(recordsBefore.map((r) => [r.type, r.body])).toEqual([['overdracht', { wat: 'warm' }]])
    expect((await loadPlan(server.deps, child, 'actieplan', z.unknown()))?.body).toEqual({ goals: ['samen'] })
  }, 90_000)

  it('a tool file exported before the rename (format 1, steps[].kind) still imports, as type', async () => {
    const { admin } = await (async () => {
      const s = await startSeeded()
      return { ...s, admin: await HttpUser.login(s.server.url, 'admin-a') }
    })()
    const exported = (await admin.get<ToolVersionFile>('/api/tool-versions/stoplicht/versions/1/export')).body
    expect(exported).toMatchObject({ format: 'kindgesprek-tool-version', formatVersion: 2 })
    const steps = exported.doc.steps
    const old = {
      ...exported,
      formatVersion: 1,
      doc: { ...exported.doc, steps: steps.map(({ type, ...rest }) => ({ ...rest, kind: type })) },
    }
    const r = await admin.request<DraftOut>('POST', '/api/tool-versions/stoplicht/import', JSON.stringify(old))
    expect(r.status).toBe(200)
    expect(r.body.doc.steps).toEqual(steps)
  }, 60_000)
})
