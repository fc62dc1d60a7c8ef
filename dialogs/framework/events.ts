import * as z from 'zod'
import { ShareLevel } from '../sharing'
import { ItemId, ItemInput, ItemPatch } from './items'

/**
 * Every tool speaks the same event language; tools differ in their steps, not their events.
 * Event names are dotted lowercase inside machines (stack-notes §2).
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
  z.strictObject({ type: z.literal('share.set'), itemIds: z.array(ItemId).min(1).max(200), level: ShareLevel }),
  z.strictObject({
    type: z.literal('note.add'),
    note: z.strictObject({ id: ItemId, text: z.string().trim().min(1).max(2000), itemId: ItemId.optional() }),
  }),
  z.strictObject({ type: z.literal('worry.mark'), itemId: ItemId, on: z.boolean() }),
])
export type GesprekEvent = z.output<typeof GesprekEvent>
/** What a client sends: defaults (empty picture lists and the like) are filled in by the server's parse. */
export type GesprekCommand = z.input<typeof GesprekEvent>
export type GesprekEventType = GesprekEvent['type']

/** Events only the person doing the tool may send (the child, or the begeleider for the 0-4 observation). */
export const OPERATOR_EVENTS: readonly GesprekEventType[] = [
  'nav.next',
  'nav.back',
  'nav.skip',
  'gesprek.pause',
  'gesprek.resume',
  'gesprek.stop',
  'item.add',
  'item.update',
  'item.remove',
  'share.set',
]
/** Events only a begeleider may send: their own notes and worry marks, never the child's sharing. */
export const BEGELEIDER_EVENTS: readonly GesprekEventType[] = ['note.add', 'worry.mark']

export type Role = 'kind' | 'begeleider'
export type Operator = 'kind' | 'begeleider'

export function mayRoleSend(role: Role, operator: Operator, type: GesprekEventType): boolean {
  if (BEGELEIDER_EVENTS.includes(type)) return role === 'begeleider'
  if (type === 'share.set') return role === 'kind' // only the child changes a level, whoever operates the tool
  return role === operator
}
