import type { GesprekContext } from './framework/build'
import type { Item, Note } from './contract/items'
import { mayAudienceSee, type Audience } from './sharing'

/**
 * What the begeleider keeps of an answer the child took back: the fact that a worry was marked, in the
 * begeleider's words and without any of the child's (docs/deelafspraak.md, "The begeleider's own record").
 */
export type Trace = { stepId: string; worry: true }
/** A begeleider's note; `takenBack` when the child has since kept the answer it was about to themselves. */
export type ProjectedNote = Note & { takenBack?: true }
export type Projection = { items: Item[]; notes: ProjectedNote[]; traces: Trace[] }

/**
 * The only code that decides what an audience sees of a gesprek (architecture rule 3).
 * Socket broadcasts, pages, the oudergesprek preparation, prints and exports all call this.
 */
export function project(context: Pick<GesprekContext, 'items' | 'notes'>, audience: Audience): Projection {
  const items = context.items.filter((item) => mayAudienceSee(item.share, audience))
  if (audience === 'kind')
    return { items: items.map(({ worry: _worry, ...rest }) => ({ ...rest, worry: false })), notes: [], traces: [] }
  if (audience !== 'begeleider') return { items, notes: [], traces: [] }
  const visible = new Set(items.map((i) => i.id))
  // The begeleider's own record survives a child's retraction [000:720-722]: their notes stay, but no
  // longer point at the answer (its id and words are gone), and a worry mark stays as a bare fact.
  const notes = context.notes.map(({ id, text, itemId }): ProjectedNote =>
    itemId === undefined || visible.has(itemId)
      ? { id, text, ...(itemId ? { itemId } : {}) }
      : { id, text, takenBack: true },
  )
  const traces: Trace[] = context.items
    .filter((i) => !visible.has(i.id) && i.worry)
    .map((i) => ({ stepId: i.stepId, worry: true as const }))
  return { items, notes, traces }
}
