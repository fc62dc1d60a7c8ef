import type { CitedItem } from '../../dialogs/contract/plans'
import { recordAccess } from '../audit/access-log'
import type { BegeleiderPrincipal } from '../auth/principal'
import type { Deps } from '../deps'

/**
 * One access-log line per gesprek whose answers a plan shows, with the parts in view, before the plan is
 * answered (no log line, no plan). On the child's receipt a plan on screen reads as a later look at
 * those parts ("history"), a plan sheet as a print: the child learns which parts, not which plan.
 */
export async function logPlanLooks(
  deps: Deps,
  p: BegeleiderPrincipal,
  childId: string,
  what: 'history' | 'print',
  shown: readonly CitedItem[],
): Promise<void> {
  const byGesprek = new Map<string, Set<string>>()
  for (const c of shown) {
    const steps = byGesprek.get(c.gesprekId) ?? new Set<string>()
    steps.add(c.item.stepId)
    byGesprek.set(c.gesprekId, steps)
  }
  for (const [gesprekId, steps] of byGesprek)
    await recordAccess(deps, { begeleiderId: p.begeleiderId, childId, gesprekId, what, stepIds: [...steps] })
}
