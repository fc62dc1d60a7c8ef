import * as z from 'zod'
import { ShareLevel } from '../sharing'
import { Drawing, FollowUps, ItemId, Person, PictureId, Colour } from '../framework/items'
import { AgeBand } from './ids'

export const ItemView = z.strictObject({
  id: ItemId,
  stepId: z.string(),
  text: z.string().optional(),
  pictures: z.array(PictureId),
  drawing: Drawing.optional(),
  subject: z.string().optional(),
  colour: Colour.optional(),
  scale: z.int().optional(),
  person: Person.optional(),
  prompt: z.string().optional(),
  followUps: FollowUps,
  share: ShareLevel,
  /** Whether the child picked `share` itself (absent on answers stored before this was kept). */
  chosen: z.boolean().optional(),
  worry: z.boolean(),
})

export const GesprekView = z.strictObject({
  toolId: z.string(),
  version: z.string(),
  ageBand: AgeBand,
  setting: z.enum(['begeleid', 'kamer']),
  phase: z.enum(['actief', 'gepauzeerd', 'gestopt', 'afgerond']),
  step: z.strictObject({ id: z.string(), kind: z.string(), index: z.int(), count: z.int() }).nullable(),
  can: z.strictObject({
    next: z.boolean(),
    back: z.boolean(),
    skip: z.boolean(),
    pause: z.boolean(),
    resume: z.boolean(),
    stop: z.boolean(),
  }),
  items: z.array(ItemView),
  notes: z.array(z.strictObject({ id: z.string(), text: z.string(), itemId: z.string().optional() })),
  skipped: z.array(z.string()),
})
export type GesprekView = z.output<typeof GesprekView>
export type ItemView = z.output<typeof ItemView>
