import { sql, type Transaction } from 'kysely'
import { CodedError } from '../../dialogs/contract/errors'
import type { ItemView } from '../../dialogs/contract/view'
import { iso } from '../clock'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { allRecords } from '../method/records'
import { dialectOf } from '../store/dialect'
import type { Database } from '../store/schema'

/**
 * Inzage (AVG art. 15) for an admin: what the child shared at least with their begeleider, and for the rest
 * only how much the child kept to themselves ("3 antwoorden hield het kind voor zichzelf"), never the words.
 * The child's own copy of everything comes through the child's own session (docs/avg.md, for legal review).
 */
export type ChildExport = {
  exportedAt: string
  child: { id: string; nickname: string; ageBand: string; createdAt: string; closedAt: string | null }
  /** Answers the child kept to themselves, over all gesprekken and kamer notes: a count, no content. */
  keptToThemselves: number
  uitleg: string
  gesprekken: {
    id: string
    toolId: string
    setting: string
    createdAt: string
    updatedAt: string
    phase: string
    items: ItemView[]
    keptToThemselves: number
  }[]
  /** The begeleider's method records about the child (consent, rhythm, phase, handover, afscheid contacts). */
  method: Awaited<ReturnType<typeof allRecords>>
}

/** One sentence for the reader of the file; the count itself is in `keptToThemselves`. */
export const keptSentence = (n: number) =>
  n === 1 ? '1 antwoord hield het kind voor zichzelf.' : `${n} antwoorden hield het kind voor zichzelf.`

export async function exportChild(deps: Deps, host: GesprekHost, childId: string): Promise<ChildExport> {
  const child = await deps.db.selectFrom('children').selectAll().where('id', '=', childId).executeTakeFirst()
  if (!child?.key_wrapped) throw new CodedError('not_found', 404)
  const rows = await deps.db
    .selectFrom('gesprekken')
    .select(['id', 'tool_id', 'setting', 'created_at', 'updated_at', 'phase'])
    .where('child_id', '=', childId)
    .orderBy('created_at')
    .execute()
  const gesprekken: ChildExport['gesprekken'] = []
  for (const g of rows) {
    // Both through the one projection: what a begeleider may see, and the child's own count beside it.
    const shared = (await host.view(g.id, 'begeleider')).view
    const all = (await host.view(g.id, 'kind')).view
    gesprekken.push({
      id: g.id,
      toolId: g.tool_id,
      setting: g.setting,
      createdAt: g.created_at,
      updatedAt: g.updated_at,
      phase: g.phase,
      items: shared.items,
      keptToThemselves: all.items.length - shared.items.length,
    })
  }
  const kept = gesprekken.reduce((n, g) => n + g.keptToThemselves, 0)
  return {
    exportedAt: iso(deps.clock),
    child: {
      id: child.id,
      nickname: child.nickname,
      ageBand: child.age_band,
      createdAt: child.created_at,
      closedAt: child.closed_at,
    },
    keptToThemselves: kept,
    uitleg: keptSentence(kept),
    gesprekken,
    method: await allRecords(deps, child),
  }
}

/** Rows that must outlive an erasure: the child's tombstone and the access log (NEN 7513, no content). */
const KEEP = new Set(['children', 'access_log', 'schema_migrations'])

type Fk = { table: string; from: string; to: string }

