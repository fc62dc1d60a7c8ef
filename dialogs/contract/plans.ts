import * as z from 'zod'
import { AgeBand, ChildId, Id } from './ids'
import { NETWORK_FLAGS } from './parents'
import { ItemId, PictureId } from './items'
import { ToolLabels } from './tool-version'
import { ItemView } from './view'
import { Day } from './workspace'

/**
 * The child's plans (docs/plans.md): the actieplan, the veiligheidsplan with its version for the child,
 * and the 6-weekly evaluation. A plan never stores the child's words: it stores a citation (which
 * answer), and every read resolves it through the projection of the audience that will see the plan.
 */

/** A pointer to one answer; never its words. */
export const Citation = z.strictObject({ gesprekId: Id, itemId: ItemId })
export type Citation = z.output<typeof Citation>

/** Who will see a rendering of a plan: the begeleider's screen, or the sheet printed for the parent. */
export const PLAN_AUDIENCES = ['begeleider', 'oudergesprek'] as const
export type PlanAudience = (typeof PLAN_AUDIENCES)[number]

/** A cited answer as the plan's audience may see it; `forParent`: it is also on the parent's sheet. */
export const CitedItem = z.strictObject({
  gesprekId: Id,
  toolId: z.string(),
  at: z.string(),
  item: ItemView,
  forParent: z.boolean(),
})
export type CitedItem = z.output<typeof CitedItem>

const Words = z.string().trim().min(1).max(500)
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/)
const ChildHead = z.strictObject({ id: ChildId, nickname: z.string(), ageBand: AgeBand })
const Stamp = { updatedAt: z.string().nullable(), updatedBy: z.string().nullable() }

/** Progress per goal: words a parent and child understand, not a score. */
export const GOAL_PROGRESS = ['nog-niet', 'begonnen', 'gaat-goed', 'bereikt'] as const
export const GoalProgress = z.enum(GOAL_PROGRESS)
export type GoalProgress = z.output<typeof GoalProgress>

/** A goal in the family's own words [000:527], agreed with parent and child [000:507-510]. */
export const Goal = z.strictObject({
  id: PlanId,
  text: Words,
  progress: GoalProgress.default('nog-niet'),
  citations: z.array(Citation).max(8).default([]),
})
export const ActieplanBody = z.strictObject({ goals: z.array(Goal).max(12) })
export type ActieplanBody = z.output<typeof ActieplanBody>

export const GoalOut = z.strictObject({
  id: PlanId,
  text: z.string(),
  progress: GoalProgress,
  citations: z.array(CitedItem),
})
export const ActieplanOut = z.strictObject({
  child: ChildHead,
  audience: z.enum(PLAN_AUDIENCES),
  goals: z.array(GoalOut),
  /** Answers that often become goals (dreams, worries, what helps), for "maak er een doel van". */
  suggestions: z.array(CitedItem),
  /** The words of prompts of an organisation's own versions (server/tools/labels.ts). */
  labels: ToolLabels.optional(),
  ...Stamp,
})
export type ActieplanOut = z.output<typeof ActieplanOut>

/** Who agreed to the veiligheidsplan, and when: it is made by parents, child and hulpverlener [000:2657-2661]. */
export const AGREERS = ['ouder', 'kind', 'begeleider'] as const
export const Agreement = z.strictObject({ who: z.enum(AGREERS), on: Day })
/** One line of the child's version: a picture and a short sentence [000:700-706]. */
export const ChildLine = z.strictObject({ picture: PictureId, text: z.string().trim().min(1).max(140) })
export type ChildLine = z.output<typeof ChildLine>
export const WhoDoesWhat = z.strictObject({ who: z.string().trim().min(1).max(60), what: Words })

