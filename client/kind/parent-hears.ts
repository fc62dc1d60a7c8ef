import type { ParentRole } from '../../dialogs/contract/parents'
import type { ItemView } from '../../dialogs/contract/view'

export type ParentWord = ParentRole | 'unknown'
export interface ParentHears {
  parent: ParentWord
  /** The begeleider tells this parent (begeleider-vertelt). */
  begeleider: ItemView[]
  /** The child tells this parent itself, if it still wants to (zelf-vertellen). */
  zelf: ItemView[]
}

/**
 * What each parent will hear of this gesprek, from the child's own choices, per parent the child named
 * ("aan mama"; none named: the parent here). Only the two parent levels, and only what the child chose:
 * an answer kept to itself or its begeleider never appears, and a parent with nothing is left out.
 */
export function whatParentsHear(items: readonly ItemView[]): ParentHears[] {
  const order: ParentWord[] = ['mama', 'papa', 'unknown']
  const groups = new Map<ParentWord, ParentHears>()
  for (const item of items) {
    if (item.chosen === false) continue
    if (item.share !== 'begeleider-vertelt' && item.share !== 'zelf-vertellen') continue
    const parent: ParentWord = item.shareTo ?? 'unknown'
    const group = groups.get(parent) ?? { parent, begeleider: [], zelf: [] }
    ;(item.share === 'begeleider-vertelt' ? group.begeleider : group.zelf).push(item)
    groups.set(parent, group)
  }
  return order.flatMap((p) => groups.get(p) ?? [])
}
