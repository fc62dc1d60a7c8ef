import { CodedError } from '../../dialogs/contract/errors'
import type { Citation, CitedItem } from '../../dialogs/contract/plans'
import type { ItemView } from '../../dialogs/contract/view'
import { mayAudienceSee } from '../../dialogs/sharing'
import type { ProjectedGesprek } from '../workspace/gesprekken'

/**
 * Citations are resolved only against gesprekken already projected for the plan's audience
 * (server/workspace/gesprekken.ts, i.e. dialogs/projection.ts): an answer the audience may not see is
 * not in `gs`, so its citation resolves to nothing and disappears, whatever the plan stored.
 */
export type Shown = Map<string, { g: ProjectedGesprek; item: ItemView }>

const keyOf = (c: Citation) => `${c.gesprekId}:${c.itemId}`

export function shownItems(gs: ProjectedGesprek[]): Shown {
  const out: Shown = new Map()
  for (const g of gs) for (const item of g.view.items) out.set(`${g.id}:${item.id}`, { g, item })
  return out
}

export const cited = (g: ProjectedGesprek, item: ItemView): CitedItem => ({
  gesprekId: g.id,
  toolId: g.toolId,
  at: g.createdAt,
  item,
  forParent: mayAudienceSee(item.share, 'oudergesprek'),
})

export function resolve(citations: readonly Citation[], shown: Shown): CitedItem[] {
  const out: CitedItem[] = []
  for (const c of citations) {
    const hit = shown.get(keyOf(c))
    if (hit) out.push(cited(hit.g, hit.item))
  }
  return out
}

/**
 * A plan may cite only what the begeleider may see: an answer the child keeps to themself (or one that
 * is not this child's) is refused with a code, so the begeleider learns nothing but "not shared".
 */
export function assertCitable(citations: readonly Citation[], shown: Shown): void {
  for (const c of citations) if (!shown.has(keyOf(c))) throw new CodedError('citation_not_shared', 400)
}
