import { CodedError } from '../../dialogs/contract/errors'
import { NetworkFlag, OtherParentProfile, type ParentRole, type ParentsOut } from '../../dialogs/contract/parents'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'

type ChildRow = { id: string; key_wrapped: string | null }
const keyOf = (deps: Deps, child: ChildRow) => {
  if (!child.key_wrapped) throw new CodedError('not_found', 404)
  return deps.keys.unwrap(child.id, child.key_wrapped)
}
const otherAad = (childId: string) => `${childId}:parent-profile:other`
const flagsAad = (childId: string) => `${childId}:parent-profile:flags`

export async function presentParent(deps: Deps, childId: string): Promise<ParentRole | null> {
  const row = await deps.db
    .selectFrom('parent_profiles')
    .select('present_parent')
    .where('child_id', '=', childId)
    .executeTakeFirst()
  return row?.present_parent === 'mama' || row?.present_parent === 'papa' ? row.present_parent : null
}

export async function loadParents(deps: Deps, child: ChildRow): Promise<ParentsOut> {
  const row = await deps.db
    .selectFrom('parent_profiles')
    .selectAll()
    .where('child_id', '=', child.id)
    .executeTakeFirst()
  if (!row) return { present: null, other: OtherParentProfile.parse({}), flags: [], updatedAt: null }
  const key = keyOf(deps, child)
  return {
    present: row.present_parent === 'mama' || row.present_parent === 'papa' ? row.present_parent : null,
    other: row.other_enc
      ? OtherParentProfile.parse(JSON.parse(open(key, row.other_enc, otherAad(child.id))))
      : OtherParentProfile.parse({}),
    flags: row.flags_enc ? NetworkFlag.array().parse(JSON.parse(open(key, row.flags_enc, flagsAad(child.id)))) : [],
    updatedAt: row.updated_at,
  }
}

export async function saveParents(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  input: Omit<ParentsOut, 'updatedAt'>,
): Promise<void> {
  const key = keyOf(deps, child)
  const values = {
    present_parent: input.present,
    other_enc: seal(key, JSON.stringify(input.other), otherAad(child.id)),
    flags_enc: seal(key, JSON.stringify(input.flags), flagsAad(child.id)),
    updated_by: begeleiderId,
    updated_at: iso(deps.clock),
  }
  await deps.db
    .insertInto('parent_profiles')
    .values({ child_id: child.id, ...values })
    .onConflict((oc) => oc.column('child_id').doUpdateSet(values))
    .execute()
}
