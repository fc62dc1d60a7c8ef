import type { GesprekContext } from './framework/build'
import type { Item, Note } from './contract/items'
import { mayAudienceSee, type Audience } from './sharing'

export type Projection = { items: Item[]; notes: Note[] }

/**
 * The child's copy of each item, kept per item object: items are immutable (every change makes a new
 * one), so an unchanged item keeps the same copy and the server's patch sees it unchanged by identity.
 */
const childCopies = new WeakMap<Item, Item>()
const childCopy = (item: Item): Item => {
  let copy = childCopies.get(item)
  if (!copy) {
    const { worry: _worry, ...rest } = item
    childCopies.set(item, (copy = { ...rest, worry: false }))
  }
  return copy
}

/**
 * The only code that decides what an audience sees of a gesprek (architecture rule 3).
 * Socket broadcasts, pages, the oudergesprek preparation, prints and exports all call this.
 */
export function project(context: Pick<GesprekContext, 'items' | 'notes'>, audience: Audience): Projection {
  const items = context.items.filter((item) => mayAudienceSee(item.share, audience))
  if (audience === 'kind') return { items: items.map(childCopy), notes: [] }
  const visible = new Set(items.map((i) => i.id))
  // A begeleider's note about an item the child took back would still describe it: it goes too.
  const notes =
    audience === 'begeleider' ? context.notes.filter((n) => n.itemId === undefined || visible.has(n.itemId)) : []
  return { items, notes }
}
