import type * as z from 'zod'
import { CodedError } from '../../dialogs/contract/errors'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'
import { newId } from '../ids'

/** The types of method record (ADR 0065); each has its own schema where it is read. */
export type RecordType = 'consent' | 'oudergesprek' | 'samen' | 'fase1' | 'overdracht' | 'contacten'
export type ChildRow = { id: string; key_wrapped: string | null }
export type Stored<T> = { id: string; heldOn: string | null; body: T; recordedAt: string; recordedBy: string }

const keyOf = (deps: Deps, child: ChildRow) => {
  if (!child.key_wrapped) throw new CodedError('not_found', 404)
  return deps.keys.unwrap(child.id, child.key_wrapped)
}
// The AAD binds a sealed body to its child, type and row: a body cannot be moved to another child or type.
const aad = (childId: string, type: RecordType, id: string) => `${childId}:method:${type}:${id}`

/** Appends one record; the newest of a type is the current state, earlier ones stay readable. */
export async function addRecord(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  type: RecordType,
  body: unknown,
  heldOn: string | null = null,
): Promise<void> {
  const id = newId()
  const last = await deps.db
    .selectFrom('method_records')
    .select((eb) => eb.fn.max('n').as('n'))
    .where('child_id', '=', child.id)
    .where('type', '=', type)
    .executeTakeFirst()
  await deps.db
    .insertInto('method_records')
    .values({
      id,
      child_id: child.id,
      type,
      n: Number(last?.n ?? 0) + 1,
      held_on: heldOn,
      begeleider_id: begeleiderId,
      body_enc: seal(keyOf(deps, child), JSON.stringify(body), aad(child.id, type, id)),
      created_at: iso(deps.clock),
    })
    .execute()
}

/** The records of one type, newest first (by day held, then by the order they were recorded in). */
export async function records<S extends z.ZodType>(
  deps: Deps,
  child: ChildRow,
  type: RecordType,
  schema: S,
  limit = 20,
): Promise<Stored<z.output<S>>[]> {
  const rows = await deps.db
    .selectFrom('method_records')
    .innerJoin('begeleiders', 'begeleiders.id', 'method_records.begeleider_id')
    .select([
      'method_records.id',
      'method_records.held_on',
      'method_records.body_enc',
      'method_records.created_at',
      'begeleiders.display_name',
    ])
    .where('method_records.child_id', '=', child.id)
    .where('method_records.type', '=', type)
    .orderBy('method_records.held_on', 'desc')
    .orderBy('method_records.n', 'desc')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  const key = keyOf(deps, child)
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    body: schema.parse(JSON.parse(open(key, r.body_enc, aad(child.id, type, r.id)))),
    recordedAt: r.created_at,
    recordedBy: r.display_name,
  }))
}

export async function latest<S extends z.ZodType>(deps: Deps, child: ChildRow, type: RecordType, schema: S) {
  return (await records(deps, child, type, schema, 1))[0] ?? null
}

/** The last day a type was held, per child, without opening a body (for the caseload's reminders). */
export async function lastHeld(deps: Deps, childIds: string[], type: RecordType): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map()
  const rows = await deps.db
    .selectFrom('method_records')
    .select(['child_id', (eb) => eb.fn.max('held_on').as('last')])
    .where('child_id', 'in', childIds)
    .where('type', '=', type)
    .groupBy('child_id')
    .execute()
  return new Map(rows.flatMap((r) => (r.last ? [[r.child_id, r.last] as const] : [])))
}

/**
 * Every method record of one child, oldest first, opened: for the admin's inzage (AVG art. 15). These are
 * the begeleider's own records about the child (consent, rhythm, phase, handover, afscheid contacts); no
 * answer of the child is in them.
 */
export async function allRecords(deps: Deps, child: ChildRow) {
  const rows = await deps.db
    .selectFrom('method_records')
    .innerJoin('begeleiders', 'begeleiders.id', 'method_records.begeleider_id')
    .select([
      'method_records.id',
      'method_records.type',
      'method_records.held_on',
      'method_records.body_enc',
      'method_records.created_at',
      'begeleiders.display_name',
    ])
    .where('method_records.child_id', '=', child.id)
    .orderBy('method_records.created_at')
    .orderBy('method_records.n')
    .execute()
  if (rows.length === 0) return []
  const key = keyOf(deps, child)
  return rows.map((r) => {
    const type = r.type as RecordType
    return {
      type,
      heldOn: r.held_on,
      recordedAt: r.created_at,
      recordedBy: r.display_name,
      body: JSON.parse(open(key, r.body_enc, aad(child.id, type, r.id))) as unknown,
    }
  })
}
