import type { CitedItem } from '../../dialogs/contract/plans'
import { recordLooks } from '../audit/access-log'
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
  const parts = shown.map((c) => ({ gesprekId: c.gesprekId, stepId: c.item.stepId }))
  await recordLooks(deps, { begeleiderId: p.begeleiderId, childId, what }, parts)
}
