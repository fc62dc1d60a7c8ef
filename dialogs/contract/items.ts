import * as z from 'zod'
import { Lang } from './ids'
import type { ParentRole } from './parents'

/**
 * The words of an answer, shared by the machines, the views and both ends of the wire. The contract
 * is the bottom layer: this file imports nothing but zod and the contract (docs/architecture.md).
 */

/**
 * The deelafspraak: per item the child decides who may know it.
 * Order matters only for display; no level is "better" than another (docs/deelafspraak.md).
 */
export const SHARE_LEVELS = ['alleen-ik', 'begeleider', 'begeleider-vertelt', 'zelf-vertellen'] as const
export const ShareLevel = z.enum(SHARE_LEVELS)
export type ShareLevel = z.output<typeof ShareLevel>

/** Pictures are ids from the bundled picture set (client/ui/pictures), never URLs. */
export const PictureId = z.string().regex(/^[a-z0-9-]{1,32}$/)
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
const Text = z.string().trim().max(1000)

export const Colour = z.enum(['groen', 'oranje', 'rood'])
export type Colour = z.output<typeof Colour>
export const PersonCategory = z.enum([
  'familie',
  'vrienden',
  'school',
  'hulpverleners',
  'club-buurt',
  'online',
  'huisdier',
])
export const PersonGives = z.enum(['troost', 'hulp', 'leuke-dingen', 'advies'])
export const Person = z.strictObject({
  name: z.string().trim().min(1).max(40),
  category: PersonCategory,
  circle: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  gives: z.array(PersonGives).max(4).default([]),
  safe: z.enum(['ja', 'soms', 'nee']).optional(),
  contact: z.enum(['meer', 'zo', 'minder']).optional(),
  mustNotKnow: z.boolean().default(false),
})
export type Person = z.output<typeof Person>

/** A simple drawing: up to a few hundred short strokes of points in a 0..1000 box. */
export const Drawing = z.array(z.array(z.tuple([z.int().min(0).max(1000), z.int().min(0).max(1000)])).max(400)).max(60)

/** What a client may send when adding an item; the step decides which fields are required. */
export const ItemInput = z.strictObject({
  id: ItemId,
  text: Text.optional(),
  pictures: z.array(PictureId).max(6).default([]),
  drawing: Drawing.optional(),
  /** Stoplicht: the thing that gets a colour (a place, person or moment key, or the child's own). */
  subject: z.string().trim().min(1).max(60).optional(),
  colour: Colour.optional(),
  scale: z.int().min(0).max(10).optional(),
  person: Person.optional(),
  /** For a shared step (e.g. Mijn kamer modules): which prompt inside the step this answers. */
  prompt: z
    .string()
    .regex(/^[a-zA-Z0-9.-]{1,40}$/)
    .optional(),
  /** The language the child answered in: the begeleider reads the words as given, beside the prompt. */
  lang: Lang.optional(),
})
export type ItemInput = z.input<typeof ItemInput>

export const FollowUps = z
  .record(z.string().regex(/^[a-zA-Z0-9-]{1,30}$/), Text)
  .refine((r) => Object.keys(r).length <= 8)

export const ItemPatch = z.strictObject({
  text: Text.optional(),
  pictures: z.array(PictureId).max(6).optional(),
  colour: Colour.optional(),
  scale: z.int().min(0).max(10).optional(),
  person: Person.optional(),
  followUps: FollowUps.optional(),
})

export type Item = Omit<z.output<typeof ItemInput>, 'id'> & {
  id: string
  stepId: string
  share: ShareLevel
  /** For a parent level: the parent the child's screen named ("aan mama"); absent: the parent here. */
  shareTo?: ParentRole
  /**
   * True once the child itself picked a level for this item. Until then `share` is the starting
   * level of the setting (the begeleider beside the child may have seen it): the truth, but not a
   * choice the child made, so no screen shows it as one.
   */
  chosen?: boolean
  followUps: Record<string, string>
  /** Set by the begeleider ("zorg"): a signal for a human, never a score. */
  worry: boolean
  /** When the worry was marked (the server's time): kept as "zorg gemarkeerd op …" after a retraction. */
  worryAt?: string
}

export type Note = { id: string; text: string; itemId?: string }

/** Types of step; the client renders each type with its own visual (docs/glossary.md). */
export const STEP_TYPES = ['info', 'items', 'stoplicht', 'scale', 'netwerk', 'observe', 'share', 'modules'] as const
export type StepType = (typeof STEP_TYPES)[number]