/** Every (table, column) whose foreign key points at `parent`, read from the schema itself. */
async function referencing(trx: Transaction<Database>, parent: string): Promise<Fk[]> {
  if (dialectOf(trx) === 'postgres') {
    const fks = await sql<Fk>`
      select kcu.table_name as "table", kcu.column_name as "from", ccu.column_name as "to"
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema() and ccu.table_name = ${parent}
      order by kcu.table_name, kcu.column_name`.execute(trx)
    return fks.rows
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(trx)
  const out: Fk[] = []
  for (const { name } of tables.rows) {
    const fks = await sql<{
      table: string
      from: string
      to: string | null
    }>`select * from pragma_foreign_key_list(${name})`.execute(trx)
    for (const fk of fks.rows) if (fk.table === parent) out.push({ table: name, from: fk.from, to: fk.to ?? 'id' })
  }
  return out
}

/** The column names of one table. */
async function columnsOf(trx: Transaction<Database>, table: string): Promise<string[]> {
  const cols =
    dialectOf(trx) === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`.execute(trx)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(trx)
  return cols.rows.map((c) => c.name)
}

/** Deletes rows of `table` matching `where`, after everything that points at them (depth-first). */
async function deleteDeep(trx: Transaction<Database>, table: string, where: ReturnType<typeof sql>, depth = 0) {
  if (depth > 6) throw new Error('erasure: foreign keys nest too deep')
  for (const fk of await referencing(trx, table)) {
    if (KEEP.has(fk.table)) continue
    const inner = sql`${sql.ref(fk.from)} in (select ${sql.ref(fk.to)} from ${sql.table(table)} where ${where})`
    await deleteDeep(trx, fk.table, inner, depth + 1)
  }
  await sql`delete from ${sql.table(table)} where ${where}`.execute(trx)
}

/**
 * Erasure (AVG art. 17) and the retention job's end state. Crypto-shredding first: the child's wrapped
 * key goes, so every sealed row anywhere (a backup copy included, once its key column is gone too)
 * can no longer be opened; then every row that points at the child or their gesprekken is deleted,
 * found through the schema's foreign keys so tables added later are covered without editing this.
 * What stays: a tombstone row (no nickname, no key) and the content-free access log.
 * Returns the device-token hashes that were live, so the caller can close their sockets.
 */
export async function eraseChild(deps: Deps, host: GesprekHost, childId: string): Promise<{ tokenHashes: string[] }> {
  const tokenHashes: string[] = []
  await deps.db.transaction().execute(async (trx) => {
    // SQLite: checked at commit, so rows may go in any order inside the transaction. PostgreSQL checks each
    // statement, which deleteDeep's order (whatever points at a row goes before it) satisfies.
    if (dialectOf(trx) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx)
    const now = iso(deps.clock)
    const updated = await trx
      .updateTable('children')
      .set((eb) => ({ key_wrapped: null, nickname: '', closed_at: eb.fn.coalesce('closed_at', sql.lit(now)) }))
      .where('id', '=', childId)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new CodedError('not_found', 404)
    const fks = (await referencing(trx, 'children')).filter((fk) => !KEEP.has(fk.table))
    // Device and kamer tokens, read before any delete cascades through them: the caller closes their sockets.
    for (const fk of fks) {
      if (!(await columnsOf(trx, fk.table)).includes('token_hash')) continue
      const t = await sql<{
        token_hash: string
      }>`select token_hash from ${sql.table(fk.table)} where ${sql.ref(fk.from)} = ${childId}`.execute(trx)
      tokenHashes.push(...t.rows.map((r) => r.token_hash))
    }
    for (const fk of fks) {
      await deleteDeep(trx, fk.table, sql`${sql.ref(fk.from)} = ${childId}`)
    }
  })
  deps.keys.forget(childId)
  host.forgetChild(childId)
  // Open screens of the child's tokens, and begeleider live views of the child, end now.
  for (const tokenHash of tokenHashes) await deps.revocations.publish({ type: 'token', tokenHash, reason: 'locked' })
  await deps.revocations.publish({ type: 'child', childId })
  // Other nodes hold the unwrapped key and the gesprekken in memory too: they drop them now.
  await deps.cluster?.publish({ t: 'erased', child: childId })
  deps.log.info('child erased', { child: childId })
  return { tokenHashes }
}

/** One child of this organisation (any team in it); "no such child" and "another organisation's" are one 404. */
export async function childOfOrganisation(deps: Deps, organisationId: string, childId: string): Promise<void> {
  const row = await deps.db
    .selectFrom('children')
    .select(['id', 'key_wrapped'])
    .where('id', '=', childId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!row?.key_wrapped) throw new CodedError('not_found', 404)
}

/** Closes the child's trajectory once: the retention clock starts (docs/avg.md). */
export async function closeTrajectory(deps: Deps, childId: string): Promise<void> {
  await deps.db
    .updateTable('children')
    .set({ closed_at: iso(deps.clock) })
    .where('id', '=', childId)
    .where('closed_at', 'is', null)
    .execute()
}
