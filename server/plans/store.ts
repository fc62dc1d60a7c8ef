import type * as z from 'zod'
import { CodedError } from '../../dialogs/contract/errors'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'

export type ChildRow = { id: string; key_wrapped: string | null }
export type PlanType = 'actieplan' | 'veiligheidsplan'

export const keyOf = (deps: Deps, child: ChildRow) => {
  if (!child.key_wrapped) throw new CodedError('not_found', 404)
  return deps.keys.unwrap(child.id, child.key_wrapped)
}
// The AAD binds a sealed plan to its child and type: a body cannot be moved to another child or plan.
const planAad = (childId: string, type: PlanType) => `${childId}:plan:${type}`

export type Stored<T> = { body: T; updatedAt: string; updatedBy: string } | null

export async function loadPlan<S extends z.ZodType>(
  deps: Deps,
  child: ChildRow,
  type: PlanType,
  schema: S,
): Promise<Stored<z.output<S>>> {
  const row = await deps.db
    .selectFrom('plans')
    .innerJoin('begeleiders', 'begeleiders.id', 'plans.updated_by')
    .select(['plans.body_enc', 'plans.updated_at', 'begeleiders.display_name'])
    .where('plans.child_id', '=', child.id)
    .where('plans.type', '=', type)
    .executeTakeFirst()
  if (!row) return null
  const body = schema.parse(JSON.parse(open(keyOf(deps, child), row.body_enc, planAad(child.id, type))))
  return { body, updatedAt: row.updated_at, updatedBy: row.display_name }
}

export async function savePlan(
  deps: Deps,
  child: ChildRow,
  type: PlanType,
  begeleiderId: string,
  body: unknown,
): Promise<void> {
  const values = {
    body_enc: seal(keyOf(deps, child), JSON.stringify(body), planAad(child.id, type)),
    updated_by: begeleiderId,
    updated_at: iso(deps.clock),
  }
  await deps.db
    .insertInto('plans')
    .values({ child_id: child.id, type, ...values })
    .onConflict((oc) => oc.columns(['child_id', 'type']).doUpdateSet(values))
    .execute()
}
