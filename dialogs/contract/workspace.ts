import * as z from 'zod'
import { AgeBand, ChildId, Id, Living, Nickname } from './ids'
import { Colour, Person, ShareLevel } from './items'
import { ToolLabels } from './tool-version'
import { ItemView } from './view'
import { NetworkFlag, OtherParentProfile, ParentRole } from './parents'

/** The begeleider's workspace (docs/workspace.md): caseload, cadence, history, oudergesprek, beheer. */

/** The method's fase of a child (digest 4.3): 1 verkenning, 2 begeleiding, 3 afronding; not a gesprek's `Phase`. */
export const Fase = z.union([z.literal(1), z.literal(2), z.literal(3)])
export type Fase = z.output<typeof Fase>
export { Living } from './ids'
/** A family label is how the team recognises the household ("Gezin Z."), never a full surname. */
export const FamilyLabel = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{M}\p{N}' .-]+$/u)
/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const CADENCE_STATUSES = ['ok', 'due', 'overdue'] as const
export const CadenceStatus = z.enum(CADENCE_STATUSES)
export const CadenceItem = z.strictObject({
  status: CadenceStatus,
  /** When the next one is due at the latest (ISO time). */
  dueAt: z.string(),
  /** The last one, or null when there was none yet (the clock then starts at intake). */
  lastAt: z.string().nullable(),
})
export type CadenceItem = z.output<typeof CadenceItem>

export const CaseloadChild = z.strictObject({
  id: ChildId,
  nickname: z.string(),
  ageBand: AgeBand,
  /** The band the werkvormen follow when the begeleider set one apart from age; null: the age band. */
  developmentBand: AgeBand.nullable(),
  phase: Fase,
  living: Living,
  familyId: Id.nullable(),
  begeleider: z.string(),
  mine: z.boolean(),
  createdAt: z.string(),
  gesprekCount: z.int(),
  /** Tasks an answer asked for (the left-behind pet) that nobody ticked off yet; counts only. */
  openTasks: z.int(),
  cadence: z.strictObject({
    gesprek: CadenceItem,
    oudergesprek: CadenceItem,
    evaluatie: CadenceItem,
    /** Fase 1 at most six weeks from intake; `ok` once the child is in fase 2 or 3. */
    fase1: CadenceItem,
  }),
})
export type CaseloadChild = z.output<typeof CaseloadChild>
export const CaseloadFamily = z.strictObject({
  id: Id.nullable(),
  label: z.string().nullable(),
  children: z.array(CaseloadChild),
})
export const CaseloadOut = z.strictObject({
  now: z.string(),
  families: z.array(CaseloadFamily),
  familyOptions: z.array(z.strictObject({ id: Id, label: z.string() })),
})
export type CaseloadOut = z.output<typeof CaseloadOut>

/** New child with everything the caseload shows; a new family can be made on the way. */
export const NewCaseloadChildBody = z.strictObject({
  nickname: Nickname,
  ageBand: AgeBand,
  phase: Fase.default(1),
  living: Living.default('residentieel'),
  familyId: Id.nullable().default(null),
  newFamily: FamilyLabel.optional(),
})
export const ChildProfileBody = z
  .strictObject({
    nickname: Nickname.optional(),
    ageBand: AgeBand.optional(),
    developmentBand: AgeBand.nullable().optional(),
    phase: Fase.optional(),
    living: Living.optional(),
    familyId: Id.nullable().optional(),
    newFamily: FamilyLabel.optional(),
  })
  .refine((b) => Object.keys(b).length > 0)
export const EvaluationBody = z.strictObject({ heldOn: Day })

