import type { GesprekView, ViewPatch } from '../../dialogs/contract/view'

type Entry = { id: string }

function applyList<T extends Entry>(
  list: readonly T[],
  patch: { remove: string[]; upsert: { after: string | null; value: T }[] },
): T[] {
  const gone = new Set(patch.remove)
  const out = gone.size > 0 ? list.filter((e) => !gone.has(e.id)) : [...list]
  for (const { after, value } of patch.upsert) {
    const at = out.findIndex((e) => e.id === value.id)
    if (at >= 0) {
      out[at] = value
      continue
    }
    const prev = after === null ? -1 : out.findIndex((e) => e.id === after)
    out.splice(prev + 1, 0, value)
  }
  return out
}

/** One patch on a view: pure, so the screen, the tests and the benchmark apply it the same way. */
export function applyPatch(view: GesprekView, patch: ViewPatch): GesprekView {
  return { ...patch.head, items: applyList(view.items, patch.items), notes: applyList(view.notes, patch.notes) }
}
