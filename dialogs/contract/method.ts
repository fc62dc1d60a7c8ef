import * as z from 'zod'
import { AgeBand, ChildId, Id, Living } from './ids'
import { ParentRole } from './parents'
import { ToolLabels } from './tool-version'
import { CadenceItem, Fase, Day, PrepItem } from './workspace'

/**
 * The method's rhythm on the begeleider's side (docs/method.md): consent, the weekly oudergesprek and the
 * joint conversation, the phases, the family. Every record is a few ticks and a date, prefilled from
 * what is already recorded: the method's own evaluation found it "too extensive" [000:3357-3361].
 */

const Text = z.string().trim().max(1000)

/** Where a consent stands: not asked yet, given, refused. A refusal never blocks; it points to the richtlijn. */
export const CONSENT_DECISIONS = ['open', 'gegeven', 'geweigerd'] as const
export const ConsentDecision = z.enum(CONSENT_DECISIONS)
export type ConsentDecision = z.output<typeof ConsentDecision>
export const Gezag = z.enum(['onbekend', 'ja', 'nee'])

/** One parent's consent for the child's guidance [000:264-272; 004:100-102]. */
export const ParentConsent = z.strictObject({
  gezag: Gezag.default('onbekend'),
  decision: ConsentDecision.default('open'),
  on: Day.nullable().default(null),
  /** The purpose of the kind-gesprekken was explained to this parent [000:3254-3258]. */
  explained: z.boolean().default(false),
})
export type ParentConsent = z.output<typeof ParentConsent>

/** The fase-1 consent conversation with a jongere of 12 or older [000:1216-1222]. */
export const JongereConsent = z.strictObject({
  decision: ConsentDecision.default('open'),
  on: Day.nullable().default(null),
  /** Which professionals and services may be contacted, and what is asked of them. */
  contacts: Text.default(''),
  /** Conditions and wishes, beyond what the deelafspraak already settles per answer. */
  conditions: Text.default(''),
  /** What the parents do and do not get outside the app (the app itself follows the deelafspraak). */
  parentsInfo: Text.default(''),
})

/** Who outside is approached, as told to a younger child [000:1222-1225]. */
export const OUTSIDE_CONTACTS = ['school', 'jgz', 'kinderopvang', 'huisarts', 'anders'] as const
export const ToldChild = z.strictObject({
  on: Day.nullable().default(null),
  who: z.array(z.enum(OUTSIDE_CONTACTS)).max(OUTSIDE_CONTACTS.length).default([]),
  /** What information is asked of them, in the words used with the child. */
  what: Text.default(''),
})

export const ConsentBody = z.strictObject({
  /** The parent the child is here with (the parents record says whether that is mama or papa). */
  present: ParentConsent,
  /** The parent who did not come along; their gezag is kept in the parents record, one place only. */
  other: ParentConsent,
  jongere: JongereConsent,
  told: ToldChild,
})
export type ConsentBody = z.output<typeof ConsentBody>

export const CONSENT_STATUSES = ['open', 'compleet', 'geweigerd'] as const
export const ConsentOut = ConsentBody.extend({
  /** open: something still to ask; compleet: every parent with gezag (and a jongere of 12+) agreed. */
  status: z.enum(CONSENT_STATUSES),
  /** Whether the 12+ conversation applies (age band 12-15 or 16-18). */
  twelvePlus: z.boolean(),
  /** Read from the records that already hold it, shown beside the consent, never copied into it. */
  parents: z.strictObject({
    present: ParentRole.nullable(),
    otherInformed: z.strictObject({ text: z.string(), agreedOn: Day }).nullable(),
  }),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
})
export type ConsentOut = z.output<typeof ConsentOut>

/** A weekly oudergesprek, or the joint child-parent conversation after a kind-gesprek [000:430-434, 798-804]. */
export const TalkBody = z.strictObject({
  heldOn: Day,
  /** The kind-gesprek a joint conversation followed. */
  gesprekId: Id.optional(),
  note: Text.default(''),
})
export const TalkRecord = z.strictObject({
  heldOn: Day,
  gesprekId: Id.nullable(),
  note: z.string(),
  recordedBy: z.string(),
})
export type TalkRecord = z.output<typeof TalkRecord>
export const RhythmOut = z.strictObject({
  oudergesprek: CadenceItem,
  oudergesprekken: z.array(TalkRecord),
  /** The joint conversation after the last guided kind-gesprek: pending while none is recorded since. */
  samen: z.strictObject({
    lastGesprekId: Id.nullable(),
    lastGesprekAt: z.string().nullable(),
    lastAt: z.string().nullable(),
    pending: z.boolean(),
  }),
  samenRecords: z.array(TalkRecord),
})
export type RhythmOut = z.output<typeof RhythmOut>

