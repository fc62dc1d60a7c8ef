import * as z from 'zod'
import { ItemId, ItemInput, ItemPatch, ShareLevel } from './items'
import { ParentRole } from './parents'

/**
 * Every tool speaks the same event language; tools differ in their steps, not their events.
 * Event names are dotted lowercase inside machines; the socket carries them in `gesprek:command`.
 */
export const GesprekEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('nav.next') }),
  z.strictObject({ type: z.literal('nav.back') }),
  z.strictObject({ type: z.literal('nav.skip') }),
  z.strictObject({ type: z.literal('gesprek.pause') }),
  z.strictObject({ type: z.literal('gesprek.resume') }),
  z.strictObject({ type: z.literal('gesprek.stop') }),
  z.strictObject({ type: z.literal('item.add'), item: ItemInput }),
  z.strictObject({ type: z.literal('item.update'), itemId: ItemId, patch: ItemPatch }),
  z.strictObject({ type: z.literal('item.remove'), itemId: ItemId }),
  z.strictObject({
    type: z.literal('share.set'),
    itemIds: z.array(ItemId).min(1).max(200),
    level: ShareLevel,
    /**
     * Which parent the choice named on the child's screen ("aan mama"), for the two parent levels: the
     * answer then belongs to that parent's preparation only, also after the begeleider records another
     * parent for the oudergesprek. Absent: "the parent you are here with" (docs/deelafspraak.md).
     */
    to: ParentRole.optional(),
  }),
  z.strictObject({
    type: z.literal('note.add'),
    note: z.strictObject({ id: ItemId, text: z.string().trim().min(1).max(2000), itemId: ItemId.optional() }),
  }),
  z.strictObject({
    type: z.literal('worry.mark'),
    itemId: ItemId,
    on: z.boolean(),
    /** When it was marked: set by the server's host on every mark (a client's own value is replaced). */
    at: z.iso.datetime().optional(),
  }),
])
export type GesprekEvent = z.output<typeof GesprekEvent>
/** What a client sends: defaults (empty picture lists and the like) are filled in by the server's parse. */
export type GesprekCommand = z.input<typeof GesprekEvent>
export type GesprekEventType = GesprekEvent['type']
