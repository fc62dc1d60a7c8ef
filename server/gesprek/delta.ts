import type { GesprekView, ItemView, ViewPatch } from '../../dialogs/contract/view'
import { changedSpan } from '../../dialogs/framework/item-list'

type Entry = { id: string }
type ListPatch<T> = { remove: string[]; upsert: { after: string | null; value: T }[] }
type NoteView = GesprekView['notes'][number]

/**
 * The change from one projected list to the next. Items and notes are immutable objects (a change makes
 * a new one) and the projection keeps unchanged ones as they are, so "unchanged" is a reference check:
 * the cost is a pass over pointers, not a comparison of answers, however long the gesprek is.
 */
export function diffList<T extends Entry>(before: readonly T[], after: readonly T[]): ListPatch<T> {
  const patch: ListPatch<T> = { remove: [], upsert: [] }
  // The usual commit appends or changes one: skip the shared head and tail by reference, without a map.
  const { start, beforeEnd, afterEnd } = changedSpan(before, after)
  if (start === beforeEnd) {
    for (let i = start; i < afterEnd; i++)
      patch.upsert.push({ after: i > 0 ? after[i - 1]!.id : null, value: after[i]! })
    return patch
  }
  const old = new Map<string, T>()
  for (let i = start; i < beforeEnd; i++) old.set(before[i]!.id, before[i]!)
  let previous: string | null = start > 0 ? after[start - 1]!.id : null
  let kept = start
  for (let i = start; i < afterEnd; i++) {
    const e = after[i]!
    const was = old.get(e.id)
    if (was !== e) patch.upsert.push({ after: previous, value: e })
    if (was !== undefined) kept++
    previous = e.id
  }
  if (kept < beforeEnd) {
    const now = new Set(after.slice(start, afterEnd).map((e) => e.id))
    for (let i = start; i < beforeEnd; i++) if (!now.has(before[i]!.id)) patch.remove.push(before[i]!.id)
  }
  return patch
}

/**
 * The items of `view` a commit may have changed since `before` (every item when there is no before):
 * a superset of what changed, found by reference between the unchanged ends.
 */
export function changedSince(before: GesprekView | undefined, view: GesprekView): readonly ItemView[] {
  if (!before) return view.items
  const { start, afterEnd } = changedSpan(before.items, view.items)
  return view.items.slice(start, afterEnd)
}

/** What one frame to a room carries: a patch on the view of seq `base`, or a whole view. */
export type Frame =
  | { type: 'patch'; base: number; patch: ViewPatch; changed: boolean; upserted: readonly ItemView[] }
  | { type: 'view'; view: GesprekView }

type Sent = {
  /** The seq of the last frame sent to the room: the base of the next patch. */
  base: number
  /** The last seq this process looked at for the room (sent or not). */
  seen: number
  items: readonly ItemView[]
  notes: readonly NoteView[]
  head: string
}

/**
 * Per room, the view its last frame showed, so the next frame is a patch on it (docs/decisions/0027).
 * A patch from `base` applies on any view a screen holds from `base` up to the seq before it: nothing the
 * room may see changed in between (else a frame would have gone out and moved `base`). When this process
 * missed a commit of the gesprek (another node, an empty room), it has no base and sends a whole view.
 */
export class RoomFrames {
  private readonly sent = new Map<string, Sent>()

  /** A screen joined the room with the view of `seq`: the room's first base, if it has none yet. */
  joined(room: string, seq: number, view: GesprekView): void {
    if (!this.sent.has(room)) this.sent.set(room, record(seq, seq, view))
  }

  /** The room emptied, or a commit passed while nobody of it watched here: no base any more. */
  drop(room: string): void {
    this.sent.delete(room)
  }

  /** True when the room already holds a view at or after `seq` (a join overtook this commit's frame). */
  holds(room: string, seq: number): boolean {
    return (this.sent.get(room)?.seen ?? -1) >= seq
  }

  /**
   * The frame for the view of `seq`. `quiet`: an unchanged view sends nothing (the caller skips the
   * frame) and the base stays where it was.
   */
  frame(room: string, seq: number, view: GesprekView, quiet: boolean): Frame {
    const before = this.sent.get(room)
    if (!before || before.seen !== seq - 1) {
      this.sent.set(room, record(seq, seq, view))
      return { type: 'view', view }
    }
    const { items, notes, ...head } = view
    const headKey = JSON.stringify(head)
    const patch: ViewPatch = { head, items: diffList(before.items, items), notes: diffList(before.notes, notes) }
    const changed =
      headKey !== before.head ||
      patch.items.upsert.length + patch.items.remove.length + patch.notes.upsert.length + patch.notes.remove.length > 0
    if (quiet && !changed) {
      before.seen = seq
      return { type: 'patch', base: before.base, patch, changed, upserted: [] }
    }
    this.sent.set(room, { base: seq, seen: seq, items, notes, head: headKey })
    return { type: 'patch', base: before.base, patch, changed, upserted: patch.items.upsert.map((u) => u.value) }
  }
}

function record(base: number, seen: number, view: GesprekView): Sent {
  const { items, notes, ...head } = view
  return { base, seen, items, notes, head: JSON.stringify(head) }
}