/** The fase-1 checklist [000:603-758, 1154-1225]; the order is the order on screen. */
export const FASE1_ITEMS = ['intake', 'veiligheid', 'sdq', 'netwerk', 'professionals', 'actieplan'] as const
export const Fase1Item = z.enum(FASE1_ITEMS)
export type Fase1Item = z.output<typeof Fase1Item>
export const Fase1Body = z.strictObject({
  ticks: z.array(Fase1Item).max(FASE1_ITEMS.length),
})
export const Fase1Check = z.strictObject({
  id: Fase1Item,
  done: z.boolean(),
  /** Where a derived tick comes from: a tool done, a consent recorded, an actieplan with a goal. Null: by hand. */
  from: z.enum(['tool', 'consent', 'told', 'plan']).nullable(),
  at: z.string().nullable(),
})
export const Fase1Out = z.strictObject({
  /** Fase 1 lasts at most six weeks from intake [000:418]. */
  limit: CadenceItem,
  items: z.array(Fase1Check),
})

/** The warm handover to follow-up help at the end [000:1239-1243], and what the child was told about it. */
export const OverdrachtBody = z.strictObject({
  to: z.string().trim().min(1).max(200),
  on: Day,
  toldChild: Text.default(''),
})

/** A phone number as people dial it: digits, a leading + for a country code, spaces or dashes between groups. */
const ContactNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/)

/**
 * One contact for the afscheid, entered by the begeleider beforehand [000:840-844]: who, by a role or
 * a first name ("Karin, je nieuwe begeleider"; no full name needed), the number, and what for. It is the
 * begeleider's record, never copied from the child's answers, so nothing the child kept private is in it.
 */
export const AfscheidContact = z.strictObject({
  who: z.string().trim().min(1).max(60),
  number: z.union([ContactNumber, z.literal('')]).default(''),
  what: z.string().trim().max(120).default(''),
})
export type AfscheidContact = z.output<typeof AfscheidContact>
export const MAX_AFSCHEID_CONTACTS = 12
export const AfscheidContactsBody = z.strictObject({
  contacts: z.array(AfscheidContact).max(MAX_AFSCHEID_CONTACTS),
})
/** What the child's own screen in the afscheid gets: the list, nothing else of the record. */
export const MyContactsOut = z.strictObject({ contacts: z.array(AfscheidContact) })
export type MyContactsOut = z.output<typeof MyContactsOut>

export const PhaseOut = z.strictObject({
  phase: Fase,
  /** Residential or ambulant: an ambulant child's page names what the seeds say differs at home [000:1058-1062]. */
  living: Living,
  fase1: Fase1Out,
  overdracht: OverdrachtBody.extend({ recordedBy: z.string(), recordedAt: z.string() }).nullable(),
  /** The contacts the child sees in the afscheid; null until the begeleider entered a list. */
  contacten: AfscheidContactsBody.extend({ recordedBy: z.string(), recordedAt: z.string() }).nullable(),
})
export type PhaseOut = z.output<typeof PhaseOut>

export const MethodOut = z.strictObject({
  consent: ConsentOut,
  rhythm: RhythmOut,
  phase: PhaseOut,
})
export type MethodOut = z.output<typeof MethodOut>

/**
 * The siblings' oudergesprek preparation: one sheet, each child's parent-shareable items apart. A child
 * whose recorded parent is not the one this talk is with is left out, with the reason, never mixed in.
 */
export const FAMILY_LEFT_OUT = ['andere-ouder', 'ouder-onbekend'] as const
export const FamilyChildPrep = z.strictObject({
  child: z.strictObject({ id: ChildId, nickname: z.string(), ageBand: AgeBand }),
  included: z.boolean(),
  leftOut: z.enum(FAMILY_LEFT_OUT).nullable(),
  zelfVertellen: z.array(PrepItem),
  begeleiderVertelt: z.array(PrepItem),
  observatie: z.array(PrepItem),
})
export type FamilyChildPrep = z.output<typeof FamilyChildPrep>
export const FamilyPrepOut = z.strictObject({
  family: z.strictObject({ id: Id, label: z.string() }),
  /** The parent this oudergesprek is with; null when no child has it recorded. */
  with: ParentRole.nullable(),
  since: z.string().nullable(),
  children: z.array(FamilyChildPrep),
  /** The words of prompts of an organisation's own versions (server/tools/labels.ts). */
  labels: ToolLabels.optional(),
})
export type FamilyPrepOut = z.output<typeof FamilyPrepOut>
export const FamilyTalkBody = z.strictObject({ heldOn: Day, with: ParentRole.nullable().default(null) })
