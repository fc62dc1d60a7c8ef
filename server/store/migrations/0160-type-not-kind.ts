import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * `kind` names the child alone (docs/glossary.md); "kind of" is `type`. The plain columns are renamed,
 * and the step lists of stored tool documents (published versions and drafts, plain JSON) get `type`
 * for `kind`. Sealed data (events, snapshots, method records and plans) never held the field: the AAD of
 * a method record or plan holds its type's value, which stays the same. Self-contained on purpose: a
 * shipped migration must not change when the code it once imported does.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  for (const table of ['tasks', 'method_records', 'plans'] as const)
    await db.schema.alterTable(table).renameColumn('kind', 'type').execute()

  for (const r of await db.selectFrom('tool_versions').select(['id', 'doc']).execute()) {
    const doc = renamed(r.doc)
    if (doc !== r.doc) await db.updateTable('tool_versions').set({ doc }).where('id', '=', r.id).execute()
  }
  const drafts = await db.selectFrom('tool_drafts').select(['organisation_id', 'tool_id', 'doc']).execute()
  for (const r of drafts) {
    const doc = renamed(r.doc)
    if (doc === r.doc) continue
    await db
      .updateTable('tool_drafts')
      .set({ doc })
      .where('organisation_id', '=', r.organisation_id)
      .where('tool_id', '=', r.tool_id)
      .execute()
  }
}

/** The same document with `type` for each step's `kind`; the same string when nothing changes. */
function renamed(json: string): string {
  const doc = JSON.parse(json) as { steps?: unknown }
  if (!Array.isArray(doc.steps)) return json
  let changed = false
  const steps = doc.steps.map((s: unknown) => {
    if (typeof s !== 'object' || s === null || !('kind' in s) || 'type' in s) return s
    changed = true
    const { kind, ...rest } = s as Record<string, unknown>
    return { id: rest.id, type: kind, ...rest }
  })
  return changed ? JSON.stringify({ ...doc, steps }) : json
}
