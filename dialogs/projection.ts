import type { GesprekContext } from './framework/build'
import type { Item, Note } from './contract/items'
import { changedSpan, findItem, madeFrom } from './framework/item-list'
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
 * One audience's pick of a gesprek's items, kept per items array (arrays are never changed in place):
 * `out[j]` came from `from[j]`. Nothing is copied twice: an audience that keeps every item has the
 * source array itself as `from`, one that keeps items as they are has `out` as `from`. Made again from
 * the previous array's pick when the caller names it (`since`): only the span between the unchanged
 * ends is looked at, so a commit late in a long gesprek costs what an early one costs
 * (docs/decisions/0155). The rule per item is the same either way.
 */
type Chosen<T> = { out: T[]; from: readonly Item[] }
/** `all`: every item is kept. `make`: the audience's copy of an item; none: the item itself. */
type Picker<T> = {
  keep: ((item: Item) => boolean) | 'all'
  make?: (item: Item) => T
  chosen: WeakMap<readonly Item[], Chosen<T>>
}

const visibleTo = (audience: Audience) => (item: Item) => mayAudienceSee(item.share, audience)
const pickers: Record<Audience, Picker<Item>> = {
  kind: { keep: 'all', make: childCopy, chosen: new WeakMap() },
  begeleider: { keep: visibleTo('begeleider'), chosen: new WeakMap() },
  oudergesprek: { keep: visibleTo('oudergesprek'), chosen: new WeakMap() },
  'andere-ouder': { keep: visibleTo('andere-ouder'), chosen: new WeakMap() },
}
/** A worry mark on an answer the begeleider may no longer see, kept as a bare fact. */
const tracePicker: Picker<Trace> = {
  keep: (i) => i.worry && !mayAudienceSee(i.share, 'begeleider'),
  make: (i) => ({ stepId: i.stepId, worry: true, ...(i.worryAt ? { at: i.worryAt } : {}) }),
  chosen: new WeakMap(),
}

/** How many picks (`from`, a subsequence of `source` in order) came from `source[0, end)`. */
function picksBefore(from: readonly Item[], source: readonly Item[], end: number): number {
  let k = 0
  for (let i = 0; i < end && k < from.length; i++) if (from[k] === source[i]) k++
  return k
}
/** Where in `from` the picks that came from `source[start, source.length)` begin. */
function picksFrom(from: readonly Item[], source: readonly Item[], start: number): number {
  let k = from.length
  for (let i = source.length - 1; i >= start && k > 0; i--) if (from[k - 1] === source[i]) k--
  return k
}

function pick<T>(p: Picker<T>, items: readonly Item[], since: readonly Item[] | undefined): T[] {
  const hit = p.chosen.get(items)
  if (hit) return hit.out
  const base = since && p.chosen.get(since)
  const keep = p.keep
  let made: Chosen<T>
  if (since && base) {
    const { start, beforeEnd, afterEnd } = changedSpan(since, items)
    // The picks that came from the unchanged head and tail of `since` stay; for an append (the usual
    // commit) or an audience that keeps all, their count is known without a walk.
    const all = keep === 'all'
    const head = all ? start : start === since.length ? base.from.length : picksBefore(base.from, since, start)
    const tail = all
      ? beforeEnd
      : beforeEnd === since.length
        ? base.from.length
        : picksFrom(base.from, since, beforeEnd)
    const out = base.out.slice(0, head)
    // Only an audience that both picks and copies needs its own list of where each pick came from.
    const own = !all && p.make ? base.from.slice(0, head) : null
    for (let i = start; i < afterEnd; i++) {
      const item = items[i]!
      if (!all && !keep(item)) continue
      out.push(p.make ? p.make(item) : (item as T))
      own?.push(item)
    }
    for (let j = tail; j < base.out.length; j++) {
      out.push(base.out[j]!)
      own?.push(base.from[j]!)
    }
    const from = all ? items : (own ?? (out as unknown as Item[]))
    made = { out: madeFrom(base.out, out, head, tail, out.length - (base.out.length - tail)), from }
  } else {
    const from = keep === 'all' ? items : items.filter(keep)
    made = { out: p.make ? from.map(p.make) : (from as unknown as T[]), from }
  }
  p.chosen.set(items, made)
  return made.out
}

/**
 * The only code that decides what an audience sees of a gesprek (architecture rule 3).
 * Socket broadcasts, pages, the oudergesprek preparation, prints and exports all call this.
 * `since`: the context this one came from by one event, whose projection the caller made before (the
 * host names it; the answer is the same without it, only slower in a long gesprek). The arrays it
 * returns are shared with later calls: read them, never change them.
 */
export function project(
  context: Pick<GesprekContext, 'items' | 'notes'>,
  audience: Audience,
  since?: Pick<GesprekContext, 'items'>,
): Projection {
  const items = pick(pickers[audience], context.items, since?.items)
  if (audience !== 'begeleider') return { items, notes: [], traces: [] }
  // The begeleider's own record survives a child's retraction [000:720-722]: their notes stay, but no
  // longer point at the answer (its id and words are gone), and a worry mark stays as a bare fact.
  const notes = context.notes.map((n) => {
    const about = n.itemId === undefined ? undefined : findItem(context.items, n.itemId)
    return noteCopy(n, n.itemId === undefined || (about !== undefined && mayAudienceSee(about.share, 'begeleider')))
  })
  return { items, notes, traces: pick(tracePicker, context.items, since?.items) }
}

/** A child device in a guided gesprek (ADR 0010): the child's own (trusted) or a later, unapproved one. */
export type DeviceStanding = { deviceId: string; trusted: boolean }
/**
 * Who added each item (a device id; undefined for items from before devices were told apart, which are
 * the child's) and which devices are the child's own.
 */
export type DeviceBook = {
  authorOf: (itemId: string) => string | undefined
  isTrusted: (deviceId: string) => boolean
  /** No item was made by a device that is not the child's own: the child's own screens see every item. */
  onlyOwn: boolean
}

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
