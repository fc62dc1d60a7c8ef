import * as z from 'zod'
import { AgeBand, Lang, Living, Setting } from './ids'
import { Colour, Drawing, FollowUps, ItemId, Person, PictureId, ShareLevel } from './items'
import { ParentRole } from './parents'

/**
 * Where a gesprek stands, the same for every tool: the top-level states of each generated machine
 * (dialogs/framework/build.ts). Not the method's phase of a child's trajectory (docs/glossary.md).
 */
export const PHASES = ['actief', 'gepauzeerd', 'gestopt', 'afgerond'] as const
export const Phase = z.enum(PHASES)
export type Phase = z.output<typeof Phase>

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
  lang: Lang.optional(),
  followUps: FollowUps,
  share: ShareLevel,
  /** For a parent level: the parent the child's screen named when the child chose it (events.ts `to`). */
  shareTo: ParentRole.optional(),
  /** Whether the child picked `share` itself (absent on answers stored before this was kept). */
  chosen: z.boolean().optional(),
  worry: z.boolean(),
  worryAt: z.string().optional(),
})

const NoteView = z.strictObject({
  id: z.string(),
  text: z.string(),
  itemId: z.string().optional(),
  /** The child has since kept the answer this note was about to themselves (dialogs/projection.ts). */
  takenBack: z.literal(true).optional(),
})

export const GesprekView = z.strictObject({
  toolId: z.string(),
  version: z.string(),
  /** The register the screens use (the child's development band). */
  ageBand: AgeBand,
  /** The child's actual age band, when it differs: the deelafspraak's words follow it (dialogs/sharing.ts). */
  legalBand: AgeBand.optional(),
  setting: Setting,
  /** The living situation the gesprek started with; absent for gesprekken from before it was kept. */
  living: Living.optional(),
  phase: Phase,
  step: z.strictObject({ id: z.string(), type: z.string(), index: z.int(), count: z.int() }).nullable(),
  can: z.strictObject({
    next: z.boolean(),
    back: z.boolean(),
    skip: z.boolean(),
    pause: z.boolean(),
    resume: z.boolean(),
    stop: z.boolean(),
  }),
  items: z.array(ItemView),
  notes: z.array(NoteView),
  /** Worry marks on answers the child took back: the fact only, for the begeleider's record. */
  traces: z.array(z.strictObject({ stepId: z.string(), worry: z.literal(true), at: z.string().optional() })).optional(),
  skipped: z.array(z.string()),
})
export type GesprekView = z.output<typeof GesprekView>
export type ItemView = z.output<typeof ItemView>

/**
 * Changes to one list of a view, in the list's order: `remove` the ids that left it, then for each
 * `upsert` replace the entry with that id where it is, or insert it right after `after` (null: first).
 */
const ListPatch = <T extends z.ZodType>(entry: T) =>
  z.strictObject({
    remove: z.array(z.string()),
    upsert: z.array(z.strictObject({ after: z.string().nullable(), value: entry })),
  })

/**
 * What changed in one audience's view from one seq to the next (docs/protocol.md, patches): the head
 * (phase, step, what may be pressed) whole, since it is small, and the answers and notes by id.
 */
export const ViewPatch = z.strictObject({
  head: GesprekView.omit({ items: true, notes: true }),
  items: ListPatch(ItemView),
  notes: ListPatch(NoteView),
})
export type ViewPatch = z.output<typeof ViewPatch>
