import { CodedError } from '../../dialogs/contract/errors'
import type { GesprekContext } from '../../dialogs/framework/build'
import type { GesprekEvent } from '../../dialogs/framework/events'
import { findItem } from '../../dialogs/framework/item-list'
import type { ToolDef } from '../../dialogs/framework/tool'

/**
 * Bounds on what one token can make the server hold (docs/security.md, the brute-forcer): a drawing, a gesprek's items, and the
 * stored snapshot. Each answers with its own code, so the child hears what happened, not "internal".
 */
export const MAX_DRAWING_POINTS = 4000
export const MAX_ITEMS_PER_GESPREK = 300
export const MAX_SNAPSHOT_CHARS = 2_000_000

export function checkEventBounds(context: Pick<GesprekContext, 'items'>, event: GesprekEvent): void {
  if (event.type !== 'item.add') return
  const drawing = event.item.drawing
  if (drawing && drawing.reduce((n, stroke) => n + stroke.length, 0) > MAX_DRAWING_POINTS)
    throw new CodedError('drawing_too_large', 413)
  if (context.items.length >= MAX_ITEMS_PER_GESPREK) throw new CodedError('gesprek_full', 409)
}

/** The persisted snapshot as it would be stored: too big, and nothing is stored. */
export function checkSnapshotBounds(persisted: string): void {
  if (persisted.length > MAX_SNAPSHOT_CHARS) throw new CodedError('gesprek_full', 413)
}

/**
 * A rule the statechart does not know: follow-up answers only under the questions the item's step asks
 * (`invalid_payload`). Who may send what is decided before, in `authorizeCommand` (server/auth/commands.ts).
 */
export function checkEventRules(tool: ToolDef, context: Pick<GesprekContext, 'items'>, event: GesprekEvent): void {
  if (event.type !== 'item.update' || !event.patch.followUps) return
  const item = findItem(context.items, event.itemId)
  const asked = tool.steps.find((s) => s.id === item?.stepId)?.followUps ?? []
  if (!Object.keys(event.patch.followUps).every((k) => asked.includes(k))) throw new CodedError('invalid_payload', 400)
}
