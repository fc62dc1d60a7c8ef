import type { GesprekContext } from './framework/build'
import type { Item, Note } from './contract/items'
import { mayAudienceSee, type Audience, type ShareLevel } from './sharing'

/**
 * What the begeleider keeps of an answer the child took back: the fact that a worry was marked, in the
 * begeleider's words and without any of the child's (docs/deelafspraak.md, "The begeleider's own record").
 */
export type Trace = { stepId: string; worry: true; at?: string }
/** A begeleider's note; `takenBack` when the child has since kept the answer it was about to themselves. */
export type ProjectedNote = Note & { takenBack?: true }
export type Projection = { items: Item[]; notes: ProjectedNote[]; traces: Trace[] }

/**
 * The child's copy of each item, kept per item object: items are immutable (every change makes a new
 * one), so an unchanged item keeps the same copy and the server's patch sees it unchanged by identity.
 */
const childCopies = new WeakMap<Item, Item>()
const childCopy = (item: Item): Item => {
  let copy = childCopies.get(item)
  if (!copy) {
    const { worry: _worry, worryAt: _at, ...rest } = item
    childCopies.set(item, (copy = { ...rest, worry: false }))
  }
  return copy
}

/** The begeleider's copy of each note, per note object and per "still about a visible answer", for the same reason. */
const noteCopies = new WeakMap<Note, ProjectedNote>()
const takenBackCopies = new WeakMap<Note, ProjectedNote>()
const noteCopy = (note: Note, about: boolean): ProjectedNote => {
  const copies = about ? noteCopies : takenBackCopies
  let copy = copies.get(note)
  if (!copy) {
    const { id, text, itemId } = note
    copy = about ? { id, text, ...(itemId ? { itemId } : {}) } : { id, text, takenBack: true }
    copies.set(note, copy)
  }
  return copy
}

/**
 * The only code that decides what an audience sees of a gesprek (architecture rule 3).
 * Socket broadcasts, pages, the oudergesprek preparation, prints and exports all call this.
 */
export function project(context: Pick<GesprekContext, 'items' | 'notes'>, audience: Audience): Projection {
  const items = context.items.filter((item) => mayAudienceSee(item.share, audience))
  if (audience === 'kind') return { items: items.map(childCopy), notes: [], traces: [] }
  if (audience !== 'begeleider') return { items, notes: [], traces: [] }
  const visible = new Set(items.map((i) => i.id))
  // The begeleider's own record survives a child's retraction [000:720-722]: their notes stay, but no
  // longer point at the answer (its id and words are gone), and a worry mark stays as a bare fact.
  const notes = context.notes.map((n) => noteCopy(n, n.itemId === undefined || visible.has(n.itemId)))
  const traces: Trace[] = context.items
    .filter((i) => !visible.has(i.id) && i.worry)
    .map((i) => ({ stepId: i.stepId, worry: true as const, ...(i.worryAt ? { at: i.worryAt } : {}) }))
  return { items, notes, traces }
}

/** A child device in a guided gesprek (ADR 0010): the child's own (trusted) or a later, unapproved one. */
export type DeviceStanding = { deviceId: string; trusted: boolean }
/**
 * Who added each item (a device id; undefined for items from before devices were told apart, which are
 * the child's) and which devices are the child's own.
 */
export type DeviceBook = { authorOf: (itemId: string) => string | undefined; isTrusted: (deviceId: string) => boolean }

/**
 * Whether a device may act on an item as its owner (change it, remove it, set its level): its own items,
 * and for the child's own devices everything the child's own devices made. A later device that a
 * begeleider may hold never reaches the child's items this way.
 */
export function deviceOwnsItem(device: DeviceStanding, itemId: string, book: DeviceBook): boolean {
  const author = book.authorOf(itemId)
  if (author === device.deviceId) return true
  return device.trusted && (author === undefined || book.isTrusted(author))
}

/**
 * What one child device sees of the child's projection: what it owns, and what a begeleider may see
 * anyway. An unapproved device therefore never shows an `alleen-ik` item it did not make.
 */
export function projectForDevice<T extends { id: string; share: ShareLevel }>(
  items: readonly T[],
  device: DeviceStanding,
  book: DeviceBook,
): T[] {
  return items.filter((i) => deviceOwnsItem(device, i.id, book) || mayAudienceSee(i.share, 'begeleider'))
}
