import * as z from 'zod'
import { ItemId } from './items'

/** Answers that suggest danger (docs/signals.md); derived from items in dialogs/signals.ts. */
export const SIGNAL_TYPES = ['rood', 'laag', 'niet-veilig', 'mag-niet-weten'] as const
export type SignalType = (typeof SIGNAL_TYPES)[number]

/** With whom a signal was discussed: the child, the team, the parent [000:596-600, 710-714]. */
export const FOLLOW_UP_WITH = ['kind', 'team', 'ouder'] as const
export const FollowUpWith = z.enum(FOLLOW_UP_WITH)

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const FollowUpBody = z.strictObject({
  gesprekId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  itemId: ItemId,
  with: FollowUpWith,
  on: Day,
})

export const SignalView = z.strictObject({
  gesprekId: z.string(),
  toolId: z.string(),
  itemId: z.string(),
  stepId: z.string(),
  type: z.enum(SIGNAL_TYPES),
  since: z.string(),
  /** The last day of the follow-up window ("binnen 2 werkdagen besproken"). */
  dueOn: Day,
  status: z.enum(['open', 'te-laat', 'besproken']),
  followUps: z.array(z.strictObject({ with: FollowUpWith, on: Day, by: z.string() })),
})
export type SignalView = z.output<typeof SignalView>

export const TalkRequestView = z.strictObject({ id: z.string(), since: z.string() })

export const ChildSignalsOut = z.strictObject({
  followUpDays: z.int(),
  signals: z.array(SignalView),
  talk: z.array(TalkRequestView),
})
export type ChildSignalsOut = z.output<typeof ChildSignalsOut>

/** Per child of the team: what the caseload row says, in words, without any answer. */
export const CaseloadSignalsOut = z.strictObject({
  children: z.record(
    z.string(),
    z.strictObject({
      types: z.array(z.enum(SIGNAL_TYPES)),
      open: z.int(),
      late: z.int(),
      talk: z.int(),
    }),
  ),
})
export type CaseloadSignalsOut = z.output<typeof CaseloadSignalsOut>