/** How the parent who did not come along is informed (digest 3.5), agreed with both parents. */
export const OtherParentBody = z.strictObject({ text: z.string().trim().min(1).max(2000), agreedOn: Day })
export const OtherParentRecord = z.strictObject({
  text: z.string(),
  agreedOn: Day,
  recordedAt: z.string(),
  recordedBy: z.string(),
})
export const OtherParentOut = z.strictObject({
  current: OtherParentRecord.nullable(),
  earlier: z.array(OtherParentRecord),
})
export type OtherParentOut = z.output<typeof OtherParentOut>

/** History: a timeline and trend series, all built from the begeleider projection. */
export const TimelineEntry = z.strictObject({
  gesprekId: Id,
  toolId: z.string(),
  setting: z.string(),
  createdAt: z.string(),
  phase: z.string(),
  items: z.int(),
  worries: z.int(),
  notes: z.int(),
  skipped: z.array(z.string()),
})
export const StoplichtPoint = z.strictObject({ gesprekId: Id, at: z.string(), colour: Colour, share: ShareLevel })
export const StoplichtSeries = z.strictObject({
  toolId: z.string(),
  stepId: z.string(),
  subject: z.string(),
  points: z.array(StoplichtPoint),
})
export const ScalePoint = z.strictObject({ gesprekId: Id, at: z.string(), value: z.int(), share: ShareLevel })
export const ScaleSeries = z.strictObject({ toolId: z.string(), stepId: z.string(), points: z.array(ScalePoint) })
export const NetwerkPerson = z.strictObject({ key: z.string(), person: Person, share: ShareLevel })
export const NetwerkSnapshot = z.strictObject({
  gesprekId: Id,
  toolId: z.string(),
  at: z.string(),
  people: z.array(NetwerkPerson),
})
export const NetwerkChange = z.strictObject({
  fromGesprekId: Id,
  toGesprekId: Id,
  at: z.string(),
  cameIn: z.array(z.string()),
  wentOut: z.array(z.string()),
  moved: z.array(z.strictObject({ name: z.string(), from: z.int(), to: z.int() })),
})
/** One answer in one of the Drie huizen, as it reached the begeleider (its pictures and words). */
export const HouseThing = z.strictObject({
  pictures: z.array(z.string()),
  text: z.string().optional(),
  drawing: z.boolean(),
  worry: z.boolean(),
  share: ShareLevel,
})
export const DrieHuizenPoint = z.strictObject({
  gesprekId: Id,
  at: z.string(),
  houses: z.array(z.strictObject({ stepId: z.string(), things: z.array(HouseThing) })),
})
export const HistoryOut = z.strictObject({
  child: z.strictObject({ id: ChildId, nickname: z.string(), ageBand: AgeBand }),
  timeline: z.array(TimelineEntry),
  stoplicht: z.array(StoplichtSeries),
  scales: z.array(ScaleSeries),
  /** Per Drie huizen gesprek, what is in each house, so the houses can be followed over weeks. */
  drieHuizen: z.array(DrieHuizenPoint),
  netwerk: z.strictObject({ now: NetwerkSnapshot.nullable(), changes: z.array(NetwerkChange) }),
  /** The words of prompts of an organisation's own versions (server/tools/labels.ts). */
  labels: ToolLabels.optional(),
})
export type HistoryOut = z.output<typeof HistoryOut>

/** Themes of the oudergesprek preparation (docs/workspace.md: mapping from tool steps). */
export const THEMES = ['goed', 'zorgen', 'dromen', 'veiligheid', 'netwerk', 'observatie', 'overig'] as const
export const Theme = z.enum(THEMES)
export type Theme = z.output<typeof Theme>
export const PrepItem = z.strictObject({
  gesprekId: Id,
  toolId: z.string(),
  at: z.string(),
  theme: Theme,
  item: ItemView,
  /** The item is about the parent who did not come along: the preparation carries a caution [000:2102-2106]. */
  aboutOtherParent: z.literal(true).optional(),
})
export type PrepItem = z.output<typeof PrepItem>
export const OudergesprekDraft = z.strictObject({
  talkingPoints: z.string().max(4000),
  tips: z.string().max(4000),
})
export type OudergesprekDraft = z.output<typeof OudergesprekDraft>
/**
 * Each parent apart: a preparation is for one parent. `?ouder=mama|papa` asks for that parent's; absent,
 * the parent the oudergesprek is with (`present`), or "the parent here" while none is recorded.
 */
