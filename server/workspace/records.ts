import { CodedError } from '../../dialogs/contract/errors'
import {
  OudergesprekDraft,
  type OtherParentOut,
  type OudergesprekDraft as Draft,
} from '../../dialogs/contract/workspace'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'
import { newId } from '../ids'

type ChildRow = { id: string; key_wrapped: string | null }

const keyOf = (deps: Deps, child: ChildRow) => {
  if (!child.key_wrapped) throw new CodedError('not_found', 404)
  return deps.keys.unwrap(child.id, child.key_wrapped)
}
// The AAD binds a sealed value to its row, so values cannot be moved between children or rows.
const otherParentAad = (childId: string, rowId: string) => `${childId}:other-parent:${rowId}`
const draftAad = (childId: string) => `${childId}:oudergesprek-draft`

/**
 * How the parent who did not come along is informed (digest 3.5). Append-only: an agreement that
 * changed is a new record, the earlier ones stay readable. Nothing here is ever sent to that parent.
 */
export async function addOtherParentRecord(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  input: { text: string; agreedOn: string },
): Promise<void> {
  const id = newId()
  await deps.db
    .insertInto('other_parent_records')
    .values({
      id,
      child_id: child.id,
      begeleider_id: begeleiderId,
      body_enc: seal(keyOf(deps, child), JSON.stringify(input), otherParentAad(child.id, id)),
      created_at: iso(deps.clock),
    })
    .execute()
}

export async function otherParentRecords(deps: Deps, child: ChildRow): Promise<OtherParentOut> {
  const rows = await deps.db
    .selectFrom('other_parent_records')
    .innerJoin('begeleiders', 'begeleiders.id', 'other_parent_records.begeleider_id')
    .select([
      'other_parent_records.id',
      'other_parent_records.body_enc',
      'other_parent_records.created_at',
      'begeleiders.display_name',
    ])
    .where('other_parent_records.child_id', '=', child.id)
    .orderBy('other_parent_records.created_at', 'desc')
    .orderBy('other_parent_records.id')
    .limit(20)
    .execute()
  const key = keyOf(deps, child)
  const records = rows.map((r) => {
    const body = JSON.parse(open(key, r.body_enc, otherParentAad(child.id, r.id))) as { text: string; agreedOn: string }
    return { text: body.text, agreedOn: body.agreedOn, recordedAt: r.created_at, recordedBy: r.display_name }
  })
  return { current: records[0] ?? null, earlier: records.slice(1) }
}

/** Whose oudergesprek a draft is for: a named parent, or `hier` while no parent is recorded. */
export type DraftFor = 'mama' | 'papa' | 'hier'
// A draft's seal names its parent too, so a draft cannot be moved to the other parent's row.
const parentDraftAad = (childId: string, parent: DraftFor) => `${childId}:oudergesprek-draft:${parent}`

export async function saveDraft(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  parent: DraftFor,
  draft: Draft,
): Promise<void> {
  const body_enc = seal(keyOf(deps, child), JSON.stringify(draft), parentDraftAad(child.id, parent))
  const updated_at = iso(deps.clock)
  const values = { begeleider_id: begeleiderId, body_enc, updated_at, legacy: 0 }
  await deps.db
    .insertInto('parent_drafts')
    .values({ child_id: child.id, parent, ...values })
    .onConflict((oc) => oc.columns(['child_id', 'parent']).doUpdateSet(values))
    .execute()
}

/** The draft for one parent's oudergesprek only; never another parent's, not even as a starting point. */
export async function loadDraft(
  deps: Deps,
  child: ChildRow,
  parent: DraftFor,
): Promise<{ draft: Draft; updatedAt: string } | null> {
  const row = await deps.db
    .selectFrom('parent_drafts')
    .select(['body_enc', 'updated_at', 'legacy'])
    .where('child_id', '=', child.id)
    .where('parent', '=', parent)
    .executeTakeFirst()
  if (!row) return null
  const aad = row.legacy ? draftAad(child.id) : parentDraftAad(child.id, parent)
  const draft = OudergesprekDraft.parse(JSON.parse(open(keyOf(deps, child), row.body_enc, aad)))
  return { draft, updatedAt: row.updated_at }
}
