import * as z from 'zod'

/**
 * Through which screen or export a begeleider reached a child's gesprek (the access log, docs/deelafspraak.md), and every
 * way a screen came to hold a child's token: the first screen (`join`), a new screen after the earlier ones
 * ended (`rejoin`), one more screen beside the child's own (`second-device`); the begeleider named is the
 * one who made the code (ADR 0010).
 */
export const ACCESS_TYPES = [
  'live',
  'gesprek',
  'history',
  'oudergesprek',
  'print',
  'export',
  'join',
  'rejoin',
  'second-device',
  'kamer-setup',
  'kamer-open',
] as const
/** Lines that stand for one event each: never merged with others of the same day. */
export const DEVICE_ACCESS_TYPES: readonly AccessType[] = [
  'join',
  'rejoin',
  'second-device',
  'kamer-setup',
  'kamer-open',
]
export const AccessType = z.enum(ACCESS_TYPES)
export type AccessType = z.output<typeof AccessType>

/**
 * One line of the child's receipt: who looked, through what, at which part, when. Never content:
 * `stepIds` name parts of the script ("huis-dromen"), not what the child said there.
 */
export const ReceiptEntry = z.strictObject({
  who: z.string(),
  role: z.enum(['begeleider', 'admin']),
  what: AccessType,
  toolId: z.string().nullable(),
  stepIds: z.array(z.string()),
  /** ISO time of the latest look that this line stands for (repeated looks on one day are one line). */
  at: z.string(),
  /** How many looks this line stands for. */
  count: z.int().positive(),
})
export type ReceiptEntry = z.output<typeof ReceiptEntry>

export const ReceiptOut = z.strictObject({ entries: z.array(ReceiptEntry) })
export type ReceiptOut = z.output<typeof ReceiptOut>