export const PrepParentQuery = z.strictObject({ ouder: ParentRole.optional() })
/**
 * The preparation for the parent who did not come along: the begeleider's own record only (how this
 * parent is informed, as agreed with both parents; contact, gezag and risk; the network safety flags).
 * Never an answer of the child, unless the child named this parent in its choice.
 */
export const OtherParentPrep = z.strictObject({
  profile: OtherParentProfile,
  flags: z.array(NetworkFlag),
  informed: OtherParentRecord.nullable(),
})
export const OudergesprekOut = z.strictObject({
  child: z.strictObject({ id: ChildId, nickname: z.string(), ageBand: AgeBand }),
  /** Whom this preparation is for (null: the parent here, none recorded) and who the parent here is. */
  parent: z.strictObject({ for: ParentRole.nullable(), present: ParentRole.nullable() }),
  /** Only when `for` is the parent who did not come along. */
  otherParent: OtherParentPrep.nullable(),
  since: z.string().nullable(),
  zelfVertellen: z.array(PrepItem),
  begeleiderVertelt: z.array(PrepItem),
  /** For 0-4: what the observation shared for the oudergesprek, by principle (step). */
  observatie: z.array(PrepItem),
  draft: OudergesprekDraft.nullable(),
  draftUpdatedAt: z.string().nullable(),
  /** The words of prompts of an organisation's own versions (server/tools/labels.ts). */
  labels: ToolLabels.optional(),
})
export type OudergesprekOut = z.output<typeof OudergesprekOut>

/** Beheer (admin of one organisation). */
export const Username = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/)
/** Length is checked by the server (password_too_short) so the screen can say why; the form shows it. */
export const MIN_PASSWORD_LENGTH = 10
export const NewPassword = z.string().min(1).max(200)
export const DisplayName = z.string().trim().min(1).max(60)
export const NewTeamBody = z.strictObject({ name: z.string().trim().min(1).max(60) })
export const NewBegeleiderBody = z.strictObject({
  teamId: Id,
  username: Username,
  displayName: DisplayName,
  password: NewPassword,
  admin: z.boolean().default(false),
})
export const PasswordBody = z.strictObject({ password: NewPassword })
export const MoveChildBody = z.strictObject({ teamId: Id, begeleiderId: Id })
export const BeheerOut = z.strictObject({
  organisation: z.string(),
  /** Days after closing a trajectory before retention erases the child's answers. */
  retentionDays: z.int(),
  teams: z.array(z.strictObject({ id: Id, name: z.string() })),
  begeleiders: z.array(
    z.strictObject({
      id: Id,
      teamId: Id,
      username: z.string(),
      displayName: z.string(),
      admin: z.boolean(),
      active: z.boolean(),
      sessions: z.int(),
    }),
  ),
  children: z.array(
    z.strictObject({
      id: ChildId,
      nickname: z.string(),
      teamId: Id,
      begeleiderId: Id,
      ageBand: AgeBand,
      /** Set once the trajectory is closed; retention erases the child RETENTION_DAYS later. */
      closedAt: z.string().nullable(),
      /** When retention will erase it (closedAt + RETENTION_DAYS), so the screen can say so. */
      eraseAfter: z.string().nullable(),
    }),
  ),
  handovers: z.array(
    z.strictObject({
      childId: ChildId,
      fromTeamId: Id,
      toTeamId: Id,
      fromBegeleiderId: Id,
      toBegeleiderId: Id,
      byBegeleiderId: Id,
      at: z.string(),
    }),
  ),
})
export type BeheerOut = z.output<typeof BeheerOut>