export const VeiligheidsplanBody = z.strictObject({
  /** Waarover zijn er zorgen? */
  worries: z.array(Words).max(12),
  /** Wat moet er gebeuren? */
  mustHappen: z.array(Words).max(12),
  whoDoesWhat: z.array(WhoDoesWhat).max(12),
  citations: z.array(Citation).max(16),
  childVersion: z.array(ChildLine).max(10),
  agreements: z.array(Agreement).max(12),
})
export type VeiligheidsplanBody = z.output<typeof VeiligheidsplanBody>

export const SafetyFlag = z.strictObject({
  person: z.string(),
  flags: z.array(z.enum([...NETWORK_FLAGS, 'niet-veilig', 'mag-niet-weten'])),
  /** The begeleider set it (parents record) or the child said it in Mijn netwerk. */
  from: z.enum(['begeleider', 'kind']),
})
export type SafetyFlag = z.output<typeof SafetyFlag>

export const VeiligheidsplanOut = z.strictObject({
  child: ChildHead,
  audience: z.enum(PLAN_AUDIENCES),
  plan: VeiligheidsplanBody.omit({ citations: true }).extend({ citations: z.array(CitedItem) }),
  /** What the plan is drafted from: the Stoplicht's `nodig`, the kamer's safety module, the network flags. */
  draft: z.strictObject({ answers: z.array(CitedItem), flags: z.array(SafetyFlag) }),
  /** The words of prompts of an organisation's own versions (server/tools/labels.ts). */
  labels: ToolLabels.optional(),
  ...Stamp,
})
export type VeiligheidsplanOut = z.output<typeof VeiligheidsplanOut>

/** The child's version, to the child's own screen only: pictures, short sentences, who agreed. */
export const ChildPlanOut = z.strictObject({
  lines: z.array(ChildLine),
  agreements: z.array(Agreement),
  updatedAt: z.string().nullable(),
})
export type ChildPlanOut = z.output<typeof ChildPlanOut>

/**
 * The "goed genoeg" checklist. The werkkaart's own criteria [000:588-592, 659-663] are not in the
 * method sources we hold; these are the method's subgoals it checks against [000:308-357], to be
 * replaced by the werkkaart's wording when an organisation has it (docs/plans.md).
 */
export const GOED_GENOEG = ['veilig', 'rust', 'begrip', 'emotionele-veiligheid', 'rollen', 'hulp'] as const
export const CheckAnswer = z.enum(['ja', 'deels', 'nee', 'onbekend'])
export const EvaluationPlanBody = z.strictObject({
  heldOn: Day,
  withParent: z.boolean(),
  withChild: z.boolean(),
  goals: z
    .array(z.strictObject({ goalId: PlanId, progress: GoalProgress, note: z.string().trim().max(500).default('') }))
    .max(12),
  /** The Signs-of-Safety questions [000:669-684], the scale as the begeleider's assessment of the situation. */
  sos: z.strictObject({
    worries: z.string().trim().max(2000).default(''),
    mustHappen: z.string().trim().max(2000).default(''),
    scale: z.int().min(0).max(10).nullable(),
  }),
  goedGenoeg: z.partialRecord(z.enum(GOED_GENOEG), CheckAnswer).default({}),
})
export type EvaluationPlanBody = z.output<typeof EvaluationPlanBody>

export const EvaluationOut = EvaluationPlanBody.extend({
  id: Id,
  by: z.string(),
  goals: z.array(
    z.strictObject({ goalId: PlanId, text: z.string().nullable(), progress: GoalProgress, note: z.string() }),
  ),
})
export const EvaluationsOut = z.strictObject({
  child: ChildHead,
  goals: z.array(z.strictObject({ id: PlanId, text: z.string(), progress: GoalProgress })),
  evaluations: z.array(EvaluationOut),
  /** The child's own scale (Stoplicht ladder, Mijn kamer), as the begeleider may see it, to set beside. */
  childScale: z.array(
    z.strictObject({ gesprekId: Id, toolId: z.string(), stepId: z.string(), at: z.string(), value: z.int() }),
  ),
})
export type EvaluationsOut = z.output<typeof EvaluationsOut>
