import type { ViewPatch } from '../../dialogs/contract/view'
import type { Projection } from '../../dialogs/projection'

type Entry = { id: string }
type ListPatch<T> = { remove: string[]; upsert: { after: string | null; value: T }[] }

/**
 * The change from one projected list to the next. Items and notes are immutable objects (a change makes
 * a new one) and the projection keeps unchanged ones as they are, so "unchanged" is a reference check:
 * the cost is a pass over pointers, not a comparison of answers, however long the gesprek is.
 */
export function diffList<T extends Entry>(before: readonly T[], after: readonly T[]): ListPatch<T> {
  const old = new Map<string, T>()
  for (const e of before) old.set(e.id, e)
  const patch: ListPatch<T> = { remove: [], upsert: [] }
  let previous: string | null = null
  let kept = 0
  for (const e of after) {
    const was = old.get(e.id)
    if (was !== e) patch.upsert.push({ after: previous, value: e })
    if (was !== undefined) kept++
    previous = e.id
  }
  if (kept < before.length) {
    const now = new Set(after.map((e) => e.id))
    for (const e of before) if (!now.has(e.id)) patch.remove.push(e.id)
  }
  return patch
}

export function diffProjection(before: Projection, after: Projection, head: ViewPatch['head']): ViewPatch {
  return { head, items: diffList(before.items, after.items), notes: diffList(before.notes, after.notes) }
}
