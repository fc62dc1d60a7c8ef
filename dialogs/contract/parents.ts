import * as z from 'zod'

/** The parent the oudergesprek is with, as the child calls them; unknown: "the parent you are here with". */
export const PARENT_ROLES = ['mama', 'papa'] as const
export const ParentRole = z.enum(PARENT_ROLES)
export type ParentRole = z.output<typeof ParentRole>
export const otherRole = (r: ParentRole): ParentRole => (r === 'mama' ? 'papa' : 'mama')

const Text = z.string().trim().max(1000)
/** The begeleider's structured record of the parent who did not come along [000:894-906]. */
export const OtherParentProfile = z.strictObject({
  /** Role and meaning of this parent for the child. */
  role: Text.default(''),
  /** Safety risk, as assessed with the team. */
  risk: z.enum(['onbekend', 'geen', 'zorg', 'gevaar']).default('onbekend'),
  /** How contact between parent and child takes shape. */
  contact: z.enum(['onbekend', 'vrij', 'begeleid', 'geen']).default('onbekend'),
  /** Whether this parent has gezag (parental authority). */
  gezag: z.enum(['onbekend', 'ja', 'nee']).default('onbekend'),
})
export type OtherParentProfile = z.output<typeof OtherParentProfile>

/** Begeleider-set network safety flags, per person as the begeleider names them [000:1160; 002:406-409]. */
export const NETWORK_FLAGS = ['geen-contact', 'begeleid-contact', 'geheim-adres'] as const
export const NetworkFlag = z.strictObject({
  person: z.string().trim().min(1).max(40),
  flags: z.array(z.enum(NETWORK_FLAGS)).min(1).max(3),
})
export type NetworkFlag = z.output<typeof NetworkFlag>

export const ParentsBody = z.strictObject({
  present: ParentRole.nullable(),
  other: OtherParentProfile,
  flags: z.array(NetworkFlag).max(40),
})
export const ParentsOut = ParentsBody.extend({ updatedAt: z.string().nullable() })
export type ParentsOut = z.output<typeof ParentsOut>

/** The child's own screen (GET /api/parents/mine): only the role word of the parent at the oudergesprek. */
export const PresentParentOut = z.strictObject({ present: ParentRole.nullable() })
