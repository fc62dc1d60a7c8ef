import type { ItemView } from '../../../dialogs/contract/view'
import type { StepSpec } from '../../../dialogs/framework/build'
import type { OutboxEntry } from '../../net/outbox'

export type ShownItem = ItemView & { pending: boolean }

/**
 * The step's items as the child should see them right now: what the server stored, plus adds and
 * edits still in the outbox (so a tap shows at once, also offline), marked as pending.
 */
export function stepItems(view: { items: ItemView[] }, step: StepSpec, pending: readonly OutboxEntry[]): ShownItem[] {
  const stored = view.items.filter((i) => i.stepId === step.id)
  const shown: ShownItem[] = stored.map((i) => ({ ...i, pending: false }))
  for (const { event } of pending) {
    if (event.type === 'item.add' && !stored.some((i) => i.id === event.item.id)) {
      const input = event.item
      shown.push({
        ...input,
        pictures: input.pictures ?? [],
        person: input.person
          ? { ...input.person, gives: input.person.gives ?? [], mustNotKnow: input.person.mustNotKnow ?? false }
          : undefined,
        stepId: step.id,
        followUps: {},
        share: 'alleen-ik',
        worry: false,
        pending: true,
      })
    } else if (event.type === 'item.update') {
      const at = shown.findIndex((i) => i.id === event.itemId)
      if (at >= 0) {
        const { followUps, person, ...patch } = event.patch
        const before = shown[at]!
        shown[at] = {
          ...before,
          ...patch,
          ...(person
            ? { person: { ...person, gives: person.gives ?? [], mustNotKnow: person.mustNotKnow ?? false } }
            : {}),
          followUps: { ...before.followUps, ...(followUps ?? {}) },
          pending: true,
        }
      }
    } else if (event.type === 'item.remove') {
      const at = shown.findIndex((i) => i.id === event.itemId)
      if (at >= 0) shown.splice(at, 1)
    }
  }
  return shown
}
