import type { Item } from '../contract/items'

/**
 * A gesprek's items as the machine keeps them: an array that is never changed in place (every change
 * makes a new array, every changed item a new object), with where each item is by id beside it.
 *
 * Why: a long gesprek must cost the same per command as a short one (docs/decisions/0155). A linear
 * `find` or `map` over 300 items touches 300 objects scattered over the heap on every command; the
 * position index answers "is this id here, where" at once, and a changed array is a copy of pointers
 * with one slot replaced. The index travels with the newest array: the array a change came from loses
 * it and builds its own again only if it is ever asked (a discarded snapshot), so it is never wrong.
 */
const positions = new WeakMap<readonly Item[], Map<string, number>>()

function positionsOf(items: readonly Item[]): Map<string, number> {
  let at = positions.get(items)
  if (!at) {
    at = new Map()
    for (let i = 0; i < items.length; i++) at.set(items[i]!.id, i)
    positions.set(items, at)
  }
  return at
}

/** Moves the index from the array a change came from to the array it made. */
function handOver(from: readonly Item[], to: readonly Item[]): Map<string, number> {
  const at = positionsOf(from)
  positions.delete(from)
  positions.set(to, at)
  return at
}

export function findItem(items: readonly Item[], id: string): Item | undefined {
  const i = positionsOf(items).get(id)
  return i === undefined ? undefined : items[i]
}

/** The items with one more at the end. */
export function appendItem(items: readonly Item[], item: Item): Item[] {
  const next = [...items, item]
  handOver(items, next).set(item.id, items.length)
  return madeFrom(items, next, items.length, items.length, next.length)
}

/** The items with each of `ids` that is there replaced by `change(item)`; the same array when none is. */
export function replaceItems(items: Item[], ids: readonly string[], change: (item: Item) => Item): Item[] {
  const at = positionsOf(items)
  let next: Item[] | null = null
  let first = items.length
  let last = -1
  for (const id of ids) {
    const i = at.get(id)
    if (i === undefined) continue
    next ??= items.slice()
    next[i] = change(next[i]!)
    first = Math.min(first, i)
    last = Math.max(last, i)
  }
  if (!next) return items
  handOver(items, next)
  return madeFrom(items, next, first, last + 1, last + 1)
}

/** The items without `id`. Positions after it move, so the new array builds its index when first asked. */
export function removeItem(items: Item[], id: string): Item[] {
  const i = positionsOf(items).get(id)
  if (i === undefined) return items
  return madeFrom(items, [...items.slice(0, i), ...items.slice(i + 1)], i, i + 1, i)
}

export type Span = { start: number; beforeEnd: number; afterEnd: number }
/**
 * Where an array differs from the one it was made from, said by whoever made it: then `changedSpan`
 * needs no walk at all (even a walk over pointers reads the whole array, which in a long gesprek is
 * out of the cache by the next command). The array it came from is held weakly: a gesprek's history of
 * arrays is never kept alive by the newest one.
 */
const spans = new WeakMap<readonly unknown[], Span & { from: WeakRef<readonly unknown[]> }>()

/** Records that `after` is `before` with `before[start, beforeEnd)` replaced by `after[start, afterEnd)`. */
export function madeFrom<A extends readonly unknown[]>(
  before: readonly unknown[],
  after: A,
  start: number,
  beforeEnd: number,
  afterEnd: number,
): A {
  spans.set(after, { from: new WeakRef(before), start, beforeEnd, afterEnd })
  return after
}

/**
 * The part of `after` that is not `before`'s, by reference: `before[start, beforeEnd)` became
 * `after[start, afterEnd)`; what lies before `start` and from the ends on are the same objects.
 * Known at once when `after` was made from `before` by a recorded change (`madeFrom`), else a pass
 * over two arrays of pointers, without looking into one item.
 */
export function changedSpan<T>(before: readonly T[], after: readonly T[]): Span {
  const known = spans.get(after)
  if (known && known.from.deref() === before) return known
  const common = Math.min(before.length, after.length)
  let start = 0
  while (start < common && before[start] === after[start]) start++
  let beforeEnd = before.length
  let afterEnd = after.length
  while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--
    afterEnd--
  }
  return { start, beforeEnd, afterEnd }
}
